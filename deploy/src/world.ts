import type { BundleFile, DeploymentConfig } from '@portkey-setup/schema'
import { toEnvironment } from '@portkey-setup/schema'
import { emptyDefaultEnvKeys, parseManifests } from './helm.js'
import type { KObject } from './objects.js'
import type { GatewayScale } from './scaling.js'
import type { DataObject, World } from './would-start.js'

/** The folder the README (and the chart docs) mount the Mongo CA under. */
const CA_DIR = '/etc/shared'

const file = (files: BundleFile[], path: string) => files.find((f) => f.path === path)?.content

/** `readonly NAME='value'` in a bundle script, as the shell would read it. */
const scriptVar = (text: string | undefined, name: string): string | undefined => {
  const m = text?.match(new RegExp(`^readonly ${name}='((?:[^']|'\\\\'')*)'$`, 'm'))
  return m?.[1]?.replaceAll(`'\\''`, `'`)
}

/** KEY=value lines of secrets.env, read as kubectl --from-env-file reads them. */
const envFileKeys = (text: string | undefined): Map<string, string> =>
  new Map(
    (text ?? '')
      .split('\n')
      .filter((l) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  )

/** The Secret the README tells a Vault user to have synced, with exactly the keys it lists. */
export const readmeVaultSecret = (readme: string | undefined): DataObject | undefined => {
  const m = readme?.match(/Keys the Secret (\S+) must hold[^\n]*\n+```text\n([\s\S]*?)\n```/)
  if (!m?.[1] || m[2] === undefined) return undefined
  const keys = m[2]
    .split('\n')
    .map((k) => k.trim())
    .filter(Boolean)
  return { kind: 'Secret', name: m[1], data: new Map(keys.map((k) => [k, undefined])) }
}

/** Objects that exist without Helm, as the bundle's scripts and README arrange them. */
export const externalObjects = (c: DeploymentConfig, files: BundleFile[]): DataObject[] => {
  const out: DataObject[] = []
  const script = file(files, 'scripts/create-secret.sh')
  const env = envFileKeys(file(files, 'secrets.env'))
  const envSecret = scriptVar(script, 'ENV_SECRET')
  const pullSecret = scriptVar(script, 'PULL_SECRET')
  if (envSecret)
    out.push({
      kind: 'Secret',
      name: envSecret,
      data: new Map([...env].filter(([k]) => !(pullSecret && k.startsWith('REGISTRY_')))),
    })
  if (pullSecret)
    out.push({
      kind: 'Secret',
      name: pullSecret,
      type: 'kubernetes.io/dockerconfigjson',
      data: new Map([['.dockerconfigjson', '{}']]),
    })
  if (c.registry.mode === 'existing')
    out.push({
      kind: 'Secret',
      name: c.registry.secretName,
      type: 'kubernetes.io/dockerconfigjson',
      data: new Map([['.dockerconfigjson', '{}']]),
    })
  const vault = readmeVaultSecret(file(files, 'README.md'))
  if (vault) out.push(vault)
  return out
}

/** Manifests the bundle applies itself, beside the chart (every YAML file but values.yaml). */
export const bundleManifests = (files: BundleFile[]): KObject[] =>
  files
    .filter((f) => f.path.endsWith('.yaml') && f.path !== 'values.yaml')
    .flatMap((f) => parseManifests(f.content))

const gatewayScale = (c: DeploymentConfig): GatewayScale => {
  const s = c.kubernetes.scaling
  return s.mode === 'replicas'
    ? { replicas: s.replicas }
    : {
        minReplicas: s.minReplicas,
        maxReplicas: s.maxReplicas,
        ...(s.targetCpuPercent === undefined ? {} : { cpu: s.targetCpuPercent }),
        ...(s.targetMemoryPercent === undefined ? {} : { memory: s.targetMemoryPercent }),
      }
}

export const worldFor = async (
  c: DeploymentConfig,
  manifests: KObject[],
  external: DataObject[],
): Promise<World> => {
  const ls = c.logStore
  return {
    manifests,
    external,
    // Extra variables reach the container as written (extraEnv, or environment.data before 1.7.0).
    expectedEnv: { ...toEnvironment(c), ...c.kubernetes.extraEnv },
    emptyDefaults: await emptyDefaultEnvKeys(c.chart.version),
    chartEnv: new Set(c.dataService.enabled ? ['DATASERVICE_BASEPATH'] : []),
    irsaRoleArn: ls.type === 's3_assume' && ls.auth.method === 'irsa' ? ls.auth.roleArn : undefined,
    mongoCa: ls.type === 'mongo' && ls.tlsCa ? { path: `${CA_DIR}/${ls.tlsCa.fileName}` } : undefined,
    gatewayScale: gatewayScale(c),
  }
}
