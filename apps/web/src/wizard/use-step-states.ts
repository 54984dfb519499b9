import type { DeploymentConfig } from '@portkey-setup/schema'
import { type Control, useFormState } from 'react-hook-form'
import type { FormValues } from '../lib/initial-values'
import type { StepId } from './step-types'
import type { StepState } from './stepper'
import type { WizardApi } from './use-wizard'

/** What the stepper shows for each step: errors first, then where the user is, then what is done. */
export const useStepStates = (control: Control<FormValues, unknown, DeploymentConfig>, wizard: WizardApi) => {
  const { errors } = useFormState({ control })
  const hasErrors = (id: StepId) =>
    wizard.steps
      .find((s) => s.id === id)
      ?.fields.some((f) => Boolean((errors as Record<string, unknown>)[f])) ?? false
  return (id: StepId): StepState =>
    hasErrors(id) ? 'error' : id === wizard.current ? 'current' : wizard.done.has(id) ? 'done' : 'todo'
}
