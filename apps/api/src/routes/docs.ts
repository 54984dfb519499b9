import scalar from '@scalar/fastify-api-reference'
import type { FastifyPluginAsync } from 'fastify'

export const DOCS_PREFIX = '/api/docs'

export type DocsOptions = { nonce: string }

/**
 * GET /api/openapi.json (from @fastify/swagger, i.e. from the zod schemas that validate the
 * requests) and the reference UI at /api/docs, served from this process: no CDN, no fonts from
 * elsewhere, no telemetry, no hosted AI helpers, and tokens typed into it are not persisted.
 */
export const docsRoutes: FastifyPluginAsync<DocsOptions> = async (app, { nonce }) => {
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger())

  await app.register(scalar, {
    routePrefix: DOCS_PREFIX,
    configuration: {
      url: '/api/openapi.json',
      pageTitle: 'portkey-setup API',
      nonce,
      withDefaultFonts: false,
      telemetry: false,
      persistAuth: false,
      hideClientButton: true,
      // Both talk to Scalar's hosted services, which the CSP blocks and an internal tool should not use.
      agent: { disabled: true },
      mcp: { disabled: true },
    },
  })
}
