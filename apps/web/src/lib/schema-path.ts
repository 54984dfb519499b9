import {
  choicesOf,
  DeploymentConfigObject,
  defOf,
  docOf,
  metaOf,
  type PathSegment,
  peel,
  schemaAt as schemaAtIn,
  shapeOf,
  unionOption,
  unionParts,
} from '@portkey-setup/schema'
import type { z } from 'zod'

/**
 * Reads the zod config model by field path, so labels, help text, placeholders, optionality and
 * branch defaults come from the schema itself and the form never keeps a second copy of them.
 */

export type { PathSegment }

/** The schema of the field at path, choosing union branches by the current values. */
export const schemaAt = (
  path: readonly PathSegment[],
  values: unknown,
  root: z.ZodType = DeploymentConfigObject,
) => schemaAtIn(root, path, values)

export type FieldInfo = {
  label?: string
  description?: string
  placeholder?: string
  env: string[]
  optional: boolean
  secret: boolean
}

const isDiscriminator = (schema: z.ZodType) => defOf(peel(schema).inner).type === 'literal'

/** The label, help, placeholder and env keys the schema declares, optionality and secrecy. */
export const fieldInfo = (path: readonly PathSegment[], values: unknown): FieldInfo => {
  const schema = schemaAt(path, values)
  if (!schema) return { env: [], optional: false, secret: false }
  const doc = docOf(schema)
  const info = {
    label: doc.label,
    description: doc.help,
    placeholder: doc.placeholder,
    env: doc.env,
    optional: doc.optional,
    secret: doc.secret,
  }
  // A discriminator's own title and help describe only the chosen branch; the radio group or
  // switch as a whole is named and explained by the union itself ("Where the gateway stores … logs").
  if (isDiscriminator(schema) && path.length > 1) {
    const parent = schemaAt(path.slice(0, -1), values)
    const union = parent ? docOf(parent) : undefined
    return {
      ...info,
      label: union?.label ?? info.label,
      description: union?.help ?? info.description,
      env: union?.env.length ? union.env : info.env,
    }
  }
  return info
}

export type Choice = { value: string; title: string; when: string }

/**
 * The choices of a discriminator or an enum at path: a union's branches by their discriminant's
 * title and "choose this when", or an enum's `x-choices`.
 */
export const choicesAt = (path: readonly PathSegment[], values: unknown): Choice[] => {
  const parent = path.length > 1 ? schemaAt(path.slice(0, -1), values) : undefined
  if (parent && unionParts(parent)?.key === String(path[path.length - 1])) return choicesOf<string>(parent)
  const field = schemaAt(path, values)
  const docs = field ? metaOf(field)['x-choices'] : undefined
  return docs ? Object.entries(docs).map(([value, d]) => ({ value, ...d })) : []
}

export type FieldKind = 'text' | 'number' | 'boolean' | 'choice'
const KINDS: Record<string, FieldKind> = {
  string: 'text',
  number: 'number',
  boolean: 'boolean',
  enum: 'choice',
}

/** The plain fields (text, number, switch, one of a few values) of the object at path, in declaration order. */
export const fieldKinds = (
  path: readonly PathSegment[],
  values: unknown,
): { key: string; kind: FieldKind }[] => {
  const found = schemaAt(path, values)
  // A union shows the fields of the branch the current value chose.
  const union = found ? unionParts(found) : undefined
  const value = path.reduce<unknown>(
    (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[String(k)] : undefined),
    values,
  )
  const object =
    found && union?.key && value && typeof value === 'object'
      ? unionOption(found, (value as Record<string, unknown>)[union.key])
      : found
  const shape = object ? shapeOf(object) : undefined
  return Object.entries(shape ?? {}).flatMap(([key, field]) => {
    const kind = KINDS[defOf(peel(field).inner).type]
    return kind ? [{ key, kind }] : []
  })
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
  const option = unionOption(union, value)
  const key = unionParts(union)?.key as string
  if (!option) return { [key]: value }
  return objectDefaults(option, { [key]: value })
}

/** The discriminator key of a (possibly wrapped) discriminated union. */
export const discriminatorOf = (union: z.ZodType): string | undefined => unionParts(union)?.key

/** Key and value schemas of a (possibly wrapped) record, to check one row of a key/value editor. */
export const recordParts = (schema: z.ZodType): { key: z.ZodType; value: z.ZodType } | undefined => {
  const d = defOf(peel(schema).inner)
  return d.type === 'record' ? { key: d.keyType as z.ZodType, value: d.valueType as z.ZodType } : undefined
}
