import cors from '@fastify/cors'
import fp from 'fastify-plugin'

export type CorsOptions = { origins: readonly string[] }

/**
 * Cross-origin access only for the origins in CORS_ORIGINS (an internal portal); with none,
 * no CORS header is sent and browsers keep other sites out. Tokens travel in a header, not
 * cookies, so credentials stay off.
 */
export const corsPlugin = fp<CorsOptions>(
  async (app, { origins }) => {
    if (origins.length === 0) return
    await app.register(cors, {
      origin: [...origins],
      methods: ['GET', 'HEAD', 'POST'],
      allowedHeaders: ['Content-Type', 'Authorization', 'Accept'],
      exposedHeaders: ['Content-Disposition', 'X-Request-Id', 'Retry-After'],
      credentials: false,
      maxAge: 600,
    })
  },
  { name: 'portkey-cors' },
)
