import { z } from 'zod'
import { IssueSchema } from './issues.js'

/** The one error shape of the contract. */
export const ErrorBodySchema = z
  .object({
    code: z.string().describe('Stable machine-readable code, e.g. INVALID_CONFIG or BODY_TOO_LARGE.'),
    message: z.string().describe('What went wrong and what to do, for a person.'),
    requestId: z.string().describe('Quote it when reporting a problem; the server log carries it too.'),
  })
  .meta({ id: 'ErrorBody' })

export const ErrorResponseSchema = z
  .object({
    error: ErrorBodySchema,
    issues: z.array(IssueSchema).optional().describe('Present when the body failed its schema.'),
  })
  .meta({ id: 'ErrorResponse', description: 'Every error response has this shape.' })
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>

/** 422: the contract's validation result plus the error shape. */
export const InvalidConfigResponseSchema = z
  .object({ valid: z.literal(false), issues: z.array(IssueSchema), error: ErrorBodySchema })
  .meta({
    id: 'InvalidConfigResponse',
    description:
      'The config is invalid: each issue names the field, what is wrong and how to fix it. Besides what the schema says, a few rules span fields (e.g. TLS only with aws-elastic-cache, the data service only with an S3 log store, options the chosen chart version lacks); they answer here too.',
  })
