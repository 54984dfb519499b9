import type { z } from 'zod'
import { DeploymentConfigObject } from './config/index.js'
import { docOf } from './meta/docs.js'
import { defOf, peel, shapeOf, unionParts } from './meta/walk.js'

/** A path into the config where '*' stands for any union branch value and array index. */
export type FieldPath = string[]

/** Walks the schema once and lists every field marked as a secret; the schema stays the single source. */
const walk = (schema: z.ZodType, path: string[], out: Map<string, FieldPath>) => {
  if (docOf(schema).secret) {
    out.set(path.join('.'), path)
    return
  }
  const { inner } = peel(schema)
  const union = unionParts(inner)
  if (union) for (const o of union.options) walk(o, path, out)
  for (const [k, v] of Object.entries(shapeOf(inner) ?? {})) walk(v, [...path, k], out)
  const d = defOf(inner)
  if (d.type === 'array') walk(d.element as z.ZodType, [...path, '*'], out)
}

let cached: FieldPath[] | undefined
/** Every secret field of the deployment config, e.g. ['logStore','secretKey']. */
export const secretFieldPaths = (): FieldPath[] => {
  if (!cached) {
    const out = new Map<string, FieldPath>()
    walk(DeploymentConfigObject, [], out)
    cached = [...out.values()]
  }
  return cached
}

export const isSecretPath = (path: readonly (string | number)[]): boolean =>
  secretFieldPaths().some(
    (p) => p.length === path.length && p.every((seg, i) => seg === '*' || seg === String(path[i])),
  )

const visit = (
  value: unknown,
  path: string[],
  fn: (path: string[], v: unknown, parent: Record<string, unknown>, key: string) => void,
) => {
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const p = [...path, Array.isArray(value) ? '*' : k]
      fn(p, v, value as Record<string, unknown>, k)
      visit(v, p, fn)
    }
  }
}

const matches = (path: string[]) =>
  secretFieldPaths().some((p) => p.length === path.length && p.every((s, i) => s === path[i]))

/** All secret string values present in a (possibly partial) config, for redaction. */
export const collectSecretValues = (config: unknown): string[] => {
  const found: string[] = []
  visit(config, [], (p, v) => {
    if (typeof v === 'string' && v.length > 0 && matches(p)) found.push(v)
  })
  return found
}

/** A deep copy without any secret value: safe to store in a draft or a log. */
export const stripSecrets = <T>(config: T): T => {
  const copy = structuredClone(config)
  visit(copy, [], (p, _v, parent, key) => {
    if (matches(p)) delete parent[key]
  })
  return copy
}
