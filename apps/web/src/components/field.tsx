import { useFormContext } from 'react-hook-form'
import type { FormValues } from '../lib/initial-values'
import { MetaMessages } from './field-message'
import type { FieldProps } from './field-props'
import { SecretField } from './secret-field'
import { describedBy, useFieldMeta } from './use-field-meta'

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v)
// A number input's text becomes a number, so the schema sees what the config holds.
const toNumber = (v: unknown) => (v === '' || v === undefined ? undefined : Number(v))

/** A text input labelled and explained by the schema; secret fields render as SecretField. */
export const Field = (props: FieldProps) => {
  const { name, type = 'text', autoComplete = 'off', list, note } = props
  const { register } = useFormContext<FormValues>()
  const meta = useFieldMeta(name)
  if (meta.secret) return <SecretField {...props} />
  const label = props.label ?? meta.label ?? name
  const placeholder = props.placeholder ?? meta.placeholder
  return (
    <div className="field" data-field={name}>
      <label className="field__label" htmlFor={meta.id}>
        {label}
        {meta.optional ? <span className="field__optional"> (optional)</span> : null}
      </label>
      <input
        key={name}
        id={meta.id}
        className="field__input"
        type={type}
        placeholder={placeholder}
        autoComplete={autoComplete}
        spellCheck={false}
        list={list}
        aria-invalid={meta.error ? true : undefined}
        aria-describedby={describedBy(
          meta.error && meta.errorId,
          meta.description && meta.helpId,
          note ? meta.noteId : undefined,
        )}
        {...register(
          name as never,
          type === 'number'
            ? { setValueAs: toNumber }
            : meta.optional
              ? { setValueAs: emptyToUndefined }
              : {},
        )}
      />
      <MetaMessages meta={meta} />
      {note ? (
        <p id={meta.noteId} className="field__note">
          {note}
        </p>
      ) : null}
    </div>
  )
}
