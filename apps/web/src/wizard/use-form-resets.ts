import { type ImportResult, keptPaths } from '@portkey-setup/schema'
import { useState } from 'react'
import { clearDraft, saveDraft } from '../lib/draft'
import { initialValues, valuesFrom } from '../lib/initial-values'
import type { WizardApi } from './use-wizard'
import type { WizardForm } from './use-wizard-form'

/** Replacing the whole form: with an imported values.yaml, or with the defaults ("Start fresh"). */
export const useFormResets = ({ form, setSavedAt }: WizardForm, wizard: WizardApi) => {
  const [imported, setImported] = useState<{ warnings: ImportResult['warnings']; kept: number }>()

  const onImported = (result: ImportResult) => {
    form.reset(valuesFrom(result.config), { keepDefaultValues: true })
    setSavedAt(saveDraft(form.getValues())?.savedAt)
    setImported({ warnings: result.warnings, kept: keptPaths(result.config.keptValues).length })
    wizard.resetProgress()
  }

  const onStartFresh = () => {
    clearDraft()
    form.reset(initialValues(), { keepDefaultValues: true })
    setSavedAt(undefined)
    setImported(undefined)
    wizard.resetProgress()
    wizard.goTo(wizard.steps[0]?.id ?? 'chart')
  }

  return { imported, dismissImported: () => setImported(undefined), onImported, onStartFresh }
}
