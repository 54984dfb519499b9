import type { SectionId } from '@portkey-setup/schema'
import type { ComponentType } from 'react'
import type { FormValues } from '../lib/initial-values'

/** What a wizard step is, with no step component imported: the registry, the stepper and Review share it. */
export type StepId = SectionId | 'review'

export type StepDef = {
  id: StepId
  title: string
  intro: string
  /** Top-level config keys this step edits; "Next" validates exactly these. */
  fields: readonly (keyof FormValues)[]
  optional?: boolean
  /** Show the setup guide for this section beside the fields. */
  guide: boolean
  Component: ComponentType
}
