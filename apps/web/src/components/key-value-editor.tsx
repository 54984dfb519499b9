import { useRef, useState } from 'react'
import { useController, useFormContext, useFormState } from 'react-hook-form'
import type { z } from 'zod'
import type { FormValues } from '../lib/initial-values'
import { toPath } from '../lib/path'
import { recordParts, schemaAt } from '../lib/schema-path'
import { FieldMessages, MetaMessages } from './field-message'
import { describedBy, fieldIds, useFieldMeta } from './use-field-meta'

type Row = { id: number; key: string; value: string; touched: boolean }

const firstMessage = (schema: z.ZodType | undefined, input: string) => {
  if (!schema) return undefined
  const r = schema.safeParse(input)
  return r.success ? undefined : r.error.issues[0]?.message
}

const sameRecord = (a: Record<string, string>, b: unknown) => JSON.stringify(a) === JSON.stringify(b ?? {})

/**
 * Edits a record (e.g. OTEL resource attributes) as name/value rows. Each row is checked with the
 * record's own key and value schemas, so the rules stay in the config model.
 */
export const KeyValueEditor = ({ name }: { name: string }) => {
  const { control, getValues } = useFormContext<FormValues>()
  const { field } = useController({ control, name: name as never })
  const { errors, isSubmitted } = useFormState<FormValues>({ control, name: name as never })
  const meta = useFieldMeta(name)
  const legend = meta.label ?? name
  const parts = (() => {
    const s = schemaAt(toPath(name), getValues())
    return s ? recordParts(s) : undefined
  })()
  const nextId = useRef(0)
  const toRows = (record: unknown): Row[] =>
    Object.entries((record ?? {}) as Record<string, string>).map(([key, value]) => ({
      id: nextId.current++,
      key,
      value,
      touched: false,
    }))
  const [rows, setRows] = useState<Row[]>(() => toRows(field.value))
  const emitted = useRef<Record<string, string>>(Object.fromEntries(rows.map((r) => [r.key, r.value])))

  // The record changed from outside (import, draft, start fresh): rebuild the rows from it.
  if (!sameRecord(emitted.current, field.value)) {
    const fresh = toRows(field.value)
    emitted.current = Object.fromEntries(fresh.map((r) => [r.key, r.value]))
    setRows(fresh)
  }

  const commit = (next: Row[]) => {
    setRows(next)
    const record = Object.fromEntries(next.map((r) => [r.key, r.value]))
    emitted.current = record
    field.onChange(record)
  }
  const edit = (id: number, patch: Partial<Row>) =>
    commit(rows.map((r) => (r.id === id ? { ...r, ...patch, touched: true } : r)))

  const sectionHasErrors = Boolean((errors as Record<string, unknown>)[name.split('.')[0] ?? ''])
  const keyCounts = new Map<string, number>()
  for (const r of rows) keyCounts.set(r.key, (keyCounts.get(r.key) ?? 0) + 1)

  return (
    <fieldset
      className="kv-editor"
      data-field={name}
      aria-describedby={describedBy(meta.description && meta.helpId)}
    >
      <legend className="choices__legend">{legend}</legend>
      {rows.length === 0 ? <p className="kv-editor__empty">No attributes yet.</p> : null}
      <ul className="kv-editor__rows">
        {rows.map((row, index) => {
          const keyIds = fieldIds(`${name}.${index}.name`)
          const valueIds = fieldIds(`${name}.${index}.value`)
          const show = row.touched || isSubmitted || sectionHasErrors
          const keyError = show
            ? (keyCounts.get(row.key) ?? 0) > 1
              ? 'This name is used twice: each attribute name must be unique.'
              : firstMessage(parts?.key, row.key)
            : undefined
          const valueError = show ? firstMessage(parts?.value, row.value) : undefined
          return (
            <li key={row.id} className="kv-editor__row">
              <div className="field">
                <label className="field__label" htmlFor={keyIds.id}>
                  Name {index + 1}
                </label>
                <input
                  id={keyIds.id}
                  className="field__input"
                  value={row.key}
                  autoComplete="off"
                  spellCheck={false}
                  placeholder="deployment.environment"
                  aria-invalid={keyError ? true : undefined}
                  aria-describedby={keyError ? keyIds.errorId : undefined}
                  onChange={(e) => edit(row.id, { key: e.target.value })}
                  data-testid={`kv-name-${index}`}
                />
                <FieldMessages helpId={keyIds.helpId} errorId={keyIds.errorId} error={keyError} />
              </div>
              <div className="field">
                <label className="field__label" htmlFor={valueIds.id}>
                  Value {index + 1}
                </label>
                <input
                  id={valueIds.id}
                  className="field__input"
                  value={row.value}
                  autoComplete="off"
                  spellCheck={false}
                  placeholder="production"
                  aria-invalid={valueError ? true : undefined}
                  aria-describedby={valueError ? valueIds.errorId : undefined}
                  onChange={(e) => edit(row.id, { value: e.target.value })}
                  data-testid={`kv-value-${index}`}
                />
                <FieldMessages helpId={valueIds.helpId} errorId={valueIds.errorId} error={valueError} />
              </div>
              <button
                type="button"
                className="button button--ghost kv-editor__remove"
                onClick={() => commit(rows.filter((r) => r.id !== row.id))}
                aria-label={`Remove attribute ${index + 1}`}
              >
                Remove
              </button>
            </li>
          )
        })}
      </ul>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => commit([...rows, { id: nextId.current++, key: '', value: '', touched: false }])}
        data-testid="kv-add"
      >
        Add attribute
      </button>
      <MetaMessages meta={meta} />
    </fieldset>
  )
}
