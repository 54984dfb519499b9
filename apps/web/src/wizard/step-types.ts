import type { SectionId } from '@portkey-setup/schema'
import type { ComponentType } from 'react'
import type { FormValues } from '../lib/initial-values'

// What a wizard step is, with no step component imported: the registry, the stepper, the URL and
// Review share it.

/** Review ends the flow. It is named in ?step= like a step, but it is the wizard's terminal state. */
export const REVIEW_ID = 'review'

export type StepId = SectionId | typeof REVIEW_ID

/** What the stepper, the URL and the step frame know of a step, Review included. */
export type StepMeta = {
  id: StepId
  title: string
  intro: string
  /** Top-level config keys this step edits; "Next" validates exactly these. */
  fields: readonly (keyof FormValues)[]
  optional?: boolean
}

/** A step of the registry: the form of one config section, with its setup guide beside it. */
export type StepDef = StepMeta & { id: SectionId; Component: ComponentType }

/** Review has no fields of its own: it validates the whole config, runs every check and downloads. */
export const REVIEW: StepMeta = {
  id: REVIEW_ID,
  title: 'Review & download',
  intro: 'Check every file, test every connection, then download the bundle.',
  fields: [],
}
