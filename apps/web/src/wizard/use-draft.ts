import { useEffect, useState } from 'react'
import type { UseFormReturn } from 'react-hook-form'
import { saveDraft } from '../lib/draft'
import type { FormValues } from '../lib/initial-values'

/**
 * Saves the form to localStorage a moment after each edit, without secrets (saveDraft strips them).
 * Resets (restoring a draft, importing, starting fresh) are not edits and are not saved here.
 */
export const useDraftAutosave = (
  form: UseFormReturn<FormValues, unknown, unknown>,
  initialSavedAt: string | undefined,
  delayMs = 600,
) => {
  const [savedAt, setSavedAt] = useState(initialSavedAt)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const save = () => {
      timer = undefined
      setSavedAt(saveDraft(form.getValues())?.savedAt)
    }
    const sub = form.watch((_values, { name }) => {
      if (name === undefined) return
      clearTimeout(timer)
      timer = setTimeout(save, delayMs)
    })
    // Closing the tab within the delay must not lose the last edit.
    const flush = () => {
      if (timer === undefined) return
      clearTimeout(timer)
      save()
    }
    window.addEventListener('pagehide', flush)
    return () => {
      sub.unsubscribe()
      clearTimeout(timer)
      window.removeEventListener('pagehide', flush)
    }
  }, [form, delayMs])
  return { savedAt, setSavedAt }
}
