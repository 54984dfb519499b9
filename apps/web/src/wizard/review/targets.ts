import {
  type CheckTarget,
  checkLabel,
  checkPlan,
  checkSection,
  type DeploymentConfig,
  NESTED_SECTIONS,
} from '@portkey-setup/schema'
import type { StepId } from '../step-types'

/** The step that holds a check's fields: its section's, or the step a nested section lives on. */
export const targetStep = (t: CheckTarget): StepId => {
  const section = checkSection(t)
  return (NESTED_SECTIONS[section as keyof typeof NESTED_SECTIONS] ?? section) as StepId
}

export { checkLabel as targetLabel }

/** The checks that apply to this config: optional parts only when they are turned on. */
export const checkTargetsFor = (c: DeploymentConfig): CheckTarget[] =>
  checkPlan(c)
    .filter((p) => p.applies)
    .map((p) => p.target)
