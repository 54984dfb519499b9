import { GATEWAY_PORT } from '../chart/facts.js'
import type { DeploymentConfig } from '../config/index.js'
import { MINIO_REGION, MINIO_SERVICE_URL } from '../config/log-store/s3-custom.js'
import { MILVUS_SERVICE_URL } from '../config/semantic-cache.js'
import { ENV_SECTIONS, envBindings, sectionBindings } from './bindings.js'

export * from './bindings.js'

/** Env keys whose values are secrets: kept out of values.yaml unless secrets are inline. */
export const SECRET_ENV_KEYS: readonly string[] = [
  ...new Set(envBindings().flatMap((b) => (b.secret ? b.env : []))),
]
const secretKeySet = new Set(SECRET_ENV_KEYS)
export const isSecretEnvKey = (key: string) => secretKeySet.has(key)

/** Where an uploaded Mongo CA lands inside the gateway pod. */
export const SHARED_MOUNT_DIR = '/etc/shared'

/**
 * Where the query of a Mongo URL starts (-1 without one). The search starts after the user info,
 * since a password typed without percent-encoding may hold a '?'.
 */
export const mongoQueryStart = (url: string): number => {
  const authority = url.indexOf('://') + 3
  const slash = url.indexOf('/', authority)
  const at = url.lastIndexOf('@', slash < 0 ? url.length : slash)
  return url.indexOf('?', Math.max(authority, at + 1))
}

/** The Mongo URL the gateway gets: with tlsCAFile pointing at the mounted CA when one is uploaded. */
export const mongoUrlWithCa = (url: string, caFileName: string | undefined): string => {
  if (!caFileName) return url
  const param = `tlsCAFile=${SHARED_MOUNT_DIR}/${caFileName}`
  const q = mongoQueryStart(url)
  if (q >= 0) return `${url}${q === url.length - 1 ? '' : '&'}${param}`
  // The driver wants a path before the query: mongodb://host/?opt
  const afterScheme = url.indexOf('://') + 3
  return url.indexOf('/', afterScheme) >= 0 ? `${url}?${param}` : `${url}/?${param}`
}

/**
 * OTEL_RESOURCE_ATTRIBUTES: k=v pairs, with , = % ; " \ and white space percent-encoded in values
 * (W3C baggage rules). encodeURIComponent writes the UTF-8 bytes, so non-ASCII spaces decode back.
 */
export const otelResourceAttributes = (attrs: Record<string, string>): string =>
  Object.keys(attrs)
    .sort()
    .map((k) => `${k}=${(attrs[k] ?? '').replace(/[%,=;\s"\\]/gu, (c) => encodeURIComponent(c))}`)
    .join(',')

/**
 * How a bound value is written when plain text is not enough. Everything else is written as it
 * is: text as text, booleans as "true"/"false", lists joined with commas; an absent optional
 * value is left out.
 */
const ENCODERS: Record<string, (value: unknown, c: DeploymentConfig) => string | undefined> = {
  // The uploaded CA is mounted into the pod, and the URL points the driver at it.
  'logStore.connectionUrl': (v, c) =>
    mongoUrlWithCa(String(v), c.logStore.type === 'mongo' ? c.logStore.tlsCa?.fileName : undefined),
  // The gateway reads an empty AZURE_AUTH_MODE as "use the account key".
  'logStore.auth.mode': (v) => (v === 'key' ? '' : String(v)),
  // Without a client ID the managed identity of the node is used; the key must still be there.
  'logStore.auth.clientId': (v) => (v === undefined ? '' : String(v)),
  'otel.resourceAttributes': (v) => otelResourceAttributes(v as Record<string, string>) || undefined,
  // The chart's MinIO is an S3-compatible store to the gateway.
  'logStore.type': (v) => (v === 'minio' ? 's3_custom' : String(v)),
  // The gateway knows only "cluster"; anything else means a single node.
  'cache.mode': (v) => (v === 'cluster' ? 'cluster' : ''),
}

const plain = (v: unknown): string | undefined =>
  v === undefined ? undefined : Array.isArray(v) ? v.join(',') : String(v)

const isTree = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Keys no field carries: the gateway port, and Bedrock's fallback to the principal role. */
const addFixedKeys = (c: DeploymentConfig, env: Record<string, string>, after: string) => {
  if (after === 'gateway') env.PORT = String(GATEWAY_PORT)
  // The chart's MinIO: its Service inside the namespace, the bucket the chart creates in it.
  if (after === 'logStore' && c.logStore.type === 'minio') {
    env.LOG_STORE_REGION = MINIO_REGION
    env.LOG_STORE_BASEPATH = `${MINIO_SERVICE_URL}/${c.logStore.bucket}`
  }
  const sc = c.semanticCache
  if (after === 'semanticCache' && sc.enabled && sc.milvus.source === 'chart')
    env.VECTOR_STORE_ADDRESS = MILVUS_SERVICE_URL
  const b = c.bedrock
  // Method 1: the principal role is the one LOG_STORE_AWS_ROLE_ARN names.
  if (after === 'bedrock' && b.enabled && b.assumeRoleCredentials)
    env.LOG_STORE_AWS_ROLE_ARN ??= b.principalRoleArn
}

/**
 * config -> environment.data, exactly as config-contract.md tabulates it, from the fields' env
 * bindings. Every value is a string; keys appear in the chart's own order and only when the
 * chosen path uses them.
 */
export const toEnvironment = (c: DeploymentConfig): Record<string, string> => {
  const env: Record<string, string> = {}
  for (const id of ENV_SECTIONS) {
    for (const b of sectionBindings(c, id)) {
      const encode = ENCODERS[b.path.join('.')]
      const value = encode ? encode(b.value, c) : plain(b.value)
      if (value !== undefined) for (const key of b.env) env[key] = value
    }
    addFixedKeys(c, env, id)
  }
  // Keys kept from an imported values.yaml come last and never replace one the config sets.
  const kept = c.keptValues?.environment
  const data = isTree(kept) ? kept.data : undefined
  if (isTree(data))
    for (const [k, v] of Object.entries(data))
      if (!Object.hasOwn(env, k) && ['string', 'number', 'boolean'].includes(typeof v)) env[k] = String(v)
  return env
}

/** Splits the environment by where it is delivered for the chosen secrets mode. */
export const splitEnvironment = (c: DeploymentConfig) => {
  const env = toEnvironment(c)
  const data: Record<string, string> = {}
  const secrets: Record<string, string> = {}
  for (const [k, v] of Object.entries(env)) {
    if (c.secrets.mode !== 'inline' && isSecretEnvKey(k)) secrets[k] = v
    else data[k] = v
  }
  return { data, secrets }
}
