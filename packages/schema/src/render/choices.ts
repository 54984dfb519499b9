import type { DeploymentConfig } from '../config/index.js'

/**
 * One-line descriptions of the choices a config makes, used in values.yaml comments so a reader
 * sees why each block is there. Only choice names and syntax-checked identifiers appear here, never
 * free text or a secret.
 */
const CHOSEN = '— chosen in portkey-setup'

export const logStoreChoice = (c: DeploymentConfig): string => {
  const ls = c.logStore
  switch (ls.type) {
    case 'mongo':
      return `Log store: MongoDB or DocumentDB (mongo)${ls.tlsCa ? ` with the CA certificate ${ls.tlsCa.fileName}` : ''} ${CHOSEN}`
    case 's3':
      return `Log store: Amazon S3 with access keys (s3) ${CHOSEN}`
    case 'wasabi':
      return `Log store: Wasabi through its S3 API (wasabi) ${CHOSEN}`
    case 'gcs':
      return `Log store: Google Cloud Storage with HMAC keys (gcs) ${CHOSEN}`
    case 'netapp':
      return `Log store: NetApp S3 (netapp) ${CHOSEN}`
    case 's3_assume':
      if (ls.auth.method === 'access_keys')
        return `Log store: s3_assume with Portkey's keys assuming your role (method 1) ${CHOSEN}`
      if (ls.auth.method === 'irsa') return `Log store: s3_assume with IRSA (method 2) ${CHOSEN}`
      return `Log store: s3_assume with the node role through IMDS${ls.auth.imdsV1 ? 'v1' : 'v2'} (method 3) ${CHOSEN}`
    case 'azure':
      if (ls.auth.mode === 'key') return `Log store: Azure Blob Storage with the account key ${CHOSEN}`
      if (ls.auth.mode === 'managed') return `Log store: Azure Blob Storage with a managed identity ${CHOSEN}`
      return `Log store: Azure Blob Storage with an Entra ID app registration ${CHOSEN}`
  }
}

export const analyticsChoice = (c: DeploymentConfig) =>
  c.analytics.store === 'clickhouse'
    ? `Analytics: your own ClickHouse ${CHOSEN}`
    : `Analytics: kept by the Portkey control plane ${CHOSEN}`

export const otelChoice = () => `OpenTelemetry: analytics are also pushed as OTLP logs ${CHOSEN}`

export const cacheChoice = (c: DeploymentConfig) => {
  const where =
    c.cache.store === 'redis'
      ? 'the Redis the chart deploys'
      : c.cache.store === 'aws-elastic-cache'
        ? 'Amazon ElastiCache'
        : 'your own Redis'
  return `Cache: ${where} (${c.cache.store}), ${c.cache.mode}${c.cache.tls ? ', TLS on' : ''} ${CHOSEN}`
}

export const syncChoice = () => `Sync: the organisations this gateway serves ${CHOSEN}`

export const bedrockChoice = () =>
  `Bedrock: long-term keys assume the principal role named in LOG_STORE_AWS_ROLE_ARN ${CHOSEN}`

export const dataServiceChoice = () => `Data service: finetunes and log exports on S3 ${CHOSEN}`

export const registryChoice = (c: DeploymentConfig): string => {
  if (c.registry.mode === 'existing')
    return `Registry: pull secret ${c.registry.secretName}, which you manage ${CHOSEN}`
  if (c.secrets.mode === 'inline')
    return `Registry: the chart creates the pull secret from the credentials Portkey shared ${CHOSEN}`
  return `Registry: scripts/create-secret.sh creates the pull secret, so the password stays out of this file ${CHOSEN}`
}

export const secretsChoice = (c: DeploymentConfig): string => {
  const s = c.secrets
  if (s.mode === 'existingSecret')
    return `Secrets: kept in the Kubernetes Secret ${s.secretName} that scripts/create-secret.sh creates ${CHOSEN}`
  if (s.mode === 'vault') return `Secrets: HashiCorp Vault agent injection (role ${s.role}) ${CHOSEN}`
  return `Secrets: written below; the chart stores them in a Kubernetes Secret ${CHOSEN}`
}
