import { createContext, useContext } from 'react'
import type { WizardApi } from './use-wizard'

/** The wizard's step state for what renders inside it (the step frame, Review's links back to steps). */
export const WizardContext = createContext<WizardApi | null>(null)

export const useWizardContext = (): WizardApi => {
  const api = useContext(WizardContext)
  if (!api) throw new Error('useWizardContext must be used inside the wizard')
  return api
}
