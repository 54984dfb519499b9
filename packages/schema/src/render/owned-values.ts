import { chartDefaultEnv } from '../chart/default-env.js'
import { IRSA_ANNOTATION, UNMODELLED_ENV_KEYS } from '../chart/facts.js'
import { CHART_VERSIONS } from '../chart/releases.js'
import { envBindings } from '../env/bindings.js'
import { KUBERNETES_TOP_KEYS } from '../import/kubernetes.js'

/** A values.yaml key path; segments may hold dots and slashes (annotation keys do). */
export type ValuesPath = readonly string[]

/**
 * The values.yaml keys that portkey-setup writes from the config. A setting kept from an imported
 * file may add keys beside them but never set one of them: the wizard's choice decides it. The test
 * beside this file renders every fixture and fails on a key written here that this list misses.
 */
export const OWNED_VALUE_PATHS: readonly ValuesPath[] = [
  ['imagePullSecrets'],
  ['imageCredentials'],
  ['useVaultInjection'],
  ['vaultConfig', 'vaultHost'],
  ['vaultConfig', 'secretPath'],
  ['vaultConfig', 'role'],
  ['vaultConfig', 'kubernetesSecret'],
  ['environment', 'create'],
  ['environment', 'secret'],
  ['environment', 'existingSecret'],
  ['environment', 'secretKeys'],
  ['serviceAccount', 'create'],
  // The Kubernetes step writes every service-account annotation and pod label (IRSA, workload
  // identity and the user's own among them).
  ['serviceAccount', 'annotations'],
  ['serviceAccount', 'name'],
  ...KUBERNETES_TOP_KEYS.map((k) => [k]),
  ['service', 'type'],
  ['redis', 'serviceType'],
  ['dataservice', 'enabled'],
  ['dataservice', 'serviceAccount', 'create'],
  ['dataservice', 'serviceAccount', 'annotations', IRSA_ANNOTATION],
  ['dataservice', 'deployment', 'resources'],
  ['dataservice', 'deployment', 'replicas'],
  ['dataservice', 'deployment', 'extraEnv'],
  ['dataservice', 'autoscaling'],
  ...['gatewayImage', 'dataserviceImage', 'redisImage'].map((i) => ['images', i]),
  ...[
    'enabled',
    'hostname',
    'ingressClassName',
    'className',
    'hosts',
    'tls',
    'annotations',
    'hostBased',
    'mcpHostname',
    'mcpPath',
    'gatewayPath',
  ].map((k) => ['ingress', k]),
  ['minio', 'enabled'],
  ['minio', 'authKey'],
  ['minio', 'persistence'],
  ['milvus', 'enabled'],
  ['milvus', 'etcd', 'persistence'],
  ['milvus', 'milvus', 'persistence'],
]

/** Lists whose items are matched by name: kept items are added after the ones the wizard writes. */
export const NAMED_LISTS: readonly string[] = ['volumes', 'volumeMounts']

let modelled: Set<string> | undefined
/**
 * Env keys the config decides: every field's binding, PORT, and every key of any chart release's
 * defaults except the few portkey-setup does not set up (SERVER_MODE, MCP_PORT...), which a kept
 * value may set.
 */
export const isModelledEnvKey = (key: string): boolean => {
  if (!modelled) {
    modelled = new Set(['PORT', ...envBindings().flatMap((b) => b.env)])
    for (const v of CHART_VERSIONS) for (const k of Object.keys(chartDefaultEnv(v))) modelled.add(k)
    for (const k of UNMODELLED_ENV_KEYS) modelled.delete(k)
  }
  return modelled.has(key)
}

const startsWith = (path: ValuesPath, prefix: ValuesPath) =>
  prefix.length <= path.length && prefix.every((s, i) => s === path[i])

/** The path is one the wizard writes, or lies inside one. */
export const isOwnedPath = (path: ValuesPath): boolean =>
  (path.length === 3 && path[0] === 'environment' && path[1] === 'data' && isModelledEnvKey(path[2] ?? '')) ||
  OWNED_VALUE_PATHS.some((o) => startsWith(path, o))

/** The path leads to keys the wizard writes deeper down, so only its other keys may be kept. */
export const holdsOwnedPath = (path: ValuesPath): boolean =>
  (path.length <= 2 && startsWith(['environment', 'data'], path)) ||
  OWNED_VALUE_PATHS.some((o) => o.length > path.length && startsWith(o, path))

/** Each kept setting as a values.yaml path, e.g. ["service", "annotations"], for the Review list. */
export const keptPaths = (kept: unknown, path: string[] = []): string[][] => {
  if (typeof kept !== 'object' || kept === null || Array.isArray(kept)) return path.length ? [path] : []
  const holds = path.length === 0 || holdsOwnedPath(path)
  return holds
    ? Object.entries(kept as Record<string, unknown>).flatMap(([k, v]) => keptPaths(v, [...path, k]))
    : [path]
}
