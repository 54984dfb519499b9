import {
  configWarnings,
  DeploymentConfigSchema,
  InvalidConfigResponseSchema,
  ValidResponseSchema,
} from '@portkey-setup/schema'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { commonErrorResponses, jsonResponse } from '../errors.js'

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
        response: {
          200: jsonResponse(ValidResponseSchema),
          422: jsonResponse(InvalidConfigResponseSchema),
          ...commonErrorResponses,
        },
      },
    },
    // The body was parsed by parseConfig in the validator compiler; only warnings remain.
    async (request) => ({ valid: true as const, warnings: configWarnings(request.body) }),
  )
}
