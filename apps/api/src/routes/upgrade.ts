import { UpgradeRequestSchema, UpgradeResponseSchema, ValuesParseError } from '@portkey-setup/schema'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ApiError, commonErrorResponses, errorResponse, jsonResponse } from '../errors.js'
import { redactInputFrom } from '../redact.js'
import { planUpgrade, VersionUnknown } from '../upgrade/plan.js'

const MANIFEST_NOTE =
  'The rendered-manifest diff needs helm and the chart: run `scripts/upgrade.sh --diff` from the new bundle, or `portkey-setup upgrade <input> --to <version> --manifests` where helm is installed.'

export const upgradeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/upgrade',
    {
      schema: {
        tags: ['config'],
        summary: 'Upgrade what runs today to a later chart release',
        description:
          'Reads a values.yaml, `helm get values` output, an export-values.sh file or a bundle zip, moves it to the target release and lists every change before anything is applied.',
        body: UpgradeRequestSchema,
        response: {
          200: jsonResponse(UpgradeResponseSchema),
          ...commonErrorResponses,
          400: errorResponse(
            'The input is not YAML, not a mapping or not a readable zip (code INVALID_VALUES_YAML).',
          ),
        },
      },
    },
    async (request) => {
      const body = request.body
      const input = 'input' in body ? body.input : undefined
      const raw = 'input' in body ? body.input : new Uint8Array(Buffer.from(body.inputBase64, 'base64'))
      const { helmList, from, to } = body
      try {
        const {
          currentValues: _,
          valuesYaml: __,
          config,
          ...plan
        } = await planUpgrade({ input: raw, helmList, from, to })
        return { ...plan, config: config as unknown as Record<string, unknown>, manifestNote: MANIFEST_NOTE }
      } catch (err) {
        if (err instanceof VersionUnknown)
          throw new ApiError(422, 'VERSION_UNKNOWN', `${err.message} Send it as "from".`)
        if (!(err instanceof ValuesParseError)) throw err
        // The YAML parser quotes the offending line, which may hold a secret: keep line and column only.
        throw new ApiError(400, 'INVALID_VALUES_YAML', redactInputFrom(err.message, input ?? ''))
      }
    },
  )
}
