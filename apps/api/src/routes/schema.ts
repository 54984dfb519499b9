import { configJsonSchema } from '@portkey-setup/schema'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'

export const schemaRoutes: FastifyPluginAsyncZod = async (app) => {
  const body = JSON.stringify(configJsonSchema())
  app.get(
    '/api/schema',
    {
      schema: {
        tags: ['config'],
        summary: 'JSON Schema of the deployment config',
        description:
          'JSON Schema (draft 2020-12) of the config that /api/validate, /api/render and /api/bundle accept, as callers send it (fields with defaults are optional).',
        response: { 200: z.record(z.string(), z.unknown()).describe('The JSON Schema document.') },
      },
    },
    // Serialised once (a JSON string is sent as is): the schema never changes while the process runs.
    async (_request, reply) => reply.type('application/json; charset=utf-8').send(body as never),
  )
}
