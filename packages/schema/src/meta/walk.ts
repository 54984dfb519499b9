import type { z } from 'zod'

/**
 * Reading the zod config model by path. Everything that asks "what is this field" (the form's
 * labels and help, the env bindings, the secret list, the importer) walks the schema here, so the
 * schema stays the one declaration of a field.
 */

export type PathSegment = string | number
export type Def = { type: string; [key: string]: unknown }

export const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def

const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'nonoptional', 'catch'])

/** Peels optional/default/pipe wrappers, reporting what it saw on the way. */
export const peel = (schema: z.ZodType) => {
  let current = schema
  let optional = false
  let defaultValue: unknown
  let hasDefault = false
  for (;;) {
    const d = defOf(current)
    if (d.type === 'optional') optional = true
    if (d.type === 'default' || d.type === 'prefault') {
      hasDefault = true
      // A prefault's default is parsed, so its inner defaults fill in: the parsed value is what it means.
      defaultValue ??= d.type === 'prefault' ? current.parse(undefined) : d.defaultValue
    }
    if (WRAPPERS.has(d.type)) current = d.innerType as z.ZodType
    else if (d.type === 'pipe') current = d.in as z.ZodType
    else break
  }
  return { inner: current, optional, hasDefault, defaultValue }
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** The values of a (possibly wrapped) literal; empty for anything else. */
export const literalValues = (schema: z.ZodType | undefined): unknown[] => {
  if (!schema) return []
  const d = defOf(peel(schema).inner)
  return d.type === 'literal' ? (d.values as unknown[]) : []
}

export const shapeOf = (schema: z.ZodType): Record<string, z.ZodType> | undefined => {
  const d = defOf(peel(schema).inner)
  return d.type === 'object' ? (d.shape as Record<string, z.ZodType>) : undefined
}

/** The options and discriminator key of a (possibly wrapped) discriminated union. */
export const unionParts = (schema: z.ZodType): { key?: string; options: z.ZodType[] } | undefined => {
  const d = defOf(peel(schema).inner)
  return d.type === 'union'
    ? { key: d.discriminator as string | undefined, options: d.options as z.ZodType[] }
    : undefined
}

/** The option of a discriminated union whose discriminator literal equals value. */
export const unionOption = (union: z.ZodType, value: unknown): z.ZodType | undefined => {
  const u = unionParts(union)
  const key = u?.key
  if (!u || !key) return undefined
  return u.options.find((o) => literalValues(shapeOf(o)?.[key]).includes(value))
}

const pickOption = (union: z.ZodType, value: unknown, nextKey: PathSegment): z.ZodType | undefined => {
  const u = unionParts(union)
  if (!u) return undefined
  if (u.key && isRecord(value)) {
    const byValue = unionOption(union, value[u.key])
    if (byValue) return byValue
  }
  return u.options.find((o) => shapeOf(o)?.[String(nextKey)] !== undefined) ?? u.options[0]
}

/** The schema of the field at path, choosing union branches by the current values. */
export const schemaAt = (
  root: z.ZodType,
  path: readonly PathSegment[],
  values?: unknown,
): z.ZodType | undefined => {
  let schema: z.ZodType | undefined = root
  let value: unknown = values
  for (const segment of path) {
    if (!schema) return undefined
    let inner = peel(schema).inner
    if (defOf(inner).type === 'union') {
      const option = pickOption(inner, value, segment)
      if (!option) return undefined
      inner = peel(option).inner
    }
    const d = defOf(inner)
    if (d.type === 'object') schema = (d.shape as Record<string, z.ZodType>)[String(segment)]
    else if (d.type === 'array') schema = d.element as z.ZodType
    else if (d.type === 'record') schema = d.valueType as z.ZodType
    else return undefined
    value = isRecord(value) || Array.isArray(value) ? (value as Record<string, unknown>)[segment] : undefined
  }
  return schema
}

/** The schema's own metadata (title, description, x-…), inherited through clones and wrappers. */
export const metaOf = (schema: z.ZodType): Record<string, unknown> => {
  let current: z.ZodType | undefined = schema
  const out: Record<string, unknown> = {}
  while (current) {
    const m = current.meta() as Record<string, unknown> | undefined
    for (const [k, v] of Object.entries(m ?? {})) if (!(k in out)) out[k] = v
    const d = defOf(current)
    current = WRAPPERS.has(d.type)
      ? (d.innerType as z.ZodType)
      : d.type === 'pipe'
        ? (d.in as z.ZodType)
        : undefined
  }
  return out
}
