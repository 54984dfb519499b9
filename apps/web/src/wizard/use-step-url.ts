import { useCallback, useEffect, useState } from 'react'
import type { StepId } from './step-types'

/** Reads ?step= (only the step id: values never go into the URL or history). */
const readStep = (ids: readonly StepId[]): StepId => {
  const wanted = new URLSearchParams(window.location.search).get('step')
  return ids.find((id) => id === wanted) ?? (ids[0] as StepId)
}

const writeStep = (id: StepId, how: 'push' | 'replace') => {
  const url = new URL(window.location.href)
  url.search = new URLSearchParams({ step: id }).toString()
  // A fragment (#step-heading, left by the skip link) belongs to the step it was used on.
  url.hash = ''
  if (how === 'push') window.history.pushState(null, '', url)
  else window.history.replaceState(null, '', url)
}

/**
 * The current step, kept in ?step=<id>: an unknown id falls back to the first step, the browser's
 * back and forward buttons move between steps, and `show` adds a history entry.
 */
export const useStepUrl = (ids: readonly StepId[]) => {
  const [current, setCurrent] = useState<StepId>(() => readStep(ids))

  useEffect(() => {
    writeStep(readStep(ids), 'replace')
    const onPop = () => setCurrent(readStep(ids))
    window.addEventListener('popstate', onPop)
    return () => window.removeEventListener('popstate', onPop)
  }, [ids])

  const show = useCallback((id: StepId | undefined) => {
    if (!id) return
    writeStep(id, 'push')
    setCurrent(id)
  }, [])

  return [current, show] as const
}
