import {
  type DeploymentConfig,
  DeploymentConfigSchema,
  type ImportedDeployment,
  isSecretPath,
  readDeployment,
  type UpgradeResult,
  upgradeConfig,
} from '@portkey-setup/schema'
import { type FixtureName, fixtures } from '@portkey-setup/schema/fixtures'
import { objectsIn, runBundleScript, type Unzipped, unzipBundle } from './bundle-run.js'
import { cluster, kubectl, sh } from './cluster.js'
import { type KubeletStandIn, startKubeletStandIn } from './kubelet-stand-in.js'
import { worldFor } from './world.js'
import { readWouldStart } from './would-start.js'

/** The steps of an upgrade walk, as a user takes them, for tests that check each one. */
export const RELEASE = 'portkey-ai'

export const configAt = (fixture: FixtureName, version: string, namespace: string): DeploymentConfig =>
  DeploymentConfigSchema.parse({
    ...fixtures[fixture],
    chart: { version, releaseName: RELEASE, namespace },
  })

const must = (what: string, r: { code: number; stdout: string; stderr: string }) => {
  if (r.code !== 0) throw new Error(`${what} exited ${r.code}:\n${r.stdout}\n${r.stderr}`)
  return r
}

export type Installed = { bundle: Unzipped; kubelet: KubeletStandIn }

/** A fresh namespace, the kubelet stand-in on it, then create-secret.sh (when any) and install.sh. */
export const installOld = async (config: DeploymentConfig): Promise<Installed> => {
  const ns = config.chart.namespace
  must('kubectl create namespace', await kubectl(['create', 'namespace', ns]))
  const kubelet = startKubeletStandIn(ns)
  const bundle = await unzipBundle(config)
  if (bundle.files.some((f) => f.path === 'scripts/create-secret.sh'))
    must('create-secret.sh', await runBundleScript(bundle, 'create-secret.sh'))
  must('install.sh', await runBundleScript(bundle, 'install.sh'))
  return { bundle, kubelet }
}

/** Writes `value` at `path` into `into`, making the objects on the way. */
const setAt = (into: Record<string, unknown>, path: string[], value: unknown) => {
  let o = into
  for (const k of path.slice(0, -1)) {
    if (!o[k] || typeof o[k] !== 'object') o[k] = {}
    o = o[k] as Record<string, unknown>
  }
  o[path[path.length - 1] as string] = value
}

/** The secrets the user types in again after importing (the export never carries them). */
const secretsOf = (c: unknown, path: string[] = [], out: [string[], string][] = []) => {
  if (typeof c === 'string' && isSecretPath(path)) out.push([path, c])
  else if (c && typeof c === 'object' && !Array.isArray(c))
    for (const [k, v] of Object.entries(c)) secretsOf(v, [...path, k], out)
  return out
}

export type Imported = ImportedDeployment & { full: DeploymentConfig }

/** Reads the export as the wizard does, and completes it with the secrets the user re-enters. */
export const importExport = async (exported: string, secretsFrom: DeploymentConfig): Promise<Imported> => {
  const r = await readDeployment(exported)
  const draft = structuredClone(r.config) as Record<string, unknown>
  for (const [path, v] of secretsOf(secretsFrom)) setAt(draft, path, v)
  // The registry login lives in the pull secret create-secret.sh made, not in the values: the user
  // types it again with its password.
  const reg = secretsFrom.registry
  if (reg.mode === 'create' && !(draft.registry as { username?: string } | undefined)?.username)
    setAt(draft, ['registry', 'username'], reg.username)
  const version = r.release?.chartVersion ?? secretsFrom.chart.version
  const full = DeploymentConfigSchema.parse({
    ...draft,
    chart: {
      ...(draft.chart as object),
      version,
      releaseName: r.release?.name ?? RELEASE,
      namespace: r.release?.namespace ?? secretsFrom.chart.namespace,
    },
  })
  return { ...r, full }
}

/** Removes the fields an upgrade says it changed, and the chart version, so the rest compares equal. */
export const comparable = (c: DeploymentConfig, r: UpgradeResult) => {
  const x = structuredClone(c) as Record<string, unknown>
  setAt(x, ['chart', 'version'], undefined)
  for (const ch of r.changes) if (ch.path?.length) setAt(x, ch.path.map(String), undefined)
  return JSON.parse(JSON.stringify(x))
}

/** The upgraded bundle, with its secrets re-created when it has create-secret.sh. */
export const upgradedBundle = async (r: UpgradeResult): Promise<Unzipped> => {
  const bundle = await unzipBundle(r.config)
  if (bundle.files.some((f) => f.path === 'scripts/create-secret.sh'))
    must('create-secret.sh (new bundle)', await runBundleScript(bundle, 'create-secret.sh'))
  return bundle
}

export const upgradeTo = (imported: Imported, to: string) => upgradeConfig(imported.full, to)

export const helmStatus = async (ns: string): Promise<{ version: number; chart: string }> => {
  const c = cluster()
  const r = await sh(c.HELM_BIN, ['list', '-n', ns, '--all', '-o', 'json'], {
    env: { KUBECONFIG: c.KUBECONFIG },
  })
  const [rel] = JSON.parse(r.stdout || '[]') as { revision: string; chart: string }[]
  return { version: Number(rel?.revision), chart: rel?.chart ?? '' }
}

/** The "would start" reading of everything in the namespace, for the config that installed it. */
export const reading = async (config: DeploymentConfig) =>
  readWouldStart(await worldFor(config, await objectsIn(config.chart.namespace), [])).map(
    (f) => `${f.object}: ${f.problem}`,
  )

export { must }
