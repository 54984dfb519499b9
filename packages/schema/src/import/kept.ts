import { chartDefaultEnv } from '../chart/default-env.js'
import { CHART_LAYOUTS } from '../chart/layouts.js'
import { CHART_DEFAULT_VALUES } from '../chart/values/defaults.js'
import { holdsOwnedPath, isOwnedPath, NAMED_LISTS } from '../render/owned-values.js'
import { isOwnVolume } from './identity.js'
import { isObject, type Loose, own, scalarText } from './reader.js'

const equal = (a: unknown, b: unknown): boolean => {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]))
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a)
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && equal(a[k], b[k]))
  }
  return false
}

const isEmpty = (v: unknown) =>
  v === undefined ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (isObject(v) && !Object.keys(v).length)

/** What the chart's defaults of either layout hold at a path (undefined where neither has it). */
const defaultsAt = (path: readonly string[]): unknown[] =>
  CHART_LAYOUTS.map((l) => path.reduce<unknown>((o, k) => own(o, k), CHART_DEFAULT_VALUES[l]))

/** A plain copy, or undefined for a value whose aliases loop back into it (a: &x [*x]). */
const acyclic = (v: unknown, seen: unknown[] = []): unknown => {
  if (typeof v !== 'object' || v === null) return v
  if (seen.includes(v) || seen.length > 64) throw new RangeError('cyclic')
  const inner = [...seen, v]
  if (Array.isArray(v)) return v.map((x) => acyclic(x, inner))
  const out: Loose = {}
  for (const [k, x] of Object.entries(v)) set(out, k, acyclic(x, inner))
  return out
}

const plain = (v: unknown): unknown => {
  try {
    return acyclic(v)
  } catch {
    return undefined
  }
}

const set = (o: Loose, k: string, v: unknown) =>
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true })

/** Keeps what differs from the chart's defaults: under a default mapping, key by key. */
const differing = (value: unknown, path: string[]): unknown => {
  const defaults = defaultsAt(path)
  if (defaults.some((d) => equal(d, value))) return undefined
  if (isObject(value) && defaults.some(isObject)) {
    const out: Loose = {}
    for (const [k, v] of Object.entries(value)) {
      const kept = differing(v, [...path, k])
      if (kept !== undefined) set(out, k, kept)
    }
    return Object.keys(out).length ? out : undefined
  }
  // An empty value where the chart has nothing sets nothing; null over a default removes it, so it stays.
  return isEmpty(value) && defaults.every((d) => d === undefined) ? undefined : plain(value)
}

type EnvRead = { env: Map<string, string>; consumed: Set<string> }

const walk = (value: unknown, path: string[], version: string, read: EnvRead): unknown => {
  if (isOwnedPath(path)) return undefined
  const [top, second, key] = path
  if (top === 'environment' && second === 'data' && key !== undefined) {
    // A key a reader took (an extra variable of the Kubernetes step, say) is not kept twice. The env
    // as read by the importer: numbers and booleans as written (0x1F stays 0x1F).
    if (read.consumed.has(key)) return undefined
    const text = read.env.get(key) ?? scalarText(value)
    const d = chartDefaultEnv(version)[key]
    return text === undefined || text.trim() === '' || text === (d === null ? undefined : String(d))
      ? undefined
      : text
  }
  if (path.length === 1 && top && NAMED_LISTS.includes(top) && Array.isArray(value)) {
    const items = plain(value.filter((i) => !isOwnVolume(i))) as unknown[] | undefined
    return items?.length ? items : undefined
  }
  if (path.length === 0 || holdsOwnedPath(path)) {
    if (!isObject(value)) return undefined
    const out: Loose = {}
    for (const [k, v] of Object.entries(value)) {
      const kept = walk(v, [...path, k], version, read)
      if (kept !== undefined) set(out, k, kept)
    }
    return Object.keys(out).length ? out : undefined
  }
  return differing(value, path)
}

/**
 * The settings of an imported values.yaml that no reader models and that differ from the chart's
 * defaults, in values.yaml's own shape: the bundle writes them back as they are.
 */
export const keptFrom = (
  root: Loose,
  version: string,
  env: Map<string, string>,
  consumed: Set<string>,
): Loose | undefined => walk(root, [], version, { env, consumed }) as Loose | undefined
