import type { z } from 'zod'
import { docOf } from '../meta/docs.js'
import { defOf, peel, shapeOf } from '../meta/walk.js'
import type { ImportContext, Loose, Path } from './reader.js'

const READABLE = new Set(['string', 'number'])

/**
 * Reads the text and number fields of one config object from the env keys their bindings name, in the order
 * the schema declares them. A field is required unless it is optional or has a default; `lenient`
 * lists fields a values file may leave empty without a warning, and `skip` the ones the caller
 * reads itself (lists, switches and the few fields with a special spelling). Numbers
 * are read back from their text.
 */
export const readBound = (
  ctx: ImportContext,
  schema: z.ZodType | undefined,
  base: Path,
  { lenient = [], skip = [] }: { lenient?: string[]; skip?: string[] } = {},
): Loose => {
  const out: Loose = {}
  for (const [key, field] of Object.entries(schema ? (shapeOf(schema) ?? {}) : {})) {
    const env = docOf(field).env[0]
    const { inner, optional, hasDefault } = peel(field)
    const type = defOf(inner).type
    if (!env || skip.includes(key) || !READABLE.has(type)) continue
    const v = ctx.get(env, [...base, key], !optional && !hasDefault && !lenient.includes(key))
    if (v === undefined) continue
    const n = Number(v.trim())
    if (type === 'string') out[key] = v
    else if (v.trim() !== '' && Number.isFinite(n)) out[key] = n
    else ctx.warn([...base, key], `${env} is "${v}", not a number: fill in this field.`)
  }
  return out
}
