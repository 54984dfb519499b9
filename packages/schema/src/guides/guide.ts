import type { DeploymentConfigInput } from '../config/index.js'
import { analyticsGuide } from './analytics.js'
import { bedrockGuide } from './bedrock.js'
import { cacheGuide } from './cache.js'
import { dataServiceGuide } from './data-service.js'
import { exposureGuide } from './exposure.js'
import { chartGuide, installGuide } from './install.js'
import { kubernetesGuide } from './kubernetes.js'
import { logStoreGuide } from './log-store.js'
import { registryGuide } from './registry.js'
import { secretsGuide } from './secrets.js'
import { withSemanticCache } from './semantic-cache.js'
import { syncGuide } from './sync.js'
import type { DeepPartial, Guide, GuideSection, GuideSectionId } from './types.js'
import { type View, viewOf } from './view.js'

/** In wizard order, then the install that uses them all. */
const GUIDES = [
  chartGuide,
  registryGuide,
  logStoreGuide,
  analyticsGuide,
  (v: View) => withSemanticCache(v, cacheGuide(v)),
  syncGuide,
  bedrockGuide,
  dataServiceGuide,
  kubernetesGuide,
  exposureGuide,
  secretsGuide,
  installGuide,
]

/**
 * The setup steps for the chosen path, with the user's values filled in. Takes any partial or
 * even malformed config (the wizard calls it while the user types): unknown values become
 * placeholders such as <bucket>, and it never throws.
 */
export const guideFor = (config: DeepPartial<DeploymentConfigInput>): Guide => {
  const view = viewOf(config)
  return { sections: GUIDES.map((guide) => guide(view)) }
}

/** The guide for one section only (what the wizard shows beside that step). */
export const guideForSection = (
  config: DeepPartial<DeploymentConfigInput>,
  section: GuideSectionId,
): GuideSection[] => guideFor(config).sections.filter((s) => s.section === section)
