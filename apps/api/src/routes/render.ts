import {
  DeploymentConfigSchema,
  InvalidConfigResponseSchema,
  RenderResponseSchema,
  renderBundleFiles,
} from '@portkey-setup/schema'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { commonErrorResponses, jsonResponse } from '../errors.js'

export const renderRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/render',
    {
      schema: {
        tags: ['config'],
        summary: 'Preview the bundle',
        description:
          'Renders every file of the bundle for a valid config: the same files, byte for byte, as /api/bundle zips.',
        body: DeploymentConfigSchema,
        response: {
          200: jsonResponse(RenderResponseSchema),
          422: jsonResponse(InvalidConfigResponseSchema),
          ...commonErrorResponses,
        },
      },
    },
    async (request) => ({ files: renderBundleFiles(request.body) }),
  )
}
