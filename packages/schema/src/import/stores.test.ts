import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { importValues } from '../import-values.js'

const paths = (r: { warnings: { path: (string | number)[]; message: string }[] }) =>
  r.warnings.map((w) => `${w.path.join('.')}: ${w.message}`)

/** A values file written by hand the way the chart's docs set up its MinIO and Milvus. */
const docsStyle = (over: Record<string, unknown> = {}) =>
  stringify({
    minio: {
      enabled: true,
      authKey: { create: false, existingSecret: 'team-minio' },
      persistence: { enabled: true, size: '25Gi', storageClassName: 'fast' },
    },
    milvus: { enabled: true, milvus: { persistence: { enabled: true, size: '30Gi' } } },
    environment: {
      data: {
        LOG_STORE: 's3_custom',
        LOG_STORE_BASEPATH: 'http://minio:9000/team-logs',
        LOG_STORE_REGION: 'us-east-1',
        LOG_STORE_GENERATIONS_BUCKET: 'team-logs',
        LOG_STORE_ACCESS_KEY: 'team-user',
        LOG_STORE_SECRET_KEY: 'team-password-1',
        VECTOR_STORE: 'milvus',
        VECTOR_STORE_ADDRESS: 'http://milvus:19530',
        VECTOR_STORE_COLLECTION_NAME: 'textEmbedding3Small',
        VECTOR_STORE_API_KEY: 'root:Milvus',
        SEMANTIC_CACHE_EMBEDDINGS_URL: 'https://api.openai.com/v1/embeddings',
        SEMANTIC_CACHE_EMBEDDING_MODEL: 'text-embedding-3-small',
        SEMANTIC_CACHE_EMBEDDING_API_KEY: 'sk-123',
        OTEL_PUSH_ENABLED: 'true',
        OTEL_ENDPOINT: 'http://collector:4318',
        OTEL_EXPORTER_OTLP_HEADERS: 'x-api-key=abc',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
        ...over,
      },
    },
  })

describe('importing the stores the chart runs itself', () => {
  it('reads the chart’s MinIO as the minio log store, and its Milvus as the semantic cache', () => {
    const r = importValues(docsStyle())
    expect(r.config.logStore).toEqual({
      type: 'minio',
      bucket: 'team-logs',
      accessKey: 'team-user',
      secretKey: 'team-password-1',
      credentials: { source: 'existingSecret', secretName: 'team-minio' },
      persistence: { enabled: true, size: '25Gi', storageClassName: 'fast' },
    })
    expect(r.config.semanticCache).toMatchObject({
      enabled: true,
      collection: 'textEmbedding3Small',
      milvus: { source: 'chart', size: '30Gi' },
    })
    expect(r.config.otel).toMatchObject({ headers: 'x-api-key=abc' })
    expect(r.config.otel).not.toHaveProperty('protocol')
    expect(paths(r)).toContain(
      'otel.protocol: OTEL_EXPORTER_OTLP_PROTOCOL "grpc" is not http/json or http/protobuf: choose the encoding again.',
    )
    expect(paths(r).filter((p) => /not carried over|not set but/.test(p))).toEqual([])
  })

  it('s3_custom elsewhere with minio.enabled: an s3_custom store, and the unused MinIO is said', () => {
    const r = importValues(docsStyle({ LOG_STORE_BASEPATH: 'https://s3.acme.internal/team-logs' }))
    expect(r.config.logStore).toMatchObject({
      type: 's3_custom',
      basePath: 'https://s3.acme.internal/team-logs',
    })
    expect(paths(r).some((p) => p.startsWith('logStore.type: minio.enabled is on'))).toBe(true)
  })

  it('milvus.enabled without VECTOR_STORE: the semantic cache stays off, and that is said', () => {
    const r = importValues(docsStyle({ VECTOR_STORE: '' }))
    expect(r.config.semanticCache).toEqual({ enabled: false })
    expect(paths(r).some((p) => p.startsWith('semanticCache.enabled: milvus.enabled is on'))).toBe(true)
  })
})
