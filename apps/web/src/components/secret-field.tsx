import { useState } from 'react'
import { useFormContext } from 'react-hook-form'
import type { FormValues } from '../lib/initial-values'
import { MetaMessages } from './field-message'
import type { FieldProps } from './field-props'
import { describedBy, useFieldMeta } from './use-field-meta'

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v)

/**
 * A password input with a show/hide toggle. The schema marks the field secret, so the draft never keeps
 * it; the note under the field says so.
 */
export const SecretField = (props: FieldProps) => {
  const { name } = props
  const { register } = useFormContext<FormValues>()
  const meta = useFieldMeta(name)
  const label = props.label ?? meta.label ?? name
  const placeholder = props.placeholder ?? meta.placeholder
  const [visible, setVisible] = useState(false)
  const secretNoteId = `${meta.id}-secret`
  return (
    <div className="field field--secret" data-field={name}>
      <label className="field__label" htmlFor={meta.id}>
        {label}
        {meta.optional ? <span className="field__optional"> (optional)</span> : null}
      </label>
      <div className="field__secret-row">
        <input
          key={name}
          id={meta.id}
          className="field__input"
          type={visible ? 'text' : 'password'}
          placeholder={placeholder}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          data-secret="true"
          aria-invalid={meta.error ? true : undefined}
          aria-describedby={describedBy(
            meta.error && meta.errorId,
            meta.description && meta.helpId,
            secretNoteId,
          )}
          {...register(name as never, meta.optional ? { setValueAs: emptyToUndefined } : {})}
        />
        <button
          type="button"
          className="button button--ghost field__toggle"
          aria-pressed={visible}
          aria-controls={meta.id}
          onClick={() => setVisible((v) => !v)}
        >
          {visible ? 'Hide' : 'Show'}
          <span className="visually-hidden"> {label}</span>
        </button>
      </div>
      <MetaMessages meta={meta} />
      <p id={secretNoteId} className="field__secret-note">
        Secret: not saved in the draft.
      </p>
    </div>
  )
}
