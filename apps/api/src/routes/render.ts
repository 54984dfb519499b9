import { DeploymentConfigSchema, renderBundleFiles } from '@portkey-setup/schema'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { commonErrorResponses, InvalidConfigResponseSchema } from '../errors.js'

export const BundleFileSchema = z.object({
  path: z.string().describe('Path inside the bundle, e.g. values.yaml or scripts/install.sh.'),
  content: z.string(),
  mode: z.number().int().describe('POSIX permission bits, e.g. 420 (0644) or 493 (0755).'),
})

export const RenderResponseSchema = z
  .object({
    files: z.array(BundleFileSchema).describe('Every file of the bundle, sorted by path.'),
  })
  .describe('The files of the bundle.')

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
        response: { 200: RenderResponseSchema, 422: InvalidConfigResponseSchema, ...commonErrorResponses },
      },
    },
    async (request) => ({ files: renderBundleFiles(request.body) }),
  )
}
