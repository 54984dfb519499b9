import { atLeast } from './releases.js'

type EnvDefaults = Record<string, string | number | null>

/** environment.data of the chart's own values.yaml in 1.0.3, the first release. */
const FIRST: EnvDefaults = {
  SERVICE_NAME: 'portkeyenterprise',
  PORT: '8787',
  LOG_STORE: null,
  MONGO_DB_CONNECTION_URL: null,
  MONGO_DATABASE: null,
  MONGO_COLLECTION_NAME: null,
  MONGO_GENERATIONS_HOOKS_COLLECTION_NAME: null,
  LOG_STORE_REGION: null,
  LOG_STORE_ACCESS_KEY: null,
  LOG_STORE_SECRET_KEY: null,
  LOG_STORE_GENERATIONS_BUCKET: null,
  LOG_STORE_BASEPATH: null,
  LOG_STORE_AWS_ROLE_ARN: null,
  LOG_STORE_AWS_EXTERNAL_ID: null,
  AWS_ASSUME_ROLE_ACCESS_KEY_ID: null,
  AWS_ASSUME_ROLE_SECRET_ACCESS_KEY: null,
  AWS_ASSUME_ROLE_REGION: null,
  AZURE_AUTH_MODE: null,
  AZURE_MANAGED_CLIENT_ID: null,
  AZURE_STORAGE_ACCOUNT: null,
  AZURE_STORAGE_KEY: null,
  AZURE_STORAGE_CONTAINER: null,
  ANALYTICS_STORE: 'clickhouse',
  ANALYTICS_STORE_ENDPOINT: null,
  ANALYTICS_STORE_USER: null,
  ANALYTICS_STORE_PASSWORD: null,
  ANALYTICS_LOG_TABLE: null,
  ANALYTICS_FEEDBACK_TABLE: null,
  CACHE_STORE: 'redis',
  REDIS_URL: 'redis://redis:6379',
  REDIS_TLS_ENABLED: 'false',
  REDIS_MODE: null,
  PORTKEY_CLIENT_AUTH: null,
  ORGANISATIONS_TO_SYNC: null,
  FINETUNES_BUCKET: null,
  LOG_EXPORTS_BUCKET: null,
  FINETUNES_AWS_ROLE_ARN: null,
}

/** How later releases changed those defaults (1.3.1 made MCP_PORT a number, which its own templates cannot encode). */
const CHANGES: [string, EnvDefaults][] = [
  ['1.2.0', { SERVER_MODE: null, MCP_PORT: null }],
  ['1.3.1', { MCP_GATEWAY_BASE_URL: '', MCP_PORT: 8788, SERVER_MODE: '' }],
  ['1.3.3', { MCP_PORT: '8788' }],
  ['1.7.1', { MCP_GATEWAY_BASE_URL: null, SERVER_MODE: null }],
  ['1.7.7', { AZURE_ENTRA_CLIENT_ID: null, AZURE_ENTRA_CLIENT_SECRET: null, AZURE_ENTRA_TENANT_ID: null }],
]

/**
 * The chart's default environment.data for a release. Helm merges a values file over it: a key set to
 * null there is removed only when its default is not null, so null defaults always reach the pod.
 */
export const chartDefaultEnv = (version: string): EnvDefaults =>
  Object.assign(
    {},
    FIRST,
    ...CHANGES.filter(([since]) => atLeast(version, since)).map(([, change]) => change),
  )
