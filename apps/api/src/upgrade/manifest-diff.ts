import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { parseAllDocuments } from 'yaml'

const run = promisify(execFile)

type Obj = { kind?: string; metadata?: { name?: string }; spec?: Record<string, unknown> }
type Container = {
  name?: string
  image?: string
  env?: { name?: string }[]
  readinessProbe?: unknown
  livenessProbe?: unknown
  startupProbe?: unknown
}

/** One object of the rendered release that the upgrade adds, deletes or changes. */
export type ManifestChange = {
  object: string
  change: 'added' | 'deleted' | 'changed'
  details: string[]
}

export type ChartSource = { helm: string; repo: string }

/** `helm template` of one side: the release's values at a chart version, parsed into objects. */
export const renderRelease = async (
  src: ChartSource,
  o: { release: string; namespace: string; version: string; values: string },
): Promise<Obj[]> => {
  const dir = await mkdtemp(join(tmpdir(), 'portkey-upgrade-'))
  try {
    const file = join(dir, 'values.yaml')
    await writeFile(file, o.values, { mode: 0o600 })
    const args = ['template', o.release, 'gateway', '--repo', src.repo, '--version', o.version]
    const { stdout } = await run(src.helm, [...args, '-n', o.namespace, '-f', file], {
      maxBuffer: 64 * 1024 * 1024,
      timeout: 120_000,
    })
    return parseAllDocuments(stdout)
      .map((d) => d.toJS() as Obj | null)
      .filter((x): x is Obj => Boolean(x?.kind))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const key = (o: Obj) => `${o.kind}/${o.metadata?.name ?? '?'}`

const podSpec = (o: Obj): { containers?: Container[] } | undefined =>
  ((o.spec?.template as { spec?: unknown } | undefined)?.spec ?? undefined) as { containers?: Container[] }

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

const containerChanges = (a: Container[], b: Container[]): string[] => {
  const out: string[] = []
  for (const nb of b) {
    const na = a.find((c) => c.name === nb.name)
    if (!na) {
      out.push(`container ${nb.name} added (${nb.image})`)
      continue
    }
    if (na.image !== nb.image) out.push(`${nb.name}: image ${na.image} -> ${nb.image}`)
    const envA = new Set((na.env ?? []).map((e) => e.name))
    const envB = new Set((nb.env ?? []).map((e) => e.name))
    const added = [...envB].filter((n) => !envA.has(n))
    const removed = [...envA].filter((n) => !envB.has(n))
    if (added.length) out.push(`${nb.name}: env added ${added.join(', ')}`)
    if (removed.length) out.push(`${nb.name}: env removed ${removed.join(', ')}`)
    for (const p of ['readinessProbe', 'livenessProbe', 'startupProbe'] as const)
      if (!same(na[p], nb[p]))
        out.push(`${nb.name}: ${p} ${nb[p] ? (na[p] ? 'changed' : 'added') : 'removed'}`)
  }
  for (const na of a) if (!b.some((c) => c.name === na.name)) out.push(`container ${na.name} removed`)
  return out
}

const objectChanges = (a: Obj, b: Obj): string[] => {
  if (a.kind === 'Service') {
    const out: string[] = []
    if (a.spec?.type !== b.spec?.type)
      out.push(`type ${String(a.spec?.type ?? 'ClusterIP')} -> ${String(b.spec?.type ?? 'ClusterIP')}`)
    if (!same(a.spec?.ports, b.spec?.ports))
      out.push(`ports ${JSON.stringify(a.spec?.ports ?? [])} -> ${JSON.stringify(b.spec?.ports ?? [])}`)
    return out
  }
  const pa = podSpec(a)
  const pb = podSpec(b)
  if (pa || pb) {
    const out = containerChanges(pa?.containers ?? [], pb?.containers ?? [])
    if (out.length === 0 && !same(a, b)) out.push('other fields changed')
    return out
  }
  // Secrets and ConfigMaps: key names only, never values.
  const keys = (o: Obj) =>
    Object.keys({ ...(o as { data?: object }).data, ...(o as { stringData?: object }).stringData })
  if (a.kind === 'Secret' || a.kind === 'ConfigMap') {
    const ka = new Set(keys(a))
    const kb = new Set(keys(b))
    const out = [
      ...[...kb].filter((k) => !ka.has(k)).map((k) => `key ${k} added`),
      ...[...ka].filter((k) => !kb.has(k)).map((k) => `key ${k} removed`),
    ]
    if (out.length === 0 && !same(a, b)) out.push('values changed')
    return out
  }
  return same(a, b) ? [] : ['changed']
}

/** Per object: what the upgrade adds, deletes and changes in the rendered release. */
export const diffManifests = (before: Obj[], after: Obj[]): ManifestChange[] => {
  const a = new Map(before.map((o) => [key(o), o]))
  const b = new Map(after.map((o) => [key(o), o]))
  const out: ManifestChange[] = []
  for (const [k, o] of b) {
    const old = a.get(k)
    if (!old) out.push({ object: k, change: 'added', details: [] })
    else {
      const details = objectChanges(old, o)
      if (details.length) out.push({ object: k, change: 'changed', details })
    }
  }
  for (const k of a.keys()) if (!b.has(k)) out.push({ object: k, change: 'deleted', details: [] })
  return out
}

/** helm on PATH or HELM_BIN; undefined when there is none. */
export const findHelm = async (env: NodeJS.ProcessEnv): Promise<string | undefined> => {
  const helm = env.HELM_BIN || 'helm'
  try {
    await run(helm, ['version', '--short'], { timeout: 10_000 })
    return helm
  } catch {
    return undefined
  }
}
