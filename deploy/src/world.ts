import type { BundleFile, DeploymentConfig } from '@portkey-setup/schema'
import {
  gatewayRoleArn,
  resolveImages,
  supports,
  toEnvironment,
  workloadIdentityClientId,
} from '@portkey-setup/schema'
import type { ExposureWorld } from './exposure-readings.js'
import { emptyDefaultEnvKeys, parseManifests } from './helm.js'
import { type KObject, podTemplates } from './objects.js'
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

type Spc = {
  metadata: { name: string }
  spec?: { secretObjects?: { secretName: string; data?: { objectName: string; key: string }[] }[] }
}
type CsiVolume = { name: string; csi?: { driver?: string; volumeAttributes?: Record<string, string> } }

/**
 * The Secrets a Secrets Store CSI driver syncs: for each SecretProviderClass the bundle applies, its
 * secretObjects exist only while some pod mounts a CSI volume naming that class (the driver writes
 * them on mount), with the values the AWS secret holds, which create-aws-secret.sh takes from
 * secrets.env.
 */
export const csiSyncedSecrets = (manifests: KObject[], env: Map<string, string>): DataObject[] => {
  const mounted = new Set(
    podTemplates(manifests).flatMap((p) => {
      const volumes = (p.spec.volumes ?? []) as CsiVolume[]
      const mountedNames = new Set(
        (p.spec.containers ?? []).flatMap((c) => (c.volumeMounts ?? []).map((m) => m.name)),
      )
      return volumes
        .filter((v) => v.csi?.driver === 'secrets-store.csi.k8s.io' && mountedNames.has(v.name))
        .map((v) => v.csi?.volumeAttributes?.secretProviderClass ?? '')
    }),
  )
  return manifests
    .filter((o): o is KObject & Spc => o.kind === 'SecretProviderClass' && mounted.has(o.metadata.name))
    .flatMap((o) => o.spec?.secretObjects ?? [])
    .map((so) => ({
      kind: 'Secret' as const,
      name: so.secretName,
      data: new Map((so.data ?? []).map((d) => [d.key, env.get(d.objectName)])),
    }))
}

/** Objects that exist without Helm, as the bundle's scripts and README arrange them. */
export const externalObjects = (
  c: DeploymentConfig,
  files: BundleFile[],
  manifests: KObject[] = [],
): DataObject[] => {
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
  // The MinIO Secret create-minio-secret.sh makes, holding the user and password it asks for: the
  // same root user the gateway signs in with.
  const ls = c.logStore
  const minioSecret = scriptVar(file(files, 'scripts/create-minio-secret.sh'), 'MINIO_SECRET')
  if (minioSecret && ls.type === 'minio')
    out.push({
      kind: 'Secret',
      name: minioSecret,
      data: new Map([
        ['accessKey', ls.accessKey],
        ['secretKey', ls.secretKey],
      ]),
    })
  const vault = readmeVaultSecret(file(files, 'README.md'))
  if (vault) out.push(vault)
  out.push(...csiSyncedSecrets(manifests, env))
  return out
}

/** Manifests the bundle applies itself, beside the chart (every YAML file but values.yaml). */
export const bundleManifests = (files: BundleFile[]): KObject[] =>
  files
    .filter((f) => f.path.endsWith('.yaml') && f.path !== 'values.yaml')
    .flatMap((f) => parseManifests(f.content))

/** The gateway Service type, the Ingress and the image of each container, as the config asks. */
const exposureWorld = (c: DeploymentConfig): ExposureWorld => {
  const ing = c.exposure.ingress
  const img = resolveImages(c)
  const ref = (i: { repository: string; tag: string; pullPolicy: string }) => ({
    image: `${i.repository}:${i.tag}`,
    pullPolicy: i.pullPolicy,
  })
  const images: ExposureWorld['images'] = { gateway: ref(img.gateway) }
  if (c.dataService.enabled) images.dataservice = ref(img.dataService)
  if (c.cache.store === 'redis')
    images.redis = supports(c.chart.version, 'redisImage') ? ref(img.redis) : { image: 'redis:alpine' }
  return {
    gatewayServiceType: c.exposure.serviceType,
    ingress: ing.enabled ? { host: ing.host, path: ing.path, tlsSecretName: ing.tlsSecretName } : undefined,
    images,
  }
}

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
    workloadClientId: workloadIdentityClientId(c),
    csiRoleArn: c.secrets.mode === 'awsSecretsManager' ? gatewayRoleArn(c) : undefined,
    mongoCa: ls.type === 'mongo' && ls.tlsCa ? { path: `${CA_DIR}/${ls.tlsCa.fileName}` } : undefined,
    exposure: exposureWorld(c),
    gatewayScale: gatewayScale(c),
  }
}
