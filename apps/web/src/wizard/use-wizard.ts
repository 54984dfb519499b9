import { useCallback, useMemo, useState } from 'react'
import { REVIEW_ID, type StepId, type StepMeta } from './step-types'
import { useStepUrl } from './use-step-url'

/** The set with or without id; the same set when that changes nothing. */
const toggled = (set: ReadonlySet<StepId>, id: StepId, on: boolean): ReadonlySet<StepId> => {
  if (set.has(id) === on) return set
  const next = new Set(set)
  if (on) next.add(id)
  else next.delete(id)
  return next
}

/** Validates some sections; with focus, the first field in error gets it. */
export type Validate = (fields: StepMeta['fields'], focus: boolean) => Promise<boolean>

/**
 * Step state, kept apart from rendering: the current step lives in the URL (?step=<id>), "next"
 * validates the step's sections first, and any step can be revisited. `steps` is the whole flow:
 * the registry's steps, then Review, the terminal state.
 */
export const useWizard = (steps: readonly StepMeta[], validate: Validate) => {
  const ids = useMemo(() => steps.map((s) => s.id), [steps])
  const [current, show] = useStepUrl(ids)
  const [done, setDone] = useState<ReadonlySet<StepId>>(() => new Set())
  const index = Math.max(0, ids.indexOf(current))
  const step = steps[index] as StepMeta

  /** Validates the given step's sections (what "trigger(section)" means for a step). */
  const trigger = useCallback(
    async (id: StepId = current, { focus = false } = {}) => {
      const fields = steps.find((s) => s.id === id)?.fields ?? []
      if (fields.length === 0) return true
      const ok = await validate(fields, focus)
      setDone((prev) => toggled(prev, id, ok))
      return ok
    },
    [current, steps, validate],
  )

  const goTo = useCallback(
    (id: StepId) => {
      if (id === current) return
      // Leaving a step records whether it is complete, so the stepper can show what still has errors.
      void trigger(current)
      show(id)
    },
    [current, trigger, show],
  )

  const next = useCallback(async () => {
    const ok = await trigger(current, { focus: true })
    if (ok) show(ids[index + 1])
    return ok
  }, [current, ids, index, trigger, show])

  const back = useCallback(() => show(ids[index - 1]), [ids, index, show])
  const resetProgress = useCallback(() => setDone(new Set()), [])

  return {
    steps,
    step,
    current,
    index,
    isFirst: index === 0,
    atReview: step.id === REVIEW_ID,
    done,
    next,
    back,
    goTo,
    trigger,
    resetProgress,
  }
}

export type WizardApi = ReturnType<typeof useWizard>
