import {
  type ConfigIssue,
  type ConfigWarning,
  type DeploymentConfig,
  fieldTitle,
  validateConfig,
} from '@portkey-setup/schema'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useFormContext } from 'react-hook-form'
import { useChecks } from '../../api/use-checks'
import { GuidePanel } from '../../components/guide-panel'
import { applyCheckHints, applyIssues } from '../../components/test-connection'
import type { FormValues } from '../../lib/initial-values'
import { UpgradeNote } from '../upgrade/upgrade-note'
import { BundleFiles } from './bundle-files'
import { ChecksPanel, countFailing } from './checks-panel'
import { DownloadBundle } from './download-bundle'
import { KeptSettings, withoutKept } from './kept-settings'
import { checkTargetsFor } from './targets'
import { ValidationSummary } from './validation-summary'

type Review =
  | { status: 'checking' }
  | { status: 'invalid'; issues: ConfigIssue[] }
  | { status: 'valid'; config: DeploymentConfig; warnings: ConfigWarning[] }

/** The last step: what to fix, connection checks for everything, every file, and the download. */
export const ReviewStep = () => {
  const { getValues, setValue, trigger, setError } = useFormContext<FormValues>()
  const [review, setReview] = useState<Review>({ status: 'checking' })
  const checks = useChecks()
  const autoRan = useRef(false)

  const revalidate = useCallback(() => {
    const r = validateConfig(getValues())
    setReview(
      r.valid
        ? { status: 'valid', config: r.config, warnings: r.warnings }
        : { status: 'invalid', issues: r.issues },
    )
  }, [getValues])

  useEffect(() => {
    let live = true
    // trigger() puts every message under its field and marks the steps with errors in the stepper.
    void trigger().then(() => {
      if (live) revalidate()
    })
    return () => {
      live = false
    }
  }, [revalidate, trigger])

  const removeKept = (path: string[]) => {
    const kept = getValues('keptValues')
    setValue('keptValues', kept ? withoutKept(kept, path) : undefined, { shouldDirty: true })
    revalidate()
  }

  const config = review.status === 'valid' ? review.config : undefined
  const targets = config ? checkTargetsFor(config) : []

  const runAll = useCallback(async () => {
    if (!config) return
    const outcome = await checks.run(config, checkTargetsFor(config), (r) => applyCheckHints([r], setError))
    applyIssues(outcome.issues, setError)
  }, [config, checks.run, setError])

  useEffect(() => {
    if (config && !autoRan.current) {
      autoRan.current = true
      void runAll()
    }
  }, [config, runAll])

  if (review.status === 'checking') return <p className="loading">Checking the whole config…</p>
  if (review.status === 'invalid') return <ValidationSummary issues={review.issues} />

  return (
    <div className="review" data-testid="step-review">
      {review.warnings.length > 0 ? (
        <section
          className="review-card review-card--warn"
          aria-labelledby="warnings-title"
          data-testid="config-warnings"
        >
          <h3 id="warnings-title" className="review-card__title">
            Worth a second look
          </h3>
          <ul>
            {review.warnings.map((w) => (
              <li key={`${w.path.join('.')}:${w.message}`}>
                <strong>{fieldTitle(w.path, review.config)}:</strong> {w.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <UpgradeNote />
      <KeptSettings kept={review.config.keptValues} onRemove={removeKept} />
      <ChecksPanel state={checks.state} targets={targets} onRun={() => void runAll()} />
      <BundleFiles config={review.config} />
      <DownloadBundle config={review.config} failing={countFailing(checks.state)} />
      <GuidePanel section="install" heading="After the download: install" />
    </div>
  )
}
