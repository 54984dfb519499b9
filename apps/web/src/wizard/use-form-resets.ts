import { type ImportResult, keptPaths } from '@portkey-setup/schema'
import { useState } from 'react'
import { clearDraft, saveDraft } from '../lib/draft'
import { initialValues, valuesFrom } from '../lib/initial-values'
import type { ReadImport } from '../lib/read-import'
import type { Running } from './upgrade/running-version'
import type { WizardApi } from './use-wizard'
import type { WizardForm } from './use-wizard-form'

/** Replacing the whole form: with an imported values.yaml, or with the defaults ("Start fresh"). */
export const useFormResets = ({ form, setSavedAt }: WizardForm, wizard: WizardApi) => {
  // What runs today stays known after the banner is dismissed: Review tells an upgrade apart by it.
  const [running, setRunning] = useState<Running>()
  const [imported, setImported] = useState<{
    warnings: ImportResult['warnings']
    kept: number
    running?: Running
  }>()

  const onImported = (result: ReadImport) => {
    form.reset(valuesFrom(result.config), { keepDefaultValues: true })
    setSavedAt(saveDraft(form.getValues())?.savedAt)
    const running = result.version
      ? { version: result.version, source: result.versionSource, valuesText: result.valuesText }
      : undefined
    setImported({ warnings: result.warnings, kept: keptPaths(result.config.keptValues).length, running })
    setRunning(running)
    wizard.resetProgress()
  }

  const onStartFresh = () => {
    clearDraft()
    form.reset(initialValues(), { keepDefaultValues: true })
    setSavedAt(undefined)
    setImported(undefined)
    setRunning(undefined)
    wizard.resetProgress()
    wizard.goTo(wizard.steps[0]?.id ?? 'chart')
  }

  const onUpgrade = (to: string) => {
    form.setValue('chart.version', to, { shouldDirty: true, shouldValidate: true })
    setImported(undefined)
    wizard.goTo('review')
  }

  return {
    imported,
    running,
    onUpgrade,
    dismissImported: () => setImported(undefined),
    onImported,
    onStartFresh,
  }
}
