import { lazy, type Ref, Suspense, useEffect } from 'react'
import { ErrorBoundary } from '../components/error-boundary'
import { REVIEW_ID, type StepId } from './step-types'
import { prefetchSteps, sectionStep } from './steps'

// Review is the terminal state of the flow, not a registry entry: the wizard loads its code itself.
const loadReview = () => import('./review/review-step').then((m) => ({ default: m.ReviewStep }))
const ReviewStep = lazy(loadReview)
// The guides (every choice's setup steps) load beside the first step, so its fields come first.
const GuidePanel = lazy(() => import('../components/guide-panel').then((m) => ({ default: m.GuidePanel })))

/** Loads every step's code, Review's too, in the background once the first step is on screen. */
const usePrefetch = () =>
  useEffect(() => {
    if (import.meta.env.MODE === 'test') return
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 1500))
    idle(() => {
      prefetchSteps()
      void loadReview().catch(() => undefined)
    })
  }, [])

/** The current step's fields with its setup guide beside them; for Review, Review alone. */
export const StepContent = ({ id, contentRef }: { id: StepId; contentRef: Ref<HTMLDivElement> }) => {
  usePrefetch()
  const section = id === REVIEW_ID ? undefined : sectionStep(id)
  const Component = section?.Component ?? ReviewStep
  return (
    <div className={section ? 'step__grid' : 'step__single'} ref={contentRef}>
      <div className="step__main">
        <ErrorBoundary
          resetKey={id}
          fallback={
            <p className="notice notice--error" role="alert">
              This step could not be loaded. Reload the page to try again; your draft is kept.
            </p>
          }
        >
          <Suspense fallback={<p className="loading">Loading this step…</p>}>
            <Component />
          </Suspense>
        </ErrorBoundary>
      </div>
      {section ? (
        <Suspense fallback={<aside className="guide-panel" aria-busy="true" />}>
          <GuidePanel section={section.id} />
        </Suspense>
      ) : null}
    </div>
  )
}
