import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { ApiError, JSON_ONLY_MESSAGE, RequestValidationError } from '../errors.js'

/**
 * One error handler for the whole app. Every error response has the contract's shape; 4xx
 * messages are written here rather than copied from the error (parser messages quote the body),
 * and a 5xx says nothing but the request id.
 */

type Mapped = { status: number; code: string; message: string }

const FASTIFY_ERRORS: Record<string, Mapped> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: JSON_ONLY_MESSAGE,
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'BODY_TOO_LARGE',
    message: 'The body is larger than the 256 KiB this API accepts.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'INVALID_JSON',
    message:
      'The body is not valid JSON, or it uses a "__proto__" or "constructor.prototype" key, which is refused.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'EMPTY_BODY',
    message: 'The body is empty: send a JSON object.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'BAD_REQUEST',
    message: 'The Content-Length header does not match the body.',
  },
}

const STATUS_TEXT: Record<number, [string, string]> = {
  400: ['BAD_REQUEST', 'The request could not be read.'],
  401: ['UNAUTHORIZED', 'Authentication is required.'],
  403: ['FORBIDDEN', 'This request is not allowed.'],
  404: ['NOT_FOUND', 'Nothing lives at this address. The routes are listed at /api/docs.'],
  405: ['METHOD_NOT_ALLOWED', 'This method is not allowed here.'],
  406: ['NOT_ACCEPTABLE', 'The response cannot be produced in the format the Accept header asks for.'],
  408: ['REQUEST_TIMEOUT', 'The request took too long to arrive.'],
  413: ['BODY_TOO_LARGE', 'The body is larger than the 256 KiB this API accepts.'],
  414: ['URI_TOO_LONG', 'The address is too long.'],
  415: ['UNSUPPORTED_MEDIA_TYPE', JSON_ONLY_MESSAGE],
  429: ['RATE_LIMITED', 'Too many requests: slow down and try again shortly.'],
  431: ['HEADERS_TOO_LARGE', 'The request headers are too large.'],
}

const INTERNAL: Mapped = {
  status: 500,
  code: 'INTERNAL_ERROR',
  message: 'Something went wrong on the server. Quote the request id when you report it.',
}

const mapError = (err: FastifyError | ApiError | Error): Mapped => {
  if (err instanceof ApiError) return { status: err.statusCode, code: err.code, message: err.message }
  const code = (err as FastifyError).code
  if (code && FASTIFY_ERRORS[code]) return FASTIFY_ERRORS[code]
  const status = (err as FastifyError).statusCode
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const [c, m] = STATUS_TEXT[status] ?? [`HTTP_${status}`, 'The request was refused.']
    return { status, code: c, message: m }
  }
  return INTERNAL
}

const issueSummary = (n: number) =>
  `The config has ${n} problem${n === 1 ? '' : 's'}: each issue names the field, what is wrong and how to fix it.`

export const sendError = (request: FastifyRequest, reply: FastifyReply, m: Mapped) =>
  reply
    .code(m.status)
    .header('cache-control', 'no-store')
    .send({ error: { code: m.code, message: m.message, requestId: request.id } })

/** The methods each fixed path answers (GET brings HEAD); paths with wildcards or parameters are left out. */
const routeMethods = new WeakMap<FastifyInstance, Map<string, Set<string>>>()

const allowedMethods = (request: FastifyRequest): string[] | undefined => {
  const path = request.url.split('?', 1)[0]!
  const methods = routeMethods.get(request.server)?.get(path)
  return methods && [...methods].sort()
}

/**
 * The not-found answer: 405 with Allow when the path exists for other methods (TRACE or PUT on
 * /api/validate), 404 otherwise.
 */
export const sendNotFound = (request: FastifyRequest, reply: FastifyReply) => {
  const allow = allowedMethods(request)
  if (allow && !allow.includes(request.method)) {
    reply.header('allow', allow.join(', '))
    return sendError(request, reply, {
      status: 405,
      code: 'METHOD_NOT_ALLOWED',
      message: `${request.method} is not allowed here: this address answers ${allow.join(', ')}.`,
    })
  }
  return sendError(request, reply, { status: 404, code: 'NOT_FOUND', message: STATUS_TEXT[404]![1] })
}

export const errorsPlugin = fp(
  async (app) => {
    // One table for the app; child contexts (each route plugin) share it.
    const methods = new Map<string, Set<string>>()
    app.addHook('onRoute', (route) => {
      if (/[*:]/.test(route.url)) return
      const set = methods.get(route.url) ?? new Set<string>()
      for (const m of Array.isArray(route.method) ? route.method : [route.method]) {
        set.add(m)
        if (m === 'GET') set.add('HEAD')
      }
      methods.set(route.url, set)
    })
    app.addHook('onRegister', (child) => {
      routeMethods.set(child, methods)
    })
    routeMethods.set(app, methods)
    app.setErrorHandler((err: FastifyError | Error, request, reply) => {
      if (err instanceof RequestValidationError) {
        const error =
          err.statusCode === 422
            ? { code: 'INVALID_CONFIG', message: issueSummary(err.issues.length), requestId: request.id }
            : {
                code: 'INVALID_REQUEST',
                message: 'The request body does not match its schema: see issues.',
                requestId: request.id,
              }
        return reply
          .code(err.statusCode)
          .header('cache-control', 'no-store')
          .send(
            err.statusCode === 422
              ? { valid: false, issues: err.issues, error }
              : { error, issues: err.issues },
          )
      }
      // A QUERY request without Content-Type fails before the not-found handler runs; it is still a
      // method this path does not answer.
      if ((err as FastifyError).code === 'FST_ERR_ROUTE_MISSING_CONTENT_TYPE' && request.is404)
        return sendNotFound(request, reply)
      const m = mapError(err)
      if (m.status >= 500) request.log.error({ err }, 'request failed')
      if (m.status === 401 && !reply.hasHeader('www-authenticate')) reply.header('www-authenticate', 'Bearer')
      return sendError(request, reply, m)
    })
  },
  { name: 'portkey-errors' },
)
