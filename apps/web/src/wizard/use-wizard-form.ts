import { zodResolver } from '@hookform/resolvers/zod'
import { type DeploymentConfig, DeploymentConfigSchema } from '@portkey-setup/schema'
import { useCallback, useLayoutEffect, useState } from 'react'
import { useForm } from 'react-hook-form'
import { loadDraft } from '../lib/draft'
import { type FormValues, initialValues, valuesFrom } from '../lib/initial-values'
import { useDraftAutosave } from './use-draft'
import type { Validate } from './use-wizard'

/**
 * One form over the whole deployment config, validated by the shared schema; the draft saved in this
 * browser is restored on load and kept up to date as the user types.
 */
export const useWizardForm = () => {
  const [draft] = useState(loadDraft)
  const [defaults] = useState(initialValues)
  const form = useForm<FormValues, unknown, DeploymentConfig>({
    resolver: zodResolver(DeploymentConfigSchema),
    mode: 'onChange',
    defaultValues: defaults,
  })

  // Restored values go in with reset(…, keepDefaultValues) so that switching a branch never brings back
  // values from the draft: a new field falls back to the pristine defaults only.
  useLayoutEffect(() => {
    if (draft) form.reset(valuesFrom(draft.values), { keepDefaultValues: true })
  }, [draft, form])

  const { savedAt, setSavedAt } = useDraftAutosave(form, draft?.savedAt)
  const validate = useCallback<Validate>(
    (fields, focus) => form.trigger(fields as never, { shouldFocus: focus }),
    [form],
  )
  return { form, savedAt, setSavedAt, validate }
}

export type WizardForm = ReturnType<typeof useWizardForm>
