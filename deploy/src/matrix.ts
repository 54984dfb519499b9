import type { ConfigIssue, DeploymentConfig } from '@portkey-setup/schema'
import { renderBundleFiles, validateConfig } from '@portkey-setup/schema'
import { helmTemplate } from './helm.js'
import { bundleManifests, externalObjects, worldFor } from './world.js'
import { type Finding, readWouldStart } from './would-start.js'

export type CaseResult =
  | { outcome: 'deploy' }
  | { outcome: 'refused'; issues: ConfigIssue[] }
  | { outcome: 'broken'; why: string; findings?: Finding[] }

/** One fixture at one chart version: refused by validation, or rendered through the real chart and read. */
export const runCase = async (fixture: object, version: string): Promise<CaseResult> => {
  const input = fixture as { chart?: object }
  const v = validateConfig({ ...input, chart: { ...input.chart, version } })
  if (!v.valid) return { outcome: 'refused', issues: v.issues }
  return deployCase(v.config)
}

export const deployCase = async (config: DeploymentConfig): Promise<CaseResult> => {
  const files = renderBundleFiles(config)
  const values = files.find((f) => f.path === 'values.yaml')?.content ?? ''
  const r = await helmTemplate(config.chart.version, values, config.chart.releaseName, config.chart.namespace)
  if (!r.ok) return { outcome: 'broken', why: r.error }
  const manifests = [...r.objects, ...bundleManifests(files)]
  const world = await worldFor(config, manifests, externalObjects(config, files, manifests))
  const findings = readWouldStart(world)
  return findings.length ? { outcome: 'broken', why: 'would not start', findings } : { outcome: 'deploy' }
}

/** Runs tasks with at most `limit` at once (helm is a process per render). */
export const pool = async <T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> => {
  const out: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}
