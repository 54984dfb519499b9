import { useFieldArray, useFormContext, useFormState } from 'react-hook-form'
import type { FormValues } from '../lib/initial-values'
import { toPath } from '../lib/path'
import { fieldInfo, initialValueOf, schemaAt } from '../lib/schema-path'
import { FieldMessages } from './field-message'
import { ObjectFields } from './object-fields'
import { describedBy, useFieldMeta } from './use-field-meta'

/**
 * Edits a list of small objects (tolerations, spread rules): each row shows the item's fields as the
 * schema declares them, with a remove button; a new row starts from the item schema's defaults.
 */
export const ObjectListEditor = ({ name }: { name: string }) => {
  const { control, getValues } = useFormContext<FormValues>()
  const { fields, append, remove } = useFieldArray({ control, name: name as never })
  useFormState<FormValues>({ control, name: name as never })
  const meta = useFieldMeta(name)
  const legend = meta.label ?? name
  const itemPath = [...toPath(name), 0]
  const itemLabel = fieldInfo(itemPath, { ...getValues() }).label ?? 'Rule'
  const add = () => {
    const item = schemaAt(itemPath, undefined)
    append((item ? initialValueOf(item) : {}) as never)
  }
  return (
    <fieldset
      className="list-editor"
      data-field={name}
      aria-describedby={describedBy(meta.error && meta.errorId, meta.description && meta.helpId)}
    >
      <legend className="choices__legend">{legend}</legend>
      <ol className="list-editor__rows">
        {fields.map((f, index) => (
          <li key={f.id} className="list-editor__row nested" data-testid={`${name}-row-${index}`}>
            <ObjectFields name={`${name}.${index}`} />
            <button
              type="button"
              className="button button--ghost"
              onClick={() => remove(index)}
              aria-label={`Remove ${legend.toLowerCase()} rule ${index + 1}`}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="button button--secondary" onClick={add} data-testid={`${name}-add`}>
        Add {itemLabel === legend ? 'a rule' : itemLabel.toLowerCase()}
      </button>
      <FieldMessages helpId={meta.helpId} help={meta.description} errorId={meta.errorId} error={meta.error} />
    </fieldset>
  )
}
