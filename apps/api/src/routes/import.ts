import { importValues, ValuesParseError } from '@portkey-setup/schema'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ApiError, commonErrorResponses, ErrorResponseSchema } from '../errors.js'
import { redactInputFrom } from '../redact.js'

export const ImportRequestSchema = z.strictObject({
  valuesYaml: z
    .string({ error: 'valuesYaml is required: paste the text of your values.yaml.' })
    .describe('The text of a values.yaml of the portkey-ai/gateway chart (either chart layout).'),
})

export const ImportResponseSchema = z
  .object({
    config: z
      .record(z.string(), z.unknown())
      .describe('The parts of a deployment config found in the file; the rest is left for the wizard.'),
    warnings: z
      .array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() }))
      .describe('Settings that were not carried over, and why.'),
  })
  .describe('What could be read from the values.yaml.')

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/import',
    {
      schema: {
        tags: ['config'],
        summary: 'Read a values.yaml back into a config',
        description:
          'Turns an existing values.yaml into a partial deployment config to continue in the wizard.',
        body: ImportRequestSchema,
        response: {
          200: ImportResponseSchema,
          ...commonErrorResponses,
          400: ErrorResponseSchema.describe(
            'The text is not YAML or not a mapping (code INVALID_VALUES_YAML), or the body is malformed.',
          ),
        },
      },
    },
    async (request) => {
      try {
        const { config, warnings } = importValues(request.body.valuesYaml)
        return { config: config as Record<string, unknown>, warnings }
      } catch (err) {
        if (!(err instanceof ValuesParseError)) throw err
        // The YAML parser quotes the offending line, which may hold a secret: keep line and column only.
        throw new ApiError(400, 'INVALID_VALUES_YAML', redactInputFrom(err.message, request.body.valuesYaml))
      }
    },
  )
}
