import { zodResolver } from '@hookform/resolvers/zod'
import {
  type DeploymentConfig,
  DeploymentConfigSchema,
  type ImportResult,
  type SectionId,
} from '@portkey-setup/schema'
import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { FormProvider, useForm, useFormState } from 'react-hook-form'
import { ErrorBoundary } from '../components/error-boundary'
import { GuidePanel } from '../components/guide-panel'
import { clearDraft, loadDraft, saveDraft } from '../lib/draft'
import { type FormValues, initialValues, valuesFrom } from '../lib/initial-values'
import { ImportWarnings } from './import-warnings'
import { Stepper, type StepState } from './stepper'
import { prefetchSteps, STEPS, type StepId } from './steps'
import { useDraftAutosave } from './use-draft'
import { useWizard, WizardContext } from './use-wizard'

const ImportDialog = lazy(() => import('./import-dialog').then((m) => ({ default: m.ImportDialog })))
const StartFreshDialog = lazy(() =>
  import('./start-fresh-dialog').then((m) => ({ default: m.StartFreshDialog })),
)

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })

/** The whole wizard: one form over the whole deployment config, validated by the shared schema. */
export const Wizard = () => {
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
  const validate = useCallback(
    (fields: readonly string[], focus: boolean) => form.trigger(fields as never, { shouldFocus: focus }),
    [form],
  )
  const wizard = useWizard(STEPS, validate)
  const { errors } = useFormState({ control: form.control })

  const [dialog, setDialog] = useState<'import' | 'fresh' | undefined>()
  const [imported, setImported] = useState<ImportResult['warnings']>()
  const [navMessage, setNavMessage] = useState('')
  const [focusRequest, setFocusRequest] = useState(0)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const contentRef = useRef<HTMLDivElement>(null)
  const firstRender = useRef(true)

  useEffect(() => {
    if (import.meta.env.MODE === 'test') return
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 1500))
    idle(() => prefetchSteps())
  }, [])

  useEffect(() => {
    document.title = `${wizard.step.title} · Portkey gateway setup`
  }, [wizard.step.title])

  // Move focus to the new step's heading so keyboard and screen-reader users start at the top of it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on step change only
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false
      return
    }
    setNavMessage('')
    headingRef.current?.focus()
  }, [wizard.current])

  const stepHasErrors = (id: StepId) =>
    STEPS.find((s) => s.id === id)?.fields.some((f) => Boolean((errors as Record<string, unknown>)[f])) ??
    false

  const stateOf = (id: StepId): StepState =>
    stepHasErrors(id) ? 'error' : id === wizard.current ? 'current' : wizard.done.has(id) ? 'done' : 'todo'

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

  const onNext = async () => {
    const ok = await wizard.next()
    if (!ok) {
      setNavMessage('Some fields on this step need attention before you go on.')
      setFocusRequest((n) => n + 1)
    }
  }

  const onImported = (result: ImportResult) => {
    form.reset(valuesFrom(result.config), { keepDefaultValues: true })
    setSavedAt(saveDraft(form.getValues())?.savedAt)
    setImported(result.warnings)
    wizard.resetProgress()
  }

  const onStartFresh = () => {
    clearDraft()
    form.reset(initialValues(), { keepDefaultValues: true })
    setSavedAt(undefined)
    setImported(undefined)
    wizard.resetProgress()
    wizard.goTo(STEPS[0]?.id ?? 'chart')
  }

  const { step } = wizard
  const nextStep = STEPS[wizard.index + 1]
  const StepComponent = step.Component

  return (
    <FormProvider {...form}>
      <WizardContext.Provider value={wizard}>
        <div className="app">
          <a className="skip-link" href="#step-heading">
            Skip to the current step
          </a>
          <header className="app-header">
            <div className="app-header__brand">
              <h1 className="app-header__title">Portkey gateway setup</h1>
              <p className="app-header__tagline">
                Every choice, its setup steps and the files to install, in one place.
              </p>
            </div>
            <div className="app-header__actions">
              <p className="draft-status" data-testid="draft-status" aria-live="polite">
                {savedAt
                  ? `Draft saved in this browser at ${timeOf(savedAt)}.`
                  : 'Your answers are kept in this browser as you go.'}{' '}
                <strong>Secrets are never saved.</strong>
              </p>
              <div className="app-header__buttons">
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setDialog('import')}
                  data-testid="import-open"
                >
                  Import values.yaml
                </button>
                <button
                  type="button"
                  className="button button--ghost"
                  onClick={() => setDialog('fresh')}
                  data-testid="start-fresh"
                >
                  Start fresh
                </button>
              </div>
            </div>
          </header>

          {imported ? <ImportWarnings warnings={imported} onDismiss={() => setImported(undefined)} /> : null}

          <div className="layout">
            <Stepper steps={STEPS} current={wizard.current} stateOf={stateOf} onSelect={wizard.goTo} />
            <main className="main">
              <form
                className="step"
                noValidate
                aria-labelledby="step-heading"
                data-testid={`wizard-step-${step.id}`}
                onSubmit={(e) => {
                  e.preventDefault()
                  if (!wizard.isLast) void onNext()
                }}
              >
                <div className="step__header">
                  <p className="step__count">
                    Step {wizard.index + 1} of {STEPS.length}
                    {step.optional ? ' · optional' : ''}
                  </p>
                  <h2 id="step-heading" className="step__title" tabIndex={-1} ref={headingRef}>
                    {step.title}
                  </h2>
                  <p className="step__intro">{step.intro}</p>
                </div>
                <div className={step.guide ? 'step__grid' : 'step__single'} ref={contentRef}>
                  <div className="step__main">
                    <ErrorBoundary
                      resetKey={step.id}
                      fallback={
                        <p className="notice notice--error" role="alert">
                          This step could not be loaded. Reload the page to try again; your draft is kept.
                        </p>
                      }
                    >
                      <Suspense fallback={<p className="loading">Loading this step…</p>}>
                        <StepComponent />
                      </Suspense>
                    </ErrorBoundary>
                  </div>
                  {step.guide ? <GuidePanel section={step.id as SectionId} /> : null}
                </div>
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
            </main>
          </div>
        </div>

        <Suspense fallback={null}>
          {dialog === 'import' ? (
            <ImportDialog
              open
              onOpenChange={(open) => !open && setDialog(undefined)}
              onImported={onImported}
            />
          ) : null}
          {dialog === 'fresh' ? (
            <StartFreshDialog
              open
              onOpenChange={(open) => !open && setDialog(undefined)}
              onConfirm={onStartFresh}
            />
          ) : null}
        </Suspense>
      </WizardContext.Provider>
    </FormProvider>
  )
}
