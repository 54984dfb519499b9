import { z } from 'zod'
import { CHECK_TARGETS, CheckResultSchema } from '../check-result.js'
import { DeploymentConfigSchema } from '../config/index.js'
import { WarningSchema } from './issues.js'

/** The success bodies of the HTTP API (api-contract.md); the API answers with them, the wizard parses them. */

export const HealthResponseSchema = z
  .object({
    status: z.literal('ok'),
    version: z.string().describe('Version of portkey-setup serving this API.'),
  })
  .meta({ id: 'HealthResponse', description: 'The server is up.' })

export const ValidResponseSchema = z
  .object({
    valid: z.literal(true),
    warnings: z.array(WarningSchema).describe('Things worth reconsidering; they never block a bundle.'),
  })
  .meta({ id: 'ValidResponse', description: 'The config is valid.' })

export const BundleFileSchema = z
  .object({
    path: z.string().describe('Path inside the bundle, e.g. values.yaml or scripts/install.sh.'),
    content: z.string(),
    mode: z.number().int().describe('POSIX permission bits, e.g. 420 (0644) or 493 (0755).'),
  })
  .meta({ id: 'BundleFile', description: 'One file of the bundle.' })

export const RenderResponseSchema = z
  .object({ files: z.array(BundleFileSchema).describe('Every file of the bundle, sorted by path.') })
  .meta({ id: 'RenderResponse', description: 'The files of the bundle.' })

export const ImportRequestSchema = z
  .strictObject({
    valuesYaml: z
      .string({ error: 'valuesYaml is required: paste the text of your values.yaml.' })
      .min(1, { error: 'valuesYaml is empty: paste the text of the values.yaml you want to import.' })
      .describe('The text of a values.yaml of the portkey-ai/gateway chart (either chart layout).'),
  })
  .meta({ id: 'ImportRequest' })

export const ImportResponseSchema = z
  .object({
    config: z
      .record(z.string(), z.unknown())
      .describe(
        'The parts of a deployment config found in the file; the rest is left for the wizard. Settings the config does not model are in keptValues, as written.',
      ),
    warnings: z.array(WarningSchema).describe('Settings that were not carried over, and why.'),
  })
  .meta({ id: 'ImportResponse', description: 'What could be read from the values.yaml.' })

export const ChartReleaseSchema = z
  .object({
    version: z.string().describe('Chart version, the value of chart.version in a config.'),
    date: z.string().describe('Day the release was published (YYYY-MM-DD).'),
    appVersion: z.string().describe('appVersion of the chart.'),
    gatewayImageTag: z.string().describe('Gateway image tag the release deploys by default.'),
    dataServiceImageTag: z.string().describe('Data service image tag the release deploys by default.'),
    lacks: z
      .array(z.string())
      .describe('What this release lacks compared with the newest, and how the bundle copes.'),
  })
  .meta({ id: 'ChartRelease', description: 'One released version of the portkey-ai/gateway chart.' })

export const ChartsResponseSchema = z
  .object({
    latest: z.string().describe('The newest release, the default chart.version.'),
    releases: z.array(ChartReleaseSchema).describe('Every release portkey-setup accepts, newest first.'),
  })
  .meta({ id: 'ChartsResponse', description: 'The chart versions a config may name.' })

export const ChecksRequestSchema = z
  .object({
    config: DeploymentConfigSchema,
    targets: z
      .array(z.enum(CHECK_TARGETS))
      .min(1, { error: 'targets must name at least one target, or be left out to check everything.' })
      .max(CHECK_TARGETS.length * 2)
      .optional()
      .describe('Which parts to check; all of them when left out.'),
  })
  .meta({ id: 'ChecksRequest' })

export const ChecksResponseSchema = z
  .object({ results: z.array(CheckResultSchema) })
  .meta({ id: 'ChecksResponse', description: 'One result per requested target.' })
