import { parse } from 'yaml'

/** One key of values.yaml that the upgrade adds, removes or changes. */
export type ValuesDiffEntry = {
  path: string
  change: 'added' | 'removed' | 'changed'
  before?: string
  after?: string
}

const SECRET_SHOWN = '(secret, not shown)'

/** Leaf values by dotted path; lists are one leaf (Helm replaces a list, it never merges one). */
const leaves = (v: unknown, path: string, out: Map<string, unknown>) => {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const entries = Object.entries(v as Record<string, unknown>)
    if (entries.length === 0 && path) out.set(path, {})
    for (const [k, x] of entries) leaves(x, path ? `${path}.${k}` : k, out)
  } else if (path) out.set(path, v)
}

const read = (text: string) => {
  const out = new Map<string, unknown>()
  leaves(parse(text) ?? {}, '', out)
  return out
}

const show = (v: unknown, secrets: ReadonlySet<string>): string => {
  const text = typeof v === 'string' ? v : JSON.stringify(v)
  return [...secrets].some((s) => s && text.includes(s)) ? SECRET_SHOWN : text
}

/**
 * What changes in values.yaml between what runs and the upgrade, key by key, in the order of the
 * new file (removed keys last). Any value holding one of `secrets` is shown as such, never its text.
 */
export const valuesDiff = (
  beforeYaml: string,
  afterYaml: string,
  secrets: readonly string[] = [],
): ValuesDiffEntry[] => {
  const hidden = new Set(secrets.filter((s) => s.length > 0))
  const a = read(beforeYaml)
  const b = read(afterYaml)
  const out: ValuesDiffEntry[] = []
  for (const [path, v] of b) {
    if (!a.has(path)) out.push({ path, change: 'added', after: show(v, hidden) })
    else if (JSON.stringify(a.get(path)) !== JSON.stringify(v))
      out.push({ path, change: 'changed', before: show(a.get(path), hidden), after: show(v, hidden) })
  }
  for (const [path, v] of a) if (!b.has(path)) out.push({ path, change: 'removed', before: show(v, hidden) })
  return out
}
