import { type MouseEvent, useEffect, useRef } from 'react'
import type { StepId, StepMeta } from './step-types'

export type StepState = 'current' | 'done' | 'error' | 'todo'

const STATE_TEXT: Record<StepState, string> = {
  current: 'current step',
  done: 'done',
  error: 'has errors',
  todo: 'not done yet',
}

const ICON: Record<StepState, string> = { current: '●', done: '✓', error: '!', todo: '' }

/** Where the user is, what is done and what has errors; every step stays reachable. */
export const Stepper = ({
  steps,
  current,
  stateOf,
  onSelect,
}: {
  steps: readonly StepMeta[]
  current: StepId
  stateOf: (id: StepId) => StepState
  onSelect: (id: StepId) => void
}) => {
  const nav = useRef<HTMLElement>(null)
  // On narrow screens the stepper scrolls sideways: keep the current step in view. After the
  // frame is painted, so the scroll does not force a layout of the page before its first paint.
  useEffect(() => {
    const frame = requestAnimationFrame(() =>
      nav.current?.querySelector<HTMLElement>(`[data-testid="stepper-${current}"]`)?.scrollIntoView?.({
        block: 'nearest',
        inline: 'nearest',
      }),
    )
    return () => cancelAnimationFrame(frame)
  }, [current])
  return (
    <nav className="stepper" aria-label="Setup steps" ref={nav}>
      <ol className="stepper__list">
        {steps.map((s, i) => {
          const state = stateOf(s.id)
          return (
            <li key={s.id} className="stepper__item">
              <a
                href={`?step=${s.id}`}
                className={`stepper__link stepper__link--${state}`}
                aria-current={s.id === current ? 'step' : undefined}
                data-state={state}
                data-testid={`stepper-${s.id}`}
                onClick={(e: MouseEvent<HTMLAnchorElement>) => {
                  if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return
                  e.preventDefault()
                  onSelect(s.id)
                }}
              >
                <span className="stepper__marker" aria-hidden="true">
                  {ICON[state] || i + 1}
                </span>
                <span className="stepper__title">
                  {s.title}
                  {s.optional ? <span className="stepper__optional"> (optional)</span> : null}
                </span>
                {state !== 'current' ? <span className="visually-hidden">, {STATE_TEXT[state]}</span> : null}
              </a>
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
