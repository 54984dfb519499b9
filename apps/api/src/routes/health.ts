import { HealthResponseSchema } from '@portkey-setup/schema'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { jsonResponse } from '../errors.js'
import { VERSION } from '../version.js'

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['meta'],
        summary: 'Liveness and version',
        description: 'Open even when API_TOKENS is set, for load balancers and probes.',
        security: [],
        response: { 200: jsonResponse(HealthResponseSchema) },
      },
    },
    async () => ({ status: 'ok' as const, version: VERSION }),
  )
}
