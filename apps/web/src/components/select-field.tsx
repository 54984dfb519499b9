import { useFormContext } from 'react-hook-form'
import type { FormValues } from '../lib/initial-values'
import { toPath } from '../lib/path'
import { choicesAt } from '../lib/schema-path'
import { MetaMessages } from './field-message'
import { describedBy, useFieldMeta } from './use-field-meta'

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v)

/**
 * A native select for a short enum (a toleration's effect, a spread rule's fallback): label, help and
 * choices come from the schema; an optional field offers an empty first option.
 */
export const SelectField = ({ name }: { name: string }) => {
  const { register, getValues } = useFormContext<FormValues>()
  const meta = useFieldMeta(name)
  const choices = choicesAt(toPath(name), getValues())
  return (
    <div className="field" data-field={name}>
      <label className="field__label" htmlFor={meta.id}>
        {meta.label ?? name}
        {meta.optional ? <span className="field__optional"> (optional)</span> : null}
      </label>
      <select
        id={meta.id}
        className="field__input"
        aria-invalid={meta.error ? true : undefined}
        aria-describedby={describedBy(meta.error && meta.errorId, meta.description && meta.helpId)}
        {...register(name as never, meta.optional ? { setValueAs: emptyToUndefined } : {})}
      >
        {meta.optional ? <option value="">Any</option> : null}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.title}
          </option>
        ))}
      </select>
      <MetaMessages meta={meta} />
    </div>
  )
}
