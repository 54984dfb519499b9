import type { DeploymentConfig } from './config/index.js'

/** Where an uploaded Mongo CA lands inside the gateway pod. */
export const SHARED_MOUNT_DIR = '/etc/shared'

/** Env keys whose values are secrets: kept out of values.yaml unless secrets are inline. */
export const SECRET_ENV_KEYS = [
  'MONGO_DB_CONNECTION_URL',
  'LOG_STORE_ACCESS_KEY',
  'LOG_STORE_SECRET_KEY',
  'AWS_ASSUME_ROLE_ACCESS_KEY_ID',
  'AWS_ASSUME_ROLE_SECRET_ACCESS_KEY',
  'AZURE_STORAGE_KEY',
  'AZURE_ENTRA_CLIENT_SECRET',
  'ANALYTICS_STORE_PASSWORD',
  'REDIS_URL',
  'PORTKEY_CLIENT_AUTH',
] as const

export const isSecretEnvKey = (key: string) => (SECRET_ENV_KEYS as readonly string[]).includes(key)

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
 * config -> environment.data, exactly as config-contract.md tabulates it. Every value is a string;
 * keys appear in the chart's own order and only when the chosen path uses them.
 */
export const toEnvironment = (c: DeploymentConfig): Record<string, string> => {
  const env: Record<string, string> = {}
  const set = (k: string, v: string | undefined) => {
    if (v !== undefined) env[k] = v
  }
  set('SERVICE_NAME', c.gateway.serviceName)
  set('PORT', '8787')
  set('LOG_STORE', c.logStore.type)

  const ls = c.logStore
  switch (ls.type) {
    case 'mongo':
      set('MONGO_DB_CONNECTION_URL', mongoUrlWithCa(ls.connectionUrl, ls.tlsCa?.fileName))
      set('MONGO_DATABASE', ls.database)
      set('MONGO_COLLECTION_NAME', ls.collection)
      // The README spells it GENERATION_, the chart's values file GENERATIONS_: set both.
      set('MONGO_GENERATION_HOOKS_COLLECTION_NAME', ls.hooksCollection)
      set('MONGO_GENERATIONS_HOOKS_COLLECTION_NAME', ls.hooksCollection)
      break
    case 's3':
    case 'wasabi':
    case 'gcs':
    case 'netapp':
      set('LOG_STORE_REGION', ls.region)
      set('LOG_STORE_GENERATIONS_BUCKET', ls.bucket)
      set('LOG_STORE_ACCESS_KEY', ls.accessKey)
      set('LOG_STORE_SECRET_KEY', ls.secretKey)
      if (ls.type === 'netapp') set('LOG_STORE_BASEPATH', ls.basePath)
      break
    case 's3_assume':
      set('LOG_STORE_REGION', ls.region)
      set('LOG_STORE_GENERATIONS_BUCKET', ls.bucket)
      if (ls.auth.method === 'access_keys') {
        set('LOG_STORE_ACCESS_KEY', ls.auth.accessKey)
        set('LOG_STORE_SECRET_KEY', ls.auth.secretKey)
        set('LOG_STORE_AWS_ROLE_ARN', ls.auth.roleArn)
        set('LOG_STORE_AWS_EXTERNAL_ID', ls.auth.externalId)
      }
      if (ls.auth.method === 'imds') set('AWS_IMDS_V1', ls.auth.imdsV1 ? 'true' : 'false')
      break
    case 'azure':
      set('AZURE_STORAGE_ACCOUNT', ls.account)
      set('AZURE_STORAGE_CONTAINER', ls.container)
      set('AZURE_AUTH_MODE', ls.auth.mode === 'key' ? '' : ls.auth.mode)
      if (ls.auth.mode === 'key') set('AZURE_STORAGE_KEY', ls.auth.key)
      if (ls.auth.mode === 'managed') set('AZURE_MANAGED_CLIENT_ID', ls.auth.clientId ?? '')
      if (ls.auth.mode === 'entra') {
        set('AZURE_ENTRA_CLIENT_ID', ls.auth.clientId)
        set('AZURE_ENTRA_CLIENT_SECRET', ls.auth.clientSecret)
        set('AZURE_ENTRA_TENANT_ID', ls.auth.tenantId)
      }
      break
  }

  const b = c.bedrock
  if (b.enabled && b.assumeRoleCredentials) {
    set('AWS_ASSUME_ROLE_ACCESS_KEY_ID', b.assumeRoleCredentials.accessKeyId)
    set('AWS_ASSUME_ROLE_SECRET_ACCESS_KEY', b.assumeRoleCredentials.secretAccessKey)
    set('AWS_ASSUME_ROLE_REGION', b.assumeRoleCredentials.region)
    // Method 1: the principal role is the one LOG_STORE_AWS_ROLE_ARN names.
    env.LOG_STORE_AWS_ROLE_ARN ??= b.principalRoleArn
  }

  set('ANALYTICS_STORE', c.analytics.store)
  if (c.analytics.store === 'clickhouse') {
    set('ANALYTICS_STORE_ENDPOINT', c.analytics.endpoint)
    set('ANALYTICS_STORE_USER', c.analytics.user)
    set('ANALYTICS_STORE_PASSWORD', c.analytics.password)
    set('ANALYTICS_LOG_TABLE', c.analytics.logTable)
    set('ANALYTICS_FEEDBACK_TABLE', c.analytics.feedbackTable)
    set('ANALYTICS_GENERATION_HOOKS_TABLE', c.analytics.generationHooksTable)
  }
  if (c.otel.enabled) {
    set('OTEL_PUSH_ENABLED', 'true')
    set('OTEL_ENDPOINT', c.otel.endpoint)
    const attrs = otelResourceAttributes(c.otel.resourceAttributes)
    if (attrs) set('OTEL_RESOURCE_ATTRIBUTES', attrs)
  }

  set('CACHE_STORE', c.cache.store)
  set('REDIS_URL', c.cache.url)
  set('REDIS_TLS_ENABLED', c.cache.tls ? 'true' : 'false')
  set('REDIS_MODE', c.cache.mode === 'cluster' ? 'cluster' : '')

  set('PORTKEY_CLIENT_AUTH', c.sync.clientAuth)
  set('ORGANISATIONS_TO_SYNC', c.sync.organisations.join(','))

  if (c.dataService.enabled) {
    set('FINETUNES_BUCKET', c.dataService.finetunesBucket)
    set('FINETUNES_AWS_ROLE_ARN', c.dataService.finetunesRoleArn)
    set('LOG_EXPORTS_BUCKET', c.dataService.logExportsBucket)
  }
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
