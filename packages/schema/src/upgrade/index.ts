import { CHART_VERSIONS, compareVersions } from '../chart/releases.js'
import type { DeploymentConfig } from '../config/index.js'
import { parseConfig } from '../validate.js'
import { capabilityChanges, UPGRADE_RULES } from './rules.js'
import type { UpgradeResult } from './types.js'

export * from './read.js'
export { capabilityChanges, UPGRADE_RULES, type UpgradeRule } from './rules.js'
export * from './types.js'
export * from './values-diff.js'

/** The releases an install of `from` can move to: every later one, newest first (the default). */
export const upgradeTargets = (from: string): string[] =>
  CHART_VERSIONS.filter((v) => compareVersions(v, from) > 0)

/**
 * The config moved to chart `to`: every setting carried over (the renderers write each release's
 * own layout), the changes between the two releases that concern it, and what the target refuses.
 */
export const upgradeConfig = (config: DeploymentConfig, to: string): UpgradeResult => {
  const from = config.chart.version
  const moved = { ...config, chart: { ...config.chart, version: to } }
  if (!CHART_VERSIONS.includes(to) || compareVersions(to, from) <= 0)
    return {
      from,
      to,
      config,
      changes: [],
      problems: [
        {
          path: ['chart', 'version'],
          code: 'not_later',
          message: CHART_VERSIONS.includes(to)
            ? `Chart ${to} is not later than ${from}, the version that runs: choose one of ${upgradeTargets(from).slice(0, 3).join(', ') || 'none (it is the newest)'}.`
            : `Chart ${to} is not a released version: choose one of ${upgradeTargets(from).slice(0, 3).join(', ')}.`,
        },
      ],
    }
  const crossed = UPGRADE_RULES.filter(
    (r) => compareVersions(r.at, from) > 0 && compareVersions(r.at, to) <= 0,
  )
  const changes = [...crossed.flatMap((r) => r.changes(config)), ...capabilityChanges(config, from, to)].sort(
    (a, b) => compareVersions(a.at, b.at),
  )
  const parsed = parseConfig(moved)
  return parsed.valid
    ? { from, to, config: parsed.config, changes, problems: [] }
    : { from, to, config: moved, changes, problems: parsed.issues }
}
