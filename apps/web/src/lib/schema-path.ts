import { DeploymentConfigObject, isSecretPath } from '@portkey-setup/schema'
import type { z } from 'zod'

/**
 * Reads the zod config model by field path, so labels' help text, optionality and branch defaults
 * come from the schema itself and the form never keeps a second copy of them.
 */

export type PathSegment = string | number
type Def = { type: string; [key: string]: unknown }

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def

const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'nonoptional', 'catch'])

/** Peels optional/default/pipe wrappers, reporting what it saw on the way. */
const peel = (schema: z.ZodType) => {
  let current = schema
  let description: string | undefined
  let optional = false
  let defaultValue: unknown
  let hasDefault = false
  for (;;) {
    description ??= current.description
    const d = defOf(current)
    if (d.type === 'optional') optional = true
    if (d.type === 'default' || d.type === 'prefault') {
      hasDefault = true
      defaultValue ??= d.defaultValue
    }
    if (WRAPPERS.has(d.type)) current = d.innerType as z.ZodType
    else if (d.type === 'pipe') current = d.in as z.ZodType
    else break
  }
  return { inner: current, description, optional, hasDefault, defaultValue }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

const literalValues = (schema: z.ZodType | undefined): unknown[] => {
  if (!schema) return []
  const d = defOf(peel(schema).inner)
  return d.type === 'literal' ? (d.values as unknown[]) : []
}

const shapeOf = (schema: z.ZodType): Record<string, z.ZodType> | undefined => {
  const d = defOf(schema)
  return d.type === 'object' ? (d.shape as Record<string, z.ZodType>) : undefined
}

/** The option of a discriminated union whose discriminator literal equals value. */
export const unionOption = (union: z.ZodType, value: unknown): z.ZodType | undefined => {
  const d = defOf(peel(union).inner)
  if (d.type !== 'union') return undefined
  const key = d.discriminator as string | undefined
  const options = d.options as z.ZodType[]
  if (!key) return undefined
  return options.find((o) => literalValues(shapeOf(o)?.[key]).includes(value))
}

const pickOption = (union: Def, value: unknown, nextKey: PathSegment): z.ZodType | undefined => {
  const options = union.options as z.ZodType[]
  const key = union.discriminator as string | undefined
  if (key && isRecord(value)) {
    const byValue = options.find((o) => literalValues(shapeOf(o)?.[key]).includes(value[key]))
    if (byValue) return byValue
  }
  return options.find((o) => shapeOf(o)?.[String(nextKey)] !== undefined) ?? options[0]
}

/** The schema of the field at path, choosing union branches by the current values. */
export const schemaAt = (
  path: readonly PathSegment[],
  values: unknown,
  root: z.ZodType = DeploymentConfigObject,
): z.ZodType | undefined => {
  let schema: z.ZodType | undefined = root
  let value: unknown = values
  for (const segment of path) {
    if (!schema) return undefined
    let d = defOf(peel(schema).inner)
    if (d.type === 'union') {
      const option = pickOption(d, value, segment)
      if (!option) return undefined
      d = defOf(peel(option).inner)
    }
    if (d.type === 'object') schema = (d.shape as Record<string, z.ZodType>)[String(segment)]
    else if (d.type === 'array') schema = d.element as z.ZodType
    else if (d.type === 'record') schema = d.valueType as z.ZodType
    else return undefined
    value = isRecord(value) || Array.isArray(value) ? (value as Record<string, unknown>)[segment] : undefined
  }
  return schema
}

export type FieldInfo = { description?: string; optional: boolean; secret: boolean }

const isDiscriminator = (schema: z.ZodType) => defOf(peel(schema).inner).type === 'literal'

/** Help text (the schema's .describe()), whether the field may be left empty, and whether it is a secret. */
export const fieldInfo = (path: readonly PathSegment[], values: unknown): FieldInfo => {
  const schema = schemaAt(path, values)
  if (!schema) return { optional: false, secret: isSecretPath(path) }
  const { description, optional } = peel(schema)
  // A union's discriminator describes only the chosen branch; the radio group as a whole is
  // better explained by the union itself ("Where the gateway stores … logs").
  if (isDiscriminator(schema) && path.length > 1) {
    const parent = schemaAt(path.slice(0, -1), values)
    const parentDescription = parent ? peel(parent).description : undefined
    return { description: parentDescription ?? description, optional, secret: isSecretPath(path) }
  }
  return { description, optional, secret: isSecretPath(path) }
}

/** The starting value a schema gives a new field: its default, or the first branch of a union. */
export const initialValueOf = (schema: z.ZodType): unknown => {
  const { inner, hasDefault, defaultValue, optional } = peel(schema)
  if (hasDefault) return structuredClone(defaultValue)
  if (optional) return undefined
  const d = defOf(inner)
  switch (d.type) {
    case 'object':
      return objectDefaults(inner)
    case 'union': {
      const first = (d.options as z.ZodType[])[0]
      return first ? objectDefaults(first) : undefined
    }
    case 'array':
      return []
    case 'record':
      return {}
    case 'literal':
      return (d.values as unknown[])[0]
    default:
      return undefined
  }
}

const objectDefaults = (schema: z.ZodType, fixed: Record<string, unknown> = {}): Record<string, unknown> => {
  const shape = shapeOf(peel(schema).inner) ?? {}
  const out: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(shape)) {
    const value = key in fixed ? fixed[key] : initialValueOf(field)
    if (value !== undefined) out[key] = value
  }
  return out
}

/**
 * The values a section starts from when its discriminator changes to `value`: only that branch's
 * keys, with the schema's defaults. Strict objects refuse leftover keys, so nothing else survives.
 */
export const branchDefaults = (union: z.ZodType, value: unknown): Record<string, unknown> => {
  const d = defOf(peel(union).inner)
  const option = unionOption(union, value)
  const key = d.discriminator as string
  if (!option) return { [key]: value }
  return objectDefaults(option, { [key]: value })
}

/** The discriminator key of a (possibly wrapped) discriminated union. */
export const discriminatorOf = (union: z.ZodType): string | undefined =>
  defOf(peel(union).inner).discriminator as string | undefined

/** Key and value schemas of a (possibly wrapped) record, to check one row of a key/value editor. */
export const recordParts = (schema: z.ZodType): { key: z.ZodType; value: z.ZodType } | undefined => {
  const d = defOf(peel(schema).inner)
  return d.type === 'record' ? { key: d.keyType as z.ZodType, value: d.valueType as z.ZodType } : undefined
}
