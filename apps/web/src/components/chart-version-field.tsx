import { CHART_RELEASES, LATEST_CHART_VERSION, lacks } from '@portkey-setup/schema'
import { useFormContext, useWatch } from 'react-hook-form'
import type { FormValues } from '../lib/initial-values'
import { MetaMessages } from './field-message'
import { describedBy, useFieldMeta } from './use-field-meta'

const NAME = 'chart.version'

/** The released chart versions, newest first, with what the chosen one lacks compared with the newest. */
export const ChartVersionField = () => {
  const { register, control } = useFormContext<FormValues>()
  const meta = useFieldMeta(NAME)
  const version = useWatch({ control, name: NAME as never }) as unknown as string | undefined
  const missing = version ? lacks(version) : []
  return (
    <div className="field" data-field={NAME}>
      <label className="field__label" htmlFor={meta.id}>
        {meta.label}
      </label>
      <select
        id={meta.id}
        className="field__input"
        aria-invalid={meta.error ? true : undefined}
        aria-describedby={describedBy(
          meta.error && meta.errorId,
          meta.description && meta.helpId,
          meta.noteId,
        )}
        {...register(NAME as never)}
      >
        {CHART_RELEASES.map((r) => (
          <option key={r.version} value={r.version}>
            {r.version} — {r.date}
            {r.version === LATEST_CHART_VERSION ? ' (newest, default)' : ''}
          </option>
        ))}
      </select>
      <MetaMessages meta={meta} />
      <div id={meta.noteId} className="field__note" aria-live="polite">
        {missing.length === 0 ? (
          <p>This release has everything portkey-setup can configure.</p>
        ) : (
          <>
            <p>Compared with {LATEST_CHART_VERSION}, this release lacks:</p>
            <ul>
              {missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  )
}
