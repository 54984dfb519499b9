import { type FieldError, get, useFormContext, useFormState } from 'react-hook-form'
import type { FormValues } from '../lib/initial-values'
import { toPath } from '../lib/path'
import { fieldInfo } from '../lib/schema-path'

/** Stable DOM ids for a field, derived from its config path. */
export const fieldIds = (name: string) => {
  const id = `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`
  return { id, helpId: `${id}-help`, errorId: `${id}-error`, noteId: `${id}-note` }
}

const messageOf = (error: unknown): string | undefined => {
  const message = (error as FieldError | undefined)?.message
  return typeof message === 'string' && message ? message : undefined
}

/**
 * Everything a form control needs to describe itself: help text from the schema, the current error
 * (including a whole-object error such as "Log store is required" when `parentErrors` is set).
 */
export const useFieldMeta = (name: string, { parentErrors = false } = {}) => {
  const { getValues } = useFormContext<FormValues>()
  const parent = name.split('.').slice(0, -1).join('.')
  const { errors } = useFormState<FormValues>({
    name: parentErrors && parent ? [name, parent] : name,
  } as never)
  const info = fieldInfo(toPath(name), getValues())
  const error =
    messageOf(get(errors, name)) ?? (parentErrors && parent ? messageOf(get(errors, parent)) : undefined)
  return { ...fieldIds(name), ...info, error }
}

export const describedBy = (...ids: (string | false | undefined)[]) =>
  ids.filter(Boolean).join(' ') || undefined
