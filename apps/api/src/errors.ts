import { z } from 'zod'

export const IssueSchema = z.object({
  path: z
    .array(z.union([z.string(), z.number()]))
    .describe('Where in the config the problem is, e.g. ["logStore","bucket"].'),
  code: z.string(),
  message: z.string().describe('What is wrong with the field and how to fix it.'),
})

/** The one error shape of the contract. */
export const ErrorBodySchema = z.object({
  code: z.string().describe('Stable machine-readable code, e.g. INVALID_CONFIG or BODY_TOO_LARGE.'),
  message: z.string().describe('What went wrong and what to do, for a person.'),
  requestId: z.string().describe('Quote it when reporting a problem; the server log carries it too.'),
})

export const ErrorResponseSchema = z.object({
  error: ErrorBodySchema,
  issues: z.array(IssueSchema).optional().describe('Present when the body failed its schema.'),
})

/** 422: the contract's validation result plus the error shape. */
export const InvalidConfigResponseSchema = z
  .object({ valid: z.literal(false), issues: z.array(IssueSchema), error: ErrorBodySchema })
  .describe('The config is invalid: each issue names the field, what is wrong and how to fix it.')

export type Issue = z.infer<typeof IssueSchema>
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>

export const JSON_ONLY_MESSAGE = 'Send the body as JSON with the header "Content-Type: application/json".'

/** An error whose message is written for the caller and safe to return as is. */
export class ApiError extends Error {
  override name = 'ApiError'
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** A request body that failed its schema; the issues already carry user-facing messages. */
export class RequestValidationError extends Error {
  override name = 'RequestValidationError'
  constructor(
    readonly issues: Issue[],
    /** 422 for a deployment config (the contract), 400 for any other body. */
    readonly statusCode: 400 | 422,
  ) {
    super('request body failed validation')
  }
}

/** Standard responses every POST route documents, so OpenAPI lists the error shapes too. */
export const commonErrorResponses = {
  400: ErrorResponseSchema.describe('Malformed JSON, a poisoned prototype key, or a bad request.'),
  401: ErrorResponseSchema.describe('Missing or wrong bearer token (only when API_TOKENS is set).'),
  413: ErrorResponseSchema.describe('The body is larger than 256 KiB.'),
  415: ErrorResponseSchema.describe('The body is not application/json.'),
  429: ErrorResponseSchema.describe('Too many requests from this token or address.'),
  500: ErrorResponseSchema.describe('Unexpected server error; the message never carries details.'),
} as const
