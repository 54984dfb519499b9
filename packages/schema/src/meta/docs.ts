import type { z } from 'zod'
import { literalValues, metaOf, peel, shapeOf, unionParts } from './walk.js'

/**
 * What a field says about itself, declared once on the schema with `.meta()`:
 * - `title`: the label the form shows and every message uses (the field builders set it);
 * - `description`: help for a person, without the env key;
 * - `x-placeholder`: an example shown in an empty input;
 * - `x-env`: the environment key(s) the value is written to;
 * - `x-secret`: never logged, stored in a draft or put in a script.
 * A discriminant literal's title and description are its choice's title and "choose this when".
 */
export type FieldMeta = {
  title?: string
  description?: string
  'x-placeholder'?: string
  'x-env'?: string | readonly string[]
  'x-secret'?: boolean
}

export type FieldDoc = {
  label?: string
  help?: string
  placeholder?: string
  env: string[]
  secret: boolean
  optional: boolean
}

const envList = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((k): k is string => typeof k === 'string') : []

/** The docs of one schema node. */
export const docOf = (schema: z.ZodType): FieldDoc => {
  const m = metaOf(schema) as FieldMeta
  return {
    ...(m.title ? { label: m.title } : {}),
    ...(m.description ? { help: m.description } : {}),
    ...(m['x-placeholder'] ? { placeholder: m['x-placeholder'] } : {}),
    env: envList(m['x-env']),
    secret: m['x-secret'] === true,
    optional: peel(schema).optional,
  }
}

export type ChoiceDoc<V = string> = { value: V; title: string; when: string }

/** The choices of a discriminated union, from each branch's discriminant literal. */
export const choicesOf = <V = string>(union: z.ZodType): ChoiceDoc<V>[] => {
  const u = unionParts(union)
  if (!u?.key) return []
  const key = u.key
  return u.options.flatMap((o) => {
    const literal = shapeOf(o)?.[key]
    if (!literal) return []
    const m = metaOf(literal) as FieldMeta
    const value = literalValues(literal)[0] as V
    return [{ value, title: m.title ?? String(value), when: m.description ?? '' }]
  })
}

/** The title of one choice of a discriminated union. */
export const choiceTitle = (union: z.ZodType, value: unknown): string =>
  choicesOf(union).find((c) => c.value === value)?.title ?? String(value)
