import type { FixtureName } from '../fixtures/index.js'

/**
 * environment.data each fixture must produce with inline secrets, written out by hand from the table
 * in config-contract.md (not computed by the code under test). Keys not listed must be absent.
 */
const common = {
  SERVICE_NAME: 'portkeyenterprise',
  PORT: '8787',
  ANALYTICS_STORE: 'control_plane',
  CACHE_STORE: 'redis',
  REDIS_URL: 'redis://redis:6379',
  REDIS_TLS_ENABLED: 'false',
  REDIS_MODE: '',
  PORTKEY_CLIENT_AUTH: 'SENTINEL-SECRET-client-auth',
  ORGANISATIONS_TO_SYNC: 'org-acme-1,org-acme-2',
}

const s3 = {
  LOG_STORE: 's3',
  LOG_STORE_REGION: 'us-east-1',
  LOG_STORE_GENERATIONS_BUCKET: 'acme-portkey-logs',
  LOG_STORE_ACCESS_KEY: 'AKIAFAKEFAKE0001',
  LOG_STORE_SECRET_KEY: 'SENTINEL-SECRET-s3',
}

const mongo = (url: string) => ({
  LOG_STORE: 'mongo',
  MONGO_DB_CONNECTION_URL: url,
  MONGO_DATABASE: 'portkey',
  MONGO_COLLECTION_NAME: 'generations',
  MONGO_GENERATION_HOOKS_COLLECTION_NAME: 'generation_hooks',
  MONGO_GENERATIONS_HOOKS_COLLECTION_NAME: 'generation_hooks',
})

const assumeKeys = {
  LOG_STORE: 's3_assume',
  LOG_STORE_REGION: 'us-west-2',
  LOG_STORE_GENERATIONS_BUCKET: 'acme-assumed-logs',
  LOG_STORE_ACCESS_KEY: 'AKIAPORTKEYFAKE01',
  LOG_STORE_SECRET_KEY: 'SENTINEL-SECRET-assume',
  LOG_STORE_AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/PortkeyLogs',
  LOG_STORE_AWS_EXTERNAL_ID: 'acme-external-id-42',
}

const azure = {
  LOG_STORE: 'azure',
  AZURE_STORAGE_ACCOUNT: 'acmeportkey',
  AZURE_STORAGE_CONTAINER: 'portkey-logs',
}
const imds = {
  LOG_STORE: 's3_assume',
  LOG_STORE_REGION: 'us-east-2',
  LOG_STORE_GENERATIONS_BUCKET: 'acme-imds-logs',
}
// The chart's MinIO, reached inside the namespace as an S3-compatible store.
const minio = {
  LOG_STORE: 's3_custom',
  LOG_STORE_GENERATIONS_BUCKET: 'acme-minio-logs',
  LOG_STORE_ACCESS_KEY: 'portkey-minio',
  LOG_STORE_SECRET_KEY: 'SENTINEL-SECRET-minio',
  LOG_STORE_REGION: 'us-east-1',
  LOG_STORE_BASEPATH: 'http://minio:9000/acme-minio-logs',
}
const semantic = {
  VECTOR_STORE: 'milvus',
  VECTOR_STORE_API_KEY: 'portkey:SENTINEL-SECRET-milvus',
  SEMANTIC_CACHE_EMBEDDINGS_URL: 'https://api.openai.com/v1/embeddings',
  SEMANTIC_CACHE_EMBEDDING_MODEL: 'text-embedding-3-small',
  SEMANTIC_CACHE_EMBEDDING_API_KEY: 'SENTINEL-SECRET-embeddings',
}
const MONGO_URL = 'mongodb://portkey:SENTINEL-SECRET-mongo@mongo.internal:27017/?retryWrites=false'

export const EXPECTED_ENV: Record<FixtureName, Record<string, string>> = {
  mongo: { ...common, ...mongo(MONGO_URL) },
  'mongo-tls-ca': {
    ...common,
    ...mongo(
      'mongodb://portkey:SENTINEL-SECRET-docdb@docdb.cluster-abc.us-east-1.docdb.amazonaws.com:27017/?tls=true&retryWrites=false&tlsCAFile=/etc/shared/document_db.pem',
    ),
  },
  s3: { ...common, ...s3 },
  'exposure-nodeport': { ...common, ...s3 },
  'exposure-loadbalancer': { ...common, ...s3 },
  'ingress-plain': { ...common, ...s3 },
  'ingress-tls': { ...common, ...s3 },
  'ingress-path': { ...common, ...s3 },
  'ingress-mcp-path-based': { ...common, ...s3 },
  'ingress-mcp-host-based': { ...common, ...s3 },
  'images-mirror': { ...common, ...s3 },
  'images-mirror-server': { ...common, ...s3 },
  'images-pinned': { ...common, ...s3 },
  wasabi: {
    ...common,
    LOG_STORE: 'wasabi',
    LOG_STORE_REGION: 'eu-central-1',
    LOG_STORE_GENERATIONS_BUCKET: 'acme-wasabi-logs',
    LOG_STORE_ACCESS_KEY: 'WASABIFAKE0001',
    LOG_STORE_SECRET_KEY: 'SENTINEL-SECRET-wasabi',
  },
  gcs: {
    ...common,
    LOG_STORE: 'gcs',
    LOG_STORE_REGION: 'us-central1',
    LOG_STORE_GENERATIONS_BUCKET: 'acme_gcs_logs',
    LOG_STORE_ACCESS_KEY: 'GOOGFAKEHMAC0001',
    LOG_STORE_SECRET_KEY: 'SENTINEL-SECRET-gcs',
  },
  netapp: {
    ...common,
    LOG_STORE: 'netapp',
    LOG_STORE_REGION: 'us-east-1',
    LOG_STORE_GENERATIONS_BUCKET: 'acme-netapp-logs',
    LOG_STORE_ACCESS_KEY: 'NETAPPFAKE0001',
    LOG_STORE_SECRET_KEY: 'SENTINEL-SECRET-netapp',
    LOG_STORE_BASEPATH: 'https://s3.netapp.acme.internal:10443',
  },
  's3-assume-access-keys': { ...common, ...assumeKeys },
  's3-assume-irsa': {
    ...common,
    LOG_STORE: 's3_assume',
    LOG_STORE_REGION: 'us-west-2',
    LOG_STORE_GENERATIONS_BUCKET: 'acme-irsa-logs',
  },
  's3-assume-imds-v1': { ...common, ...imds, AWS_IMDS_V1: 'true' },
  's3-assume-imds-v2': { ...common, ...imds, AWS_IMDS_V1: 'false' },
  'azure-key': { ...common, ...azure, AZURE_AUTH_MODE: '', AZURE_STORAGE_KEY: 'SENTINEL-SECRET-azure-key' },
  'azure-managed': { ...common, ...azure, AZURE_AUTH_MODE: 'managed', AZURE_MANAGED_CLIENT_ID: '' },
  'azure-managed-client-id': {
    ...common,
    ...azure,
    AZURE_AUTH_MODE: 'managed',
    AZURE_MANAGED_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
  },
  'azure-entra': {
    ...common,
    ...azure,
    AZURE_AUTH_MODE: 'entra',
    AZURE_ENTRA_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
    AZURE_ENTRA_CLIENT_SECRET: 'SENTINEL-SECRET-entra',
    AZURE_ENTRA_TENANT_ID: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  },
  'analytics-clickhouse': {
    ...common,
    ...s3,
    ANALYTICS_STORE: 'clickhouse',
    ANALYTICS_STORE_ENDPOINT: 'https://clickhouse.acme.internal:8443',
    ANALYTICS_STORE_USER: 'portkey',
    ANALYTICS_STORE_PASSWORD: 'SENTINEL-SECRET-clickhouse',
    ANALYTICS_LOG_TABLE: 'generations',
    ANALYTICS_FEEDBACK_TABLE: 'feedbacks',
    ANALYTICS_GENERATION_HOOKS_TABLE: 'generation_hooks',
  },
  otel: {
    ...common,
    ...s3,
    OTEL_PUSH_ENABLED: 'true',
    OTEL_ENDPOINT: 'http://otel-collector.observability:4318',
    OTEL_RESOURCE_ATTRIBUTES: 'ApplicationShortName=gateway,AssetId=12323,deployment.service=production',
  },
  'cache-elasticache-tls-cluster': {
    ...common,
    ...s3,
    CACHE_STORE: 'aws-elastic-cache',
    REDIS_URL: 'rediss://default:SENTINEL-SECRET-redis@clustercfg.acme.abc123.use1.cache.amazonaws.com:6379',
    REDIS_TLS_ENABLED: 'true',
    REDIS_MODE: 'cluster',
  },
  'cache-custom': {
    ...common,
    ...s3,
    CACHE_STORE: 'custom',
    REDIS_URL: 'redis://:SENTINEL-SECRET-redis-custom@redis.acme.internal:6379',
  },
  'bedrock-principal': {
    ...common,
    ...assumeKeys,
    AWS_ASSUME_ROLE_ACCESS_KEY_ID: 'AKIABEDROCKFAKE1',
    AWS_ASSUME_ROLE_SECRET_ACCESS_KEY: 'SENTINEL-SECRET-bedrock',
    AWS_ASSUME_ROLE_REGION: 'us-east-1',
  },
  // A separate role without long-term keys lives in virtual keys and IAM, not in the env.
  'bedrock-separate': { ...common, ...s3 },
  'gateway-request-timeout': { ...common, REQUEST_TIMEOUT: '300000', ...s3 },
  // A kept env key comes after every key the config sets.
  'kept-settings': { ...common, ...s3, MCP_GATEWAY_BASE_URL: 'https://mcp.acme.example' },
  'data-service': {
    ...common,
    ...s3,
    FINETUNES_BUCKET: 'acme-finetunes',
    FINETUNES_AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/PortkeyFinetunes',
    LOG_EXPORTS_BUCKET: 'acme-log-exports',
  },
  'secrets-existing': { ...common, ...s3 },
  'secrets-vault': { ...common, ...s3 },
  'registry-existing': { ...common, ...s3 },
  'secrets-aws-sm': { ...common, ...s3 },
  'secrets-aws-sm-data-service': {
    ...common,
    ...s3,
    FINETUNES_BUCKET: 'acme-finetunes',
    FINETUNES_AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/PortkeyFinetunes',
    LOG_EXPORTS_BUCKET: 'acme-log-exports',
  },
  'secrets-aws-sm-mongo-ca': {
    ...common,
    ...mongo(
      'mongodb://portkey:SENTINEL-SECRET-docdb@docdb.cluster-abc.us-east-1.docdb.amazonaws.com:27017/?tls=true&retryWrites=false&tlsCAFile=/etc/shared/document_db.pem',
    ),
  },
  'secrets-aws-sm-irsa-logstore': {
    ...common,
    LOG_STORE: 's3_assume',
    LOG_STORE_REGION: 'us-west-2',
    LOG_STORE_GENERATIONS_BUCKET: 'acme-irsa-logs',
  },
  'azure-workload-identity': {
    ...common,
    ...azure,
    AZURE_AUTH_MODE: 'managed',
    AZURE_MANAGED_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
  },
  'chart-1.0.7': { ...common, ...s3 },
  's3-custom': {
    ...common,
    LOG_STORE: 's3_custom',
    LOG_STORE_BASEPATH: 'https://s3.acme.internal:9000/acme-custom-logs/gateway',
    LOG_STORE_REGION: 'us-east-1',
    LOG_STORE_ACCESS_KEY: 'CUSTOMFAKE0001',
    LOG_STORE_SECRET_KEY: 'SENTINEL-SECRET-s3-custom',
  },
  'minio-log-store': { ...common, ...minio },
  'minio-existing-secret': { ...common, ...minio },
  'otel-headers': {
    ...common,
    ...s3,
    OTEL_PUSH_ENABLED: 'true',
    OTEL_ENDPOINT: 'https://otlp.vendor.example:4318',
    OTEL_EXPORTER_OTLP_HEADERS: 'Authorization=Bearer SENTINEL-SECRET-otel,x-team=platform',
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
  },
  'milvus-semantic-cache': {
    ...common,
    ...minio,
    ...semantic,
    VECTOR_STORE_ADDRESS: 'http://milvus:19530',
    VECTOR_STORE_COLLECTION_NAME: 'textEmbedding3Small',
  },
  'milvus-external': {
    ...common,
    ...s3,
    ...semantic,
    VECTOR_STORE_ADDRESS: 'https://milvus.acme.internal:19530',
    VECTOR_STORE_COLLECTION_NAME: 'acme_embeddings',
  },
  'vault-secret-name': { ...common, ...s3 },
  'cache-custom-tls': {
    ...common,
    ...s3,
    CACHE_STORE: 'custom',
    REDIS_URL: 'rediss://:SENTINEL-SECRET-redis-tls@redis.acme.internal:6380',
    REDIS_TLS_ENABLED: 'true',
  },
  'chart-1.0.7-mongo-vault': {
    ...common,
    ...mongo('mongodb://portkey:SENTINEL-SECRET-mongo@mongo.internal:27017/portkey'),
  },
  // Extra variables of the Kubernetes step are written into environment.data, after the rest.
  'kubernetes-resources-hpa': { ...common, ...s3 },
  'kubernetes-hpa-every-chart': { ...common, ...s3 },
  'kubernetes-replicas-pdb-scheduling': { ...common, ...s3 },
  'kubernetes-scheduling-old-charts': { ...common, ...s3 },
  'kubernetes-extra-env': { ...common, ...s3, LOG_LEVEL: 'debug', NODE_OPTIONS: '--max-old-space-size=768' },
  'kubernetes-extra-env-vault': { ...common, ...s3, LOG_LEVEL: 'debug' },
  'kubernetes-extra-env-existing-secret': {
    ...common,
    ...s3,
    SERVICE_NAME: 'gateway-eu',
    LOG_LEVEL: 'debug',
  },
  'kubernetes-irsa-service-account': {
    ...common,
    LOG_STORE: 's3_assume',
    LOG_STORE_REGION: 'us-west-2',
    LOG_STORE_GENERATIONS_BUCKET: 'acme-irsa-logs',
  },
  'kubernetes-data-service-runtime': {
    ...common,
    ...s3,
    FINETUNES_BUCKET: 'acme-finetunes',
    FINETUNES_AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/PortkeyFinetunes',
    LOG_EXPORTS_BUCKET: 'acme-log-exports',
  },
  'kubernetes-data-service-replicas': {
    ...common,
    ...s3,
    FINETUNES_BUCKET: 'acme-finetunes',
    FINETUNES_AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/PortkeyFinetunes',
    LOG_EXPORTS_BUCKET: 'acme-log-exports',
  },
  production: {
    ...common,
    LOG_STORE: 's3_assume',
    LOG_STORE_REGION: 'us-west-2',
    LOG_STORE_GENERATIONS_BUCKET: 'acme-prod-logs',
  },
}

/** The env keys the contract treats as secrets (kept out of values.yaml unless secrets are inline). */
export const CONTRACT_SECRET_KEYS = [
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
  'OTEL_EXPORTER_OTLP_HEADERS',
  'VECTOR_STORE_API_KEY',
  'SEMANTIC_CACHE_EMBEDDING_API_KEY',
]
