/**
 * Facts about the chart's own values.yaml and templates that the renderer and the importer rely on
 * (checked against portkey-ai/gateway 1.0.7 and 1.7.7).
 */

/** Keys of environment.data in the chart's default values.yaml, for both known layouts. */
const DEFAULT_ENV_KEYS_107 = [
  'SERVICE_NAME',
  'PORT',
  'LOG_STORE',
  'MONGO_DB_CONNECTION_URL',
  'MONGO_DATABASE',
  'MONGO_COLLECTION_NAME',
  'MONGO_GENERATIONS_HOOKS_COLLECTION_NAME',
  'LOG_STORE_REGION',
  'LOG_STORE_ACCESS_KEY',
  'LOG_STORE_SECRET_KEY',
  'LOG_STORE_GENERATIONS_BUCKET',
  'LOG_STORE_BASEPATH',
  'LOG_STORE_AWS_ROLE_ARN',
  'LOG_STORE_AWS_EXTERNAL_ID',
  'AWS_ASSUME_ROLE_ACCESS_KEY_ID',
  'AWS_ASSUME_ROLE_SECRET_ACCESS_KEY',
  'AWS_ASSUME_ROLE_REGION',
  'AZURE_AUTH_MODE',
  'AZURE_MANAGED_CLIENT_ID',
  'AZURE_STORAGE_ACCOUNT',
  'AZURE_STORAGE_KEY',
  'AZURE_STORAGE_CONTAINER',
  'ANALYTICS_STORE',
  'ANALYTICS_STORE_ENDPOINT',
  'ANALYTICS_STORE_USER',
  'ANALYTICS_STORE_PASSWORD',
  'ANALYTICS_LOG_TABLE',
  'ANALYTICS_FEEDBACK_TABLE',
  'CACHE_STORE',
  'REDIS_URL',
  'REDIS_TLS_ENABLED',
  'REDIS_MODE',
  'PORTKEY_CLIENT_AUTH',
  'ORGANISATIONS_TO_SYNC',
  'FINETUNES_BUCKET',
  'LOG_EXPORTS_BUCKET',
  'FINETUNES_AWS_ROLE_ARN',
] as const

const DEFAULT_ENV_KEYS_177 = [
  ...DEFAULT_ENV_KEYS_107,
  'AZURE_ENTRA_CLIENT_ID',
  'AZURE_ENTRA_CLIENT_SECRET',
  'AZURE_ENTRA_TENANT_ID',
  'SERVER_MODE',
  'MCP_PORT',
  'MCP_GATEWAY_BASE_URL',
] as const

export const chartDefaultEnvKeys = (layout: '1.0.7' | '1.7.7'): readonly string[] =>
  layout === '1.0.7' ? DEFAULT_ENV_KEYS_107 : DEFAULT_ENV_KEYS_177

/** Env keys the chart knows but portkey-setup does not model (MCP server mode of newer charts). */
export const UNMODELLED_ENV_KEYS = ['SERVER_MODE', 'MCP_PORT', 'MCP_GATEWAY_BASE_URL'] as const

/** The chart's name; with Vault injection the gateway reads its env from a Secret of this name. */
export const CHART_NAME = 'gateway'

/** The first chart that reads environment.secretKeys; 1.3.0 looks keys up in the Secret instead. */
export const SECRET_KEYS_MIN_CHART = '1.3.1'

/** Volume name the README uses for the CA mount. */
export const CA_VOLUME_NAME = 'shared-folder'

/** Annotation EKS reads to give a service account's pods an IAM role. */
export const IRSA_ANNOTATION = 'eks.amazonaws.com/role-arn'

/** The chart's own placeholders; a value like these was never filled in. */
export const isPlaceholder = (v: string) =>
  /^<[^<>]*>$/.test(v.trim()) || ['path/to/your/secret', 'your-vault-role', '____'].includes(v.trim())
