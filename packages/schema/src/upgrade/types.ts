import type { DeploymentConfig } from '../config/index.js'
import type { ConfigIssue } from '../validate.js'

/**
 * An upgrade from one released chart to a later one, as the wizard, the CLI and the API show it.
 * The changes come from rules kept beside the release list, one per layout change (1.0.5, 1.1.3,
 * 1.1.5, 1.3.1, 1.7.0, 1.7.7), plus what capabilities.ts says is gained or lost in between.
 */
export const UPGRADE_CHANGE_KINDS = [
  /** The chart renamed or moved keys; the bundle writes the new ones. */
  'moved',
  /** The target needs a setting the source did not (the service account at 1.7.7). */
  'required',
  /** An option the source could not deploy and the target can. */
  'gained',
  /** An option the config uses that the target no longer supports: the upgrade is refused there. */
  'lost',
  /** A Kubernetes Secret whose name or keys change: re-create it before upgrading. */
  'recreate-secret',
] as const
export type UpgradeChangeKind = (typeof UPGRADE_CHANGE_KINDS)[number]

export type UpgradeChange = {
  kind: UpgradeChangeKind
  /** The release where this changes (the boundary crossed). */
  at: string
  /** One plain sentence: what changes. */
  title: string
  /** What the user must do, when anything; absent when the bundle handles it. */
  action?: string
  /** Chart keys before and after, for 'moved'. */
  chartKeys?: { from: string; to: string }[]
  /** The config field concerned, when one is. */
  path?: (string | number)[]
}

export type UpgradeResult = {
  from: string
  to: string
  /** The config at the target version, every setting of the source carried over. */
  config: DeploymentConfig
  /** In release order; empty when nothing between the two versions concerns this config. */
  changes: UpgradeChange[]
  /** Validation problems at the target (a refused option); empty when the upgrade can be applied. */
  problems: ConfigIssue[]
}
