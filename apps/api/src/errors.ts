import { ErrorResponseSchema, type Issue } from '@portkey-setup/schema'
import { z } from 'zod'

// The contract's shapes live in the schema package (one OpenAPI component each); the API adds
// the classes it throws and the standard responses every route documents.
export type { Issue }

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

/**
 * A documented JSON response that refers to a shared component ($ref) and still has its own
 * description (OpenAPI puts it beside the schema, not inside it); by default the component's own.
 */
export const jsonResponse = <S extends z.ZodType>(schema: S, description?: string) => ({
  description: description ?? z.globalRegistry.get(schema)?.description ?? 'Success.',
  content: { 'application/json': { schema } },
})

/** A documented error response: the shared ErrorResponse component with its own description. */
export const errorResponse = (description: string) => jsonResponse(ErrorResponseSchema, description)

/** Standard responses every POST route documents, so OpenAPI lists the error shapes too. */
export const commonErrorResponses = {
  400: errorResponse('Malformed JSON, a poisoned prototype key, or a bad request.'),
  401: errorResponse('Missing or wrong bearer token (only when API_TOKENS is set).'),
  413: errorResponse('The body is larger than 256 KiB.'),
  415: errorResponse('The body is not application/json.'),
  429: errorResponse('Too many requests from this token or address.'),
  500: errorResponse('Unexpected server error; the message never carries details.'),
} as const
