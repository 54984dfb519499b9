import { useCallback, useEffect, useRef, useState } from 'react'
import type { StepId } from './step-types'

/**
 * Where focus goes as the user moves through the steps: to the new step's heading, or after a refused
 * "Next" to the first field in error, with a message for screen readers.
 */
export const useStepFocus = (current: StepId) => {
  const [navMessage, setNavMessage] = useState('')
  const [focusRequest, setFocusRequest] = useState(0)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const contentRef = useRef<HTMLDivElement>(null)
  const firstRender = useRef(true)

  // Move focus to the new step's heading so keyboard and screen-reader users start at the top of it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on step change only
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false
      return
    }
    setNavMessage('')
    headingRef.current?.focus()
  }, [current])

  // After a refused "Next", RHF focuses the first field in error; when the error sits on a whole
  // section (e.g. no log store chosen) it cannot, so this runs once the errors have rendered.
  useEffect(() => {
    if (focusRequest === 0) return
    const active = document.activeElement
    if (contentRef.current?.contains(active) && active?.getAttribute('aria-invalid') === 'true') return
    const invalid = contentRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')
    // A radio group is focused through its chosen (or first) radio.
    const target =
      invalid?.getAttribute('role') === 'radiogroup'
        ? (invalid.querySelector<HTMLElement>('[role="radio"][data-state="checked"]') ??
          invalid.querySelector<HTMLElement>('[role="radio"]'))
        : invalid
    ;(target ?? headingRef.current)?.focus()
  }, [focusRequest])

  /** "Next" was refused: say so, and focus the first problem. */
  const refused = useCallback(() => {
    setNavMessage('Some fields on this step need attention before you go on.')
    setFocusRequest((n) => n + 1)
  }, [])

  return { headingRef, contentRef, navMessage, refused }
}
