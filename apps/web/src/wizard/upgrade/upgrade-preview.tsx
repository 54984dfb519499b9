import { renderValuesYaml, validateConfig } from '@portkey-setup/schema'
import { useEffect, useState } from 'react'
import { useFormContext } from 'react-hook-form'
import { CodeView } from '../../components/code-view'
import type { FormValues } from '../../lib/initial-values'
import { ValidationSummary } from '../review/validation-summary'
import type { Running } from './running-version'

type Preview =
  | { status: 'loading' }
  | { status: 'problems'; issues: Parameters<typeof ValidationSummary>[0]['issues'] }
  | { status: 'ready'; patch: string; changed: boolean }
  | { status: 'error' }

/**
 * What the upgrade does to values.yaml: the imported values against the values.yaml the wizard writes
 * at the target, or, when the config cannot be deployed there, what to fix first, by step.
 */
export const UpgradePreview = ({ running, to }: { running: Running; to: string }) => {
  const { getValues } = useFormContext<FormValues>()
  const [preview, setPreview] = useState<Preview>({ status: 'loading' })

  useEffect(() => {
    let live = true
    const values = getValues()
    const r = validateConfig({ ...values, chart: { ...values.chart, version: to } })
    if (!r.valid) {
      setPreview({ status: 'problems', issues: r.issues })
      return
    }
    setPreview({ status: 'loading' })
    import('../../lib/values-patch')
      .then(({ valuesChange }) => {
        const change = valuesChange(running.valuesText, renderValuesYaml(r.config), {
          before: `values running ${running.version}`,
          after: `values.yaml of the ${to} bundle`,
        })
        if (live) setPreview({ status: 'ready', ...change })
      })
      .catch(() => live && setPreview({ status: 'error' }))
    return () => {
      live = false
    }
  }, [getValues, running, to])

  return (
    <div aria-live="polite" data-testid="upgrade-preview">
      {preview.status === 'loading' ? <p className="loading">Comparing the values…</p> : null}
      {preview.status === 'error' ? (
        <p className="notice notice--error">The comparison could not be loaded. Try again.</p>
      ) : null}
      {preview.status === 'problems' ? <ValidationSummary issues={preview.issues} /> : null}
      {preview.status === 'ready' && preview.changed ? (
        <CodeView
          code={preview.patch}
          language="diff"
          label={`values running ${running.version} compared with the values.yaml of the ${to} bundle`}
        />
      ) : null}
      {preview.status === 'ready' && !preview.changed ? (
        <p className="empty-state">values.yaml stays the same at {to}.</p>
      ) : null}
    </div>
  )
}
