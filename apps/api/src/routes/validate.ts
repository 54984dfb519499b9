import { configWarnings, DeploymentConfigSchema } from '@portkey-setup/schema'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { commonErrorResponses, InvalidConfigResponseSchema } from '../errors.js'

export const WarningSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])).describe('The config field the warning is about.'),
  message: z.string(),
})

export const ValidResponseSchema = z
  .object({
    valid: z.literal(true),
    warnings: z.array(WarningSchema).describe('Things worth reconsidering; they never block a bundle.'),
  })
  .describe('The config is valid.')

export const validateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/validate',
    {
      schema: {
        tags: ['config'],
        summary: 'Validate a deployment config',
        description:
          'Checks every field and cross-field rule. Issues point at the field (e.g. ["logStore","bucket"]) and say how to fix it.',
        body: DeploymentConfigSchema,
        response: { 200: ValidResponseSchema, 422: InvalidConfigResponseSchema, ...commonErrorResponses },
      },
    },
    // The body was parsed by validateConfig in the validator compiler; only warnings remain.
    async (request) => ({ valid: true as const, warnings: configWarnings(request.body) }),
  )
}
