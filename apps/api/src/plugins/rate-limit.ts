import rateLimit from '@fastify/rate-limit'
import fp from 'fastify-plugin'
import { ApiError } from '../errors.js'
import type { TokenMatcher } from './auth.js'

export type RateLimitOptions = { max: number; windowMs: number; match: TokenMatcher }

/**
 * Limits /api requests per caller. The key is the caller's valid token, else request.ip, which is
 * the socket address unless TRUST_PROXY tells Fastify which proxies' X-Forwarded-For to believe;
 * an invalid token counts against the address, so guessing tokens cannot mint fresh buckets.
 */
export const rateLimitPlugin = fp<RateLimitOptions>(
  async (app, { max, windowMs, match }) => {
    await app.register(rateLimit, {
      global: true,
      max,
      timeWindow: windowMs,
      // The wizard's static files are cheap and loaded in bursts; the API is what needs a limit.
      allowList: (request) => !request.url.startsWith('/api/'),
      // Rate headers on every response cost more than they tell the wizard; a 429 still says
      // how long to wait (Retry-After and the message).
      addHeadersOnExceeding: {
        'x-ratelimit-limit': false,
        'x-ratelimit-remaining': false,
        'x-ratelimit-reset': false,
      },
      addHeaders: {
        'x-ratelimit-limit': false,
        'x-ratelimit-remaining': false,
        'x-ratelimit-reset': false,
        'retry-after': true,
      },
      keyGenerator: (request) => {
        const i = match(request.headers.authorization)
        return i >= 0 ? `token:${i}` : `ip:${request.ip}`
      },
      errorResponseBuilder: (_request, ctx) =>
        new ApiError(
          429,
          'RATE_LIMITED',
          `Too many requests: at most ${ctx.max} per ${ctx.after}. Try again in ${Math.max(1, Math.ceil(ctx.ttl / 1000))} s.`,
        ),
    })
  },
  { name: 'portkey-rate-limit' },
)
