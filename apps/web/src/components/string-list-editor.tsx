import { useRef } from 'react'
import { type FieldError, get, useController, useFormContext, useFormState } from 'react-hook-form'
import type { FormValues } from '../lib/initial-values'
import { toPath } from '../lib/path'
import { fieldInfo } from '../lib/schema-path'
import { FieldMessages } from './field-message'
import { describedBy, fieldIds, useFieldMeta } from './use-field-meta'

/** Edits a list of strings (e.g. organisation IDs): one input per row, add and remove buttons. */
export const StringListEditor = ({ name }: { name: string }) => {
  const { control, getValues } = useFormContext<FormValues>()
  const { field } = useController({ control, name: name as never })
  const { errors } = useFormState<FormValues>({ control, name: name as never })
  const meta = useFieldMeta(name)
  const legend = meta.label ?? name
  // Rows are named by the schema of one item ("Organisation ID 1").
  const itemLabel = fieldInfo([...toPath(name), 0], getValues()).label ?? 'Item'
  const items: string[] = Array.isArray(field.value) ? (field.value as string[]) : []
  // Stable row keys, so removing a row keeps focus and text on the right inputs.
  const keys = useRef<number[]>([])
  const next = useRef(0)
  while (keys.current.length < items.length) keys.current.push(next.current++)
  keys.current.length = items.length

  const listError = (get(errors, name) as FieldError | undefined)?.message
  const legendId = `${meta.id}-legend`

  const update = (list: string[]) => field.onChange(list)
  const add = () => {
    update([...items, ''])
    requestAnimationFrame(() => document.getElementById(fieldIds(`${name}.${items.length}`).id)?.focus())
  }
  const remove = (index: number) => {
    keys.current.splice(index, 1)
    update(items.filter((_, i) => i !== index))
  }

  return (
    <fieldset
      className="list-editor"
      data-field={name}
      aria-describedby={describedBy(listError && meta.errorId, meta.description && meta.helpId)}
    >
      <legend id={legendId} className="choices__legend">
        {legend}
      </legend>
      <ul className="list-editor__rows">
        {items.map((value, index) => {
          const ids = fieldIds(`${name}.${index}`)
          const error = (get(errors, `${name}.${index}`) as FieldError | undefined)?.message
          return (
            <li key={keys.current[index]} className="list-editor__row">
              <label className="field__label" htmlFor={ids.id}>
                {itemLabel} {index + 1}
              </label>
              <div className="list-editor__controls">
                <input
                  id={ids.id}
                  className="field__input"
                  value={value}
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? ids.errorId : undefined}
                  onChange={(e) => update(items.map((v, i) => (i === index ? e.target.value : v)))}
                  onBlur={field.onBlur}
                  data-testid={`list-item-${index}`}
                />
                <button
                  type="button"
                  className="button button--ghost"
                  onClick={() => remove(index)}
                  aria-label={`Remove ${itemLabel.toLowerCase()} ${index + 1}`}
                >
                  Remove
                </button>
              </div>
              <FieldMessages helpId={ids.helpId} errorId={ids.errorId} error={error} />
            </li>
          )
        })}
      </ul>
      <button type="button" className="button button--secondary" onClick={add} data-testid="list-add">
        Add {itemLabel.toLowerCase()}
      </button>
      <FieldMessages
        helpId={meta.helpId}
        help={meta.description}
        env={meta.env}
        errorId={meta.errorId}
        error={typeof listError === 'string' ? listError : undefined}
      />
    </fieldset>
  )
}
