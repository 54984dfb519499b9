import type { DeploymentConfigInput, SectionId } from '../config/index.js'
import type { DeepPartial, Guide, GuideSection } from './types.js'

export * from './types.js'

/** The setup steps for the chosen path, with the user's values filled in. (being implemented) */
export const guideFor = (_config: DeepPartial<DeploymentConfigInput>): Guide => ({ sections: [] })

/** The steps for one section only (what the wizard shows beside that step). */
export const guideForSection = (
  config: DeepPartial<DeploymentConfigInput>,
  section: SectionId,
): GuideSection[] => guideFor(config).sections.filter((s) => s.section === section)
