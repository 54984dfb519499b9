import { z } from 'zod'
import { CHART_VERSIONS } from '../chart/releases.js'
import { UPGRADE_CHANGE_KINDS } from '../upgrade/types.js'
import { ConfigPathSchema, IssueSchema, WarningSchema } from './issues.js'

// No length caps here: the API's 256 KiB body limit bounds every field (413), as for /api/import.

const upgradeFields = {
  helmList: z
    .string()
    .optional()
    .describe(
      'Output of `helm list -n <namespace>`: names the running chart version when the input does not.',
    ),
  from: z
    .enum(CHART_VERSIONS)
    .optional()
    .describe('The chart version that runs, when the input does not say it.'),
  to: z.enum(CHART_VERSIONS).optional().describe('The target release; the newest when left out.'),
}

/** Text (values.yaml, `helm get values`, the export file) or a bundle zip, never both. */
export const UpgradeRequestSchema = z
  .union([
    z.strictObject({
      input: z
        .string({
          error: 'input is required: paste the values.yaml, `helm get values` output or the export file.',
        })
        .min(1, {
          error: 'input is empty: paste the values.yaml, the `helm get values` output or the export file.',
        })
        .describe('A values.yaml, `helm get values` output, or the file scripts/export-values.sh wrote.'),
      ...upgradeFields,
    }),
    z.strictObject({
      inputBase64: z
        .base64({
          error: 'inputBase64 must be base64: send the bundle zip from an earlier run, base64-encoded.',
        })
        .min(1)
        .describe('A bundle zip from an earlier run, base64-encoded.'),
      ...upgradeFields,
    }),
  ])
  .meta({ id: 'UpgradeRequest' })

export const UpgradeChangeSchema = z
  .object({
    kind: z.enum(UPGRADE_CHANGE_KINDS),
    at: z.string().describe('The release where this changes.'),
    title: z.string(),
    action: z.string().optional().describe('What to do; absent when the bundle handles it.'),
    chartKeys: z.array(z.object({ from: z.string(), to: z.string() })).optional(),
    path: ConfigPathSchema.optional(),
  })
  .meta({
    id: 'UpgradeChange',
    description: 'One change between the two releases that concerns this config.',
  })

export const UpgradeResponseSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    versionSource: z
      .enum(['bundle', 'export', 'header', 'helm-list', 'unknown'])
      .describe('Where the running version came from; "unknown" when `from` gave it.'),
    changes: z.array(UpgradeChangeSchema),
    problems: z
      .array(IssueSchema)
      .describe('What the target refuses or still needs; POST the config to /api/bundle once empty.'),
    warnings: z.array(WarningSchema).describe('Settings of the input that were not carried over.'),
    config: z.record(z.string(), z.unknown()).describe('The config at the target version.'),
    valuesDiff: z.array(
      z.object({
        path: z.string(),
        change: z.enum(['added', 'removed', 'changed']),
        before: z.string().optional(),
        after: z.string().optional(),
      }),
    ),
    manifestNote: z
      .string()
      .describe('How to get the rendered-manifest diff (helm runs where the cluster is).'),
  })
  .meta({ id: 'UpgradeResponse', description: 'The upgrade, shown before anything is applied.' })
