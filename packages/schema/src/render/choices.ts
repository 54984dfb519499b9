import {
  AnalyticsSchema,
  CacheSchema,
  type DeploymentConfig,
  LogStoreSchema,
  RegistrySchema,
  SecretsSchema,
} from '../config/index.js'
import { choiceTitle } from '../meta/docs.js'
import { schemaAt } from '../meta/walk.js'

/**
 * One-line descriptions of the choices a config makes, used in values.yaml comments so a reader
 * sees why each block is there. The titles are the ones the wizard shows, read from the schema.
 * Only choice names and syntax-checked identifiers appear here, never free text or a secret.
 */
const CHOSEN = '— chosen in portkey-setup'

/** The title of the branch a nested union (s3_assume's auth, Azure's auth) chose. */
const authTitle = (c: DeploymentConfig, value: string) => {
  const auth = schemaAt(LogStoreSchema, ['auth'], c.logStore)
  return auth ? choiceTitle(auth, value) : value
}

export const logStoreChoice = (c: DeploymentConfig): string => {
  const ls = c.logStore
  const title = `${choiceTitle(LogStoreSchema, ls.type)} (${ls.type})`
  switch (ls.type) {
    case 'mongo':
      return `Log store: ${title}${ls.tlsCa ? ` with the CA certificate ${ls.tlsCa.fileName}` : ''} ${CHOSEN}`
    case 's3_assume': {
      const imds = ls.auth.method === 'imds' ? `, IMDS${ls.auth.imdsV1 ? 'v1' : 'v2'}` : ''
      return `Log store: ${title}, ${authTitle(c, ls.auth.method)}${imds} ${CHOSEN}`
    }
    case 'azure':
      return `Log store: ${title}, ${authTitle(c, ls.auth.mode)} ${CHOSEN}`
    default:
      return `Log store: ${title} ${CHOSEN}`
  }
}

export const analyticsChoice = (c: DeploymentConfig) =>
  `Analytics: ${choiceTitle(AnalyticsSchema, c.analytics.store)} ${CHOSEN}`

export const otelChoice = () => `OpenTelemetry: analytics are also pushed as OTLP logs ${CHOSEN}`

export const cacheChoice = (c: DeploymentConfig) =>
  `Cache: ${choiceTitle(CacheSchema, c.cache.store)} (${c.cache.store}), ${c.cache.mode}${c.cache.tls ? ', TLS on' : ''} ${CHOSEN}`

export const syncChoice = () => `Sync: the organisations this gateway serves ${CHOSEN}`

export const bedrockChoice = () =>
  `Bedrock: long-term keys assume the principal role named in LOG_STORE_AWS_ROLE_ARN ${CHOSEN}`

export const dataServiceChoice = () => `Data service: finetunes and log exports on S3 ${CHOSEN}`

export const registryChoice = (c: DeploymentConfig): string => {
  const title = choiceTitle(RegistrySchema, c.registry.mode)
  if (c.registry.mode === 'existing') return `Registry: ${title}, ${c.registry.secretName} ${CHOSEN}`
  if (c.secrets.mode === 'inline')
    return `Registry: ${title}; the chart creates the pull secret from them ${CHOSEN}`
  return `Registry: ${title}; scripts/create-secret.sh creates the pull secret, so the password stays out of this file ${CHOSEN}`
}

export const secretsChoice = (c: DeploymentConfig): string => {
  const s = c.secrets
  const title = choiceTitle(SecretsSchema, s.mode)
  if (s.mode === 'existingSecret')
    return `Secrets: ${title}, ${s.secretName}, which scripts/create-secret.sh creates ${CHOSEN}`
  if (s.mode === 'awsSecretsManager')
    return `Secrets: ${title}, ${s.secretId} (${s.region}), synced by the Secrets Store CSI driver into ${s.syncedSecretName} ${CHOSEN}`
  if (s.mode === 'vault') return `Secrets: ${title} agent injection (role ${s.role}) ${CHOSEN}`
  return `Secrets: ${title}, written below; the chart stores them in a Kubernetes Secret ${CHOSEN}`
}
