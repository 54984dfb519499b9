import {
  ImportRequestSchema,
  ImportResponseSchema,
  importValues,
  ValuesParseError,
} from '@portkey-setup/schema'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ApiError, commonErrorResponses, errorResponse, jsonResponse } from '../errors.js'
import { redactInputFrom } from '../redact.js'

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
          200: jsonResponse(ImportResponseSchema),
          ...commonErrorResponses,
          400: errorResponse(
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
