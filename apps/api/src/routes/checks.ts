import { PassThrough } from 'node:stream'
import {
  CheckResultSchema,
  ChecksRequestSchema,
  ChecksResponseSchema,
  InvalidConfigResponseSchema,
  validateConfig,
} from '@portkey-setup/schema'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { runChecks } from '../checks/catalog.js'
import type { RunOptions } from '../checks/runner/run.js'
import type { CheckEnvironment, CheckResult } from '../checks/runner/types.js'
import type { ChecksSettings } from '../config.js'
import { commonErrorResponses, errorResponse, jsonResponse, RequestValidationError } from '../errors.js'
import { createTokenMatcher } from '../plugins/auth.js'

/** Settings the checks read; endpointOverrides (test only) and extraCa are optional extras. */
export type ChecksRouteSettings = ChecksSettings & CheckEnvironment

const NDJSON = 'application/x-ndjson'

const wantsNdjson = (request: FastifyRequest) =>
  (request.headers.accept ?? '').split(',').some((t) => t.trim().toLowerCase().startsWith(NDJSON))

/**
 * POST /api/checks: every requested target in parallel, each under its deadline. The config and
 * its secrets live only in this request's memory. A caller (token, else socket address) may run
 * CHECKS_CONCURRENCY check requests at once; beyond that the answer is 429 with Retry-After.
 */
export const checksRoutes: FastifyPluginAsyncZod = async (app) => {
  const settings: ChecksRouteSettings = app.settings.checks
  const match = createTokenMatcher(app.settings.apiTokens)
  const active = new Map<string, number>()
  const retryAfter = String(Math.max(1, Math.ceil(settings.timeoutMs / 1000)))

  const callerKey = (request: FastifyRequest) => {
    const i = match(request.headers.authorization)
    return i >= 0 ? `token:${i}` : `ip:${request.ip}`
  }

  const tooMany = (request: FastifyRequest, reply: FastifyReply) =>
    reply
      .code(429)
      .header('retry-after', retryAfter)
      .send({
        error: {
          code: 'TOO_MANY_CHECKS',
          message: `At most ${settings.concurrency} check requests may run at once per caller: wait for one to finish and try again.`,
          requestId: request.id,
        },
      })

  app.post(
    '/api/checks',
    {
      schema: {
        tags: ['checks'],
        summary: 'Run connectivity checks for a deployment config',
        description: `Proves from this server that each configured backend accepts what the gateway will do (write and read a probe object, assume the role, AUTH and PING, EXISTS TABLE...). Targets run in parallel, each with a deadline (CHECKS_TIMEOUT_MS). With "Accept: ${NDJSON}" the answer streams one CheckResult per line as each finishes. The config is held only for the request.`,
        body: ChecksRequestSchema,
        response: {
          200: jsonResponse(ChecksResponseSchema),
          422: jsonResponse(InvalidConfigResponseSchema),
          ...commonErrorResponses,
          429: errorResponse('Too many check requests from this caller at once, or too many requests.'),
        },
      },
      // Same messages and paths as /api/validate: the issues point into the config itself.
      preValidation: async (request) => {
        const body = request.body as { config?: unknown } | undefined
        if (body && typeof body === 'object' && 'config' in body) {
          const r = validateConfig(body.config)
          if (!r.valid) throw new RequestValidationError(r.issues, 422)
        }
      },
      onSend: async (_request, reply, payload) => {
        reply.header('cache-control', 'no-store')
        return payload
      },
    },
    async (request, reply) => {
      const key = callerKey(request)
      const running = active.get(key) ?? 0
      if (running >= settings.concurrency) return tooMany(request, reply)
      active.set(key, running + 1)
      const release = () => {
        const n = (active.get(key) ?? 1) - 1
        if (n <= 0) active.delete(key)
        else active.set(key, n)
      }

      // The caller hanging up stops the checks.
      const ac = new AbortController()
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) ac.abort()
      })
      const opts: RunOptions = {
        policy: settings,
        timeoutMs: settings.timeoutMs,
        env: { endpointOverrides: settings.endpointOverrides, extraCa: settings.extraCa },
        signal: ac.signal,
        onInternalError: (info) =>
          request.log.error({ check: info }, 'a connectivity check failed unexpectedly'),
      }
      const { config, targets } = request.body

      if (!wantsNdjson(request)) {
        try {
          return { results: await runChecks(config, targets, opts) }
        } finally {
          release()
        }
      }

      const stream = new PassThrough()
      const write = (r: CheckResult) => {
        if (!stream.destroyed) stream.write(`${JSON.stringify(CheckResultSchema.parse(r))}\n`)
      }
      runChecks(config, targets, opts, write)
        .catch((err: unknown) => request.log.error({ err }, 'checks stream failed'))
        .finally(() => {
          release()
          stream.end()
        })
      // A stream bypasses the JSON response schema; each line was checked against it above.
      return reply
        .code(200)
        .type(NDJSON)
        .send(stream as never)
    },
  )
}
