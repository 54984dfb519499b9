import { isMap, isSeq, Pair, Scalar, type YAMLMap } from 'yaml'
import { isOwnedPath } from './owned-values.js'
import { bool, commentText, map, seq, str, type YamlNode } from './yaml-doc.js'

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** A JSON value as YAML nodes: strings double-quoted like every other value of the file. */
const node = (v: unknown): YamlNode => {
  if (typeof v === 'string') return str(v)
  if (typeof v === 'boolean') return bool(v)
  if (typeof v === 'number') return new Scalar(v)
  if (Array.isArray(v)) return seq(...v.map(node))
  if (isRecord(v)) return map(...Object.entries(v).map(([key, x]) => ({ key, value: node(x) })))
  return new Scalar(null)
}

const KEPT_NOTE = commentText(
  'Kept from the imported values.yaml as written: portkey-setup does not model it.',
)

/**
 * Writes the kept settings into the rendered mapping: new keys after the wizard's own, lists of
 * named items after its items, and never over a key the wizard writes (validation refuses those).
 */
export const mergeKept = (target: YAMLMap, kept: Record<string, unknown>, path: string[] = []) => {
  for (const [key, value] of Object.entries(kept)) {
    const p = [...path, key]
    if (isOwnedPath(p) || (p[0] === 'environment' && p[1] === 'data')) continue
    const existing = target.get(key, true)
    if (existing === undefined) {
      const k = new Scalar(key)
      k.commentBefore = KEPT_NOTE
      k.spaceBefore = path.length === 0
      target.items.push(new Pair(k, node(value)))
    } else if (isMap(existing) && isRecord(value)) mergeKept(existing, value, p)
    else if (isSeq(existing) && Array.isArray(value)) existing.items.push(...value.map(node))
  }
}
