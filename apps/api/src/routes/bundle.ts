import {
  buildBundle,
  bundleFileName,
  DeploymentConfigSchema,
  InvalidConfigResponseSchema,
} from '@portkey-setup/schema'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { commonErrorResponses, jsonResponse } from '../errors.js'

// The release name is a DNS-1123 label (validated), so the file name is safe inside the header quotes.

export const bundleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/bundle',
    {
      schema: {
        tags: ['config'],
        summary: 'Download the bundle',
        description:
          'The whole bundle as one zip: values.yaml, resources-config.yaml, IAM policies, scripts and a README. The same config always gives the same bytes.',
        body: DeploymentConfigSchema,
        response: {
          200: {
            description: 'The bundle, as an attachment named portkey-<release>-bundle.zip.',
            content: { 'application/zip': { schema: z.string().meta({ format: 'binary' }) } },
          },
          422: jsonResponse(InvalidConfigResponseSchema),
          ...commonErrorResponses,
        },
      },
    },
    async (request, reply) => {
      const zip = await buildBundle(request.body)
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${bundleFileName(request.body)}"`)
        .send(
          // Binary bodies bypass the zod serializer; the type provider only knows JSON shapes.
          Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength) as never,
        )
    },
  )
}
