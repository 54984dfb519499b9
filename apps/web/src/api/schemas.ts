import { CheckResultSchema } from '@portkey-setup/schema'
import { z } from 'zod'

/**
 * Response shapes from api-contract.md; every body is parsed, so a server drift shows as a clear error.
 * CheckResult comes from the schema package, the same definition the API answers with.
 */

export const ChecksResponseSchema = z.object({ results: z.array(CheckResultSchema) })

export const IssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  message: z.string(),
})
export type Issue = z.infer<typeof IssueSchema>

const WarningSchema = z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })
export type Warning = z.infer<typeof WarningSchema>

export const ValidateResponseSchema = z.discriminatedUnion('valid', [
  z.object({ valid: z.literal(true), warnings: z.array(WarningSchema) }),
  z.object({ valid: z.literal(false), issues: z.array(IssueSchema) }),
])
export type ValidateResponse = z.infer<typeof ValidateResponseSchema>

export const RenderResponseSchema = z.object({
  files: z.array(z.object({ path: z.string(), content: z.string(), mode: z.number() })),
})

export const ImportResponseSchema = z.object({
  config: z.record(z.string(), z.unknown()),
  warnings: z.array(WarningSchema),
})

export const ErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), requestId: z.string().optional() }),
  issues: z.array(IssueSchema).optional(),
})

export const HealthResponseSchema = z.object({ status: z.literal('ok'), version: z.string() })
