import { useEffect } from 'react'
import { StepContent } from './step-content'
import { useStepFocus } from './use-step-focus'
import { useWizardContext } from './wizard-context'

/** The current step as a form: its heading and intro, its content, and Back / Next. */
export const StepFrame = () => {
  const wizard = useWizardContext()
  const { step, steps, index } = wizard
  const { headingRef, contentRef, navMessage, refused } = useStepFocus(wizard.current)
  const nextStep = steps[index + 1]

  useEffect(() => {
    document.title = `${step.title} · Portkey gateway setup`
  }, [step.title])

  const onNext = async () => {
    if (!(await wizard.next())) refused()
  }

  return (
    <form
      className="step"
      noValidate
      aria-labelledby="step-heading"
      data-testid={`wizard-step-${step.id}`}
      onSubmit={(e) => {
        e.preventDefault()
        if (!wizard.atReview) void onNext()
      }}
    >
      <div className="step__header">
        <p className="step__count">
          Step {index + 1} of {steps.length}
          {step.optional ? ' · optional' : ''}
        </p>
        <h2 id="step-heading" className="step__title" tabIndex={-1} ref={headingRef}>
          {step.title}
        </h2>
        <p className="step__intro">{step.intro}</p>
      </div>
      <StepContent id={step.id} contentRef={contentRef} />
      <p className="step__status" role="status">
        {navMessage}
      </p>
      <div className="step__nav">
        {!wizard.isFirst ? (
          <button
            type="button"
            className="button button--ghost"
            onClick={wizard.back}
            data-testid="wizard-back"
          >
            Back
          </button>
        ) : (
          <span />
        )}
        {nextStep ? (
          <button type="submit" className="button button--primary" data-testid="wizard-next">
            Next: {nextStep.title}
          </button>
        ) : null}
      </div>
    </form>
  )
}
