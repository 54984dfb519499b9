import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse, parseAllDocuments } from 'yaml'
import { chartTgz, cluster, sh } from './cluster.js'
import type { KObject } from './objects.js'

export type Rendered = { ok: true; objects: KObject[] } | { ok: false; error: string }

/** `helm template` of the real chart package with a values file, parsed into objects. */
export const helmTemplate = async (
  version: string,
  values: string,
  release: string,
  namespace: string,
): Promise<Rendered> => {
  const dir = mkdtempSync(join(tmpdir(), 'pk-helm-'))
  try {
    writeFileSync(join(dir, 'values.yaml'), values)
    const r = await sh(cluster().HELM_BIN, [
      'template',
      release,
      chartTgz(version),
      '-f',
      join(dir, 'values.yaml'),
      '-n',
      namespace,
    ])
    if (r.code !== 0) return { ok: false, error: r.stderr.trim().split('\n')[0] ?? 'helm template failed' }
    return { ok: true, objects: parseManifests(r.stdout) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Every non-empty document of a multi-document YAML stream. */
export const parseManifests = (text: string): KObject[] =>
  parseAllDocuments(text)
    .map((d) => d.toJS() as KObject | null)
    .filter((o): o is KObject => Boolean(o?.kind))

const defaults = new Map<string, Promise<Record<string, unknown>>>()

/** The chart's own values.yaml of a version (helm show values), parsed once per version. */
export const chartValues = (version: string): Promise<Record<string, unknown>> => {
  let p = defaults.get(version)
  if (!p) {
    p = sh(cluster().HELM_BIN, ['show', 'values', chartTgz(version)]).then(
      (r) => parse(r.stdout) as Record<string, unknown>,
    )
    defaults.set(version, p)
  }
  return p
}

/** Keys of the chart's default environment.data whose value is empty or null: a values file cannot remove them. */
export const emptyDefaultEnvKeys = async (version: string): Promise<Set<string>> => {
  const v = await chartValues(version)
  const data = ((v.environment as { data?: Record<string, unknown> } | undefined)?.data ?? {}) as Record<
    string,
    unknown
  >
  return new Set(Object.keys(data).filter((k) => data[k] === null || data[k] === ''))
}
