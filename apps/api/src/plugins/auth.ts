import { createHash, timingSafeEqual } from 'node:crypto'
import type { onRequestHookHandler } from 'fastify'
import fp from 'fastify-plugin'
import { ApiError } from '../errors.js'

/** Finds which configured token (index) an Authorization header carries, or -1. */
export type TokenMatcher = (authorization: string | undefined) => number

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest()

/**
 * Compares hashes, so every comparison has the same length and timingSafeEqual leaks neither
 * the token nor its length; every configured token is compared, so the match position is hidden too.
 */
export const createTokenMatcher = (tokens: readonly string[]): TokenMatcher => {
  const digests = tokens.map(digest)
  return (authorization) => {
    if (!authorization || digests.length === 0) return -1
    const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization)
    if (!m) return -1
    const presented = digest(m[1]!)
    let found = -1
    digests.forEach((d, i) => {
      if (timingSafeEqual(d, presented) && found < 0) found = i
    })
    return found
  }
}

/** /api/health stays open so load balancers and probes need no token. */
export const requiresAuth = (url: string) =>
  (url === '/api' || url.startsWith('/api/')) && url !== '/api/health'

export const unauthorized = () =>
  new ApiError(
    401,
    'UNAUTHORIZED',
    'This server requires a bearer token: send the header "Authorization: Bearer <token>" with one of the tokens in API_TOKENS.',
  )

export type AuthOptions = { match: TokenMatcher; enabled: boolean }

/**
 * Adds the token check to every /api route registered after this plugin (but health), as a
 * route-level onRequest hook: it then runs after the rate limiter, so failed guesses are counted.
 */
export const authPlugin = fp<AuthOptions>(
  async (app, { match, enabled }) => {
    if (!enabled) return
    const check: onRequestHookHandler = async (request, reply) => {
      if (match(request.headers.authorization) < 0) {
        reply.header('www-authenticate', 'Bearer')
        throw unauthorized()
      }
    }
    app.addHook('onRoute', (route) => {
      if (!requiresAuth(route.url ?? '')) return
      const existing = route.onRequest
      route.onRequest = [...(Array.isArray(existing) ? existing : existing ? [existing] : []), check]
    })
  },
  { name: 'portkey-auth' },
)
