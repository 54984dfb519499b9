import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { VERSION } from '../version.js'

export const HealthResponseSchema = z
  .object({
    status: z.literal('ok'),
    version: z.string().describe('Version of portkey-setup serving this API.'),
  })
  .describe('The server is up.')

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['meta'],
        summary: 'Liveness and version',
        description: 'Open even when API_TOKENS is set, for load balancers and probes.',
        security: [],
        response: { 200: HealthResponseSchema },
      },
    },
    async () => ({ status: 'ok' as const, version: VERSION }),
  )
}
