import {
  ErrorResponseSchema,
  InvalidConfigResponseSchema,
  type Issue,
  ValidResponseSchema,
  type Warning,
} from '@portkey-setup/schema'
import { z } from 'zod'

/**
 * Response shapes of api-contract.md, from the schema package: the API answers with the same
 * schemas, so a server drift shows as a clear error. Two allowances for older or other servers:
 * a 422 need not carry the error object, and an error body need not carry a request id.
 */
export {
  ChecksResponseSchema,
  HealthResponseSchema,
  ImportResponseSchema,
  RenderResponseSchema,
} from '@portkey-setup/schema'
export type { Issue, Warning }

export const ValidateResponseSchema = z.discriminatedUnion('valid', [
  ValidResponseSchema,
  InvalidConfigResponseSchema.omit({ error: true }),
])
export type ValidateResponse = z.infer<typeof ValidateResponseSchema>

export const ErrorBodySchema = ErrorResponseSchema.extend({
  error: ErrorResponseSchema.shape.error.partial({ requestId: true }),
})
