import {
  collectSecretValues,
  type DeploymentConfig,
  type ImportedDeployment,
  LATEST_CHART_VERSION,
  readDeployment,
  renderValuesYaml,
  type UpgradeResult,
  upgradeConfig,
  type ValuesDiffEntry,
  valuesDiff,
} from '@portkey-setup/schema'

export type UpgradeRequest = { input: string | Uint8Array; from?: string; to?: string; helmList?: string }

/** What the CLI and POST /api/upgrade answer: the upgrade of what runs, before anything is applied. */
export type UpgradePlan = UpgradeResult & {
  versionSource: ImportedDeployment['versionSource']
  warnings: ImportedDeployment['warnings']
  valuesDiff: ValuesDiffEntry[]
  /** The upgraded values.yaml, when the upgraded config is complete (no problems). */
  valuesYaml?: string
  /** The values as read, for the manifest diff of the running side. */
  currentValues: string
}

/** The running version is not known: the caller must say it (--from, `from`). */
export class VersionUnknown extends Error {
  override name = 'VersionUnknown'
}

export const planUpgrade = async (req: UpgradeRequest): Promise<UpgradePlan> => {
  const read = await readDeployment(req.input, req.helmList)
  const from = req.from ?? read.version
  if (!from)
    throw new VersionUnknown(
      'The input does not say which chart version runs: give it (the CHART column of `helm list -n <namespace>` shows it).',
    )
  const to = req.to ?? LATEST_CHART_VERSION
  const current = { ...read.config, chart: { ...read.config.chart, version: from } } as DeploymentConfig
  const result = upgradeConfig(current, to)
  const secrets = collectSecretValues(result.config)
  const valuesYaml = result.problems.length === 0 ? renderValuesYaml(result.config) : undefined
  return {
    ...result,
    versionSource: read.versionSource,
    warnings: read.warnings,
    valuesDiff: valuesYaml ? valuesDiff(read.valuesText, valuesYaml, secrets) : [],
    ...(valuesYaml ? { valuesYaml } : {}),
    currentValues: read.valuesText,
  }
}
