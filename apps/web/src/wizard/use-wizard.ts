import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import type { StepDef, StepId } from './step-types'

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

/** Validates some sections; with focus, the first field in error gets it. */
export type Validate = (fields: StepDef['fields'], focus: boolean) => Promise<boolean>

/**
 * Step state, kept apart from rendering: the current step lives in the URL (?step=<id>), "next"
 * validates the step's sections first, and any step can be revisited.
 */
export const useWizard = (steps: readonly StepDef[], validate: Validate) => {
  const ids = useMemo(() => steps.map((s) => s.id), [steps])
  const [current, setCurrent] = useState<StepId>(() => readStep(ids))
  const [done, setDone] = useState<ReadonlySet<StepId>>(() => new Set())

  useEffect(() => {
    writeStep(readStep(ids), 'replace')
    const onPop = () => setCurrent(readStep(ids))
    window.addEventListener('popstate', onPop)
    return () => window.removeEventListener('popstate', onPop)
  }, [ids])

  const index = Math.max(0, ids.indexOf(current))
  const step = steps[index] as StepDef

  const mark = useCallback((id: StepId, ok: boolean) => {
    setDone((prev) => {
      if (prev.has(id) === ok) return prev
      const next = new Set(prev)
      if (ok) next.add(id)
      else next.delete(id)
      return next
    })
  }, [])

  /** Validates the given step's sections (what "trigger(section)" means for a step). */
  const trigger = useCallback(
    async (id: StepId = current, { focus = false } = {}) => {
      const def = steps.find((s) => s.id === id)
      if (!def || def.fields.length === 0) return true
      const ok = await validate(def.fields, focus)
      mark(id, ok)
      return ok
    },
    [current, steps, validate, mark],
  )

  const goTo = useCallback(
    (id: StepId) => {
      if (id === current) return
      // Leaving a step records whether it is complete, so the stepper can show what still has errors.
      void trigger(current)
      writeStep(id, 'push')
      setCurrent(id)
    },
    [current, trigger],
  )

  const next = useCallback(async () => {
    const ok = await trigger(current, { focus: true })
    const following = ids[index + 1]
    if (ok && following) {
      writeStep(following, 'push')
      setCurrent(following)
    }
    return ok
  }, [current, ids, index, trigger])

  const back = useCallback(() => {
    const previous = ids[index - 1]
    if (previous) {
      writeStep(previous, 'push')
      setCurrent(previous)
    }
  }, [ids, index])

  const resetProgress = useCallback(() => setDone(new Set()), [])

  return {
    steps,
    step,
    current,
    index,
    isFirst: index === 0,
    isLast: index === steps.length - 1,
    done,
    next,
    back,
    goTo,
    trigger,
    resetProgress,
  }
}

export type WizardApi = ReturnType<typeof useWizard>

export const WizardContext = createContext<WizardApi | null>(null)

export const useWizardContext = (): WizardApi => {
  const api = useContext(WizardContext)
  if (!api) throw new Error('useWizardContext must be used inside the wizard')
  return api
}
