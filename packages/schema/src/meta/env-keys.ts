import type { z } from 'zod'
import { docOf } from './docs.js'
import { peel, shapeOf, unionParts } from './walk.js'

/** Every env key a schema's fields are written to (x-env), and those that hold secrets (x-secret). */
export const envKeysOf = (schema: z.ZodType): { all: Set<string>; secret: Set<string> } => {
  const all = new Set<string>()
  const secret = new Set<string>()
  const visit = (s: z.ZodType) => {
    const d = docOf(s)
    for (const k of d.env) {
      all.add(k)
      if (d.secret) secret.add(k)
    }
    const { inner } = peel(s)
    const union = unionParts(inner)
    if (union) for (const o of union.options) visit(o)
    for (const f of Object.values(shapeOf(inner) ?? {})) visit(f)
  }
  visit(schema)
  return { all, secret }
}
