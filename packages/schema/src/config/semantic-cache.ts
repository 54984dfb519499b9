import { z } from 'zod'
import { doc, httpUrl, ident, k8sName, option, secret, text } from './fields.js'

/** Where the chart's Milvus answers inside the namespace: its Service is always named milvus. */
export const MILVUS_SERVICE_URL = 'http://milvus:19530'

const QUANTITY = /^[1-9][0-9]{0,5}(Mi|Gi|Ti)$/

export const ChartMilvusSchema = z.strictObject({
  source: option(
    'chart',
    'Milvus deployed by the chart',
    'The chart runs Milvus and its etcd next to the gateway; Milvus keeps its files in the chart\u2019s MinIO.',
  ),
  size: ident('Volume size', QUANTITY, 'use a whole number with Mi, Gi or Ti, such as 10Gi.', 10)
    .default('10Gi')
    .meta(
      doc('The size of each of the two volumes, one for Milvus and one for its etcd.', {
        placeholder: '10Gi',
      }),
    ),
  storageClassName: k8sName('Storage class')
    .optional()
    .meta(
      doc('The storage class of both volumes; leave it empty for the cluster default.', {
        placeholder: 'gp3',
      }),
    ),
})

export const ExternalMilvusSchema = z.strictObject({
  source: option(
    'external',
    'A Milvus you run',
    'Choose this for Zilliz Cloud or a Milvus the cluster can reach.',
  ),
  address: httpUrl('Milvus address', 'https://milvus.example.internal:19530').meta(
    doc('The URL of the Milvus server, with its port (19530 unless you changed it).', {
      env: 'VECTOR_STORE_ADDRESS',
      placeholder: 'https://milvus.example.internal:19530',
    }),
  ),
})

export const SemanticCacheOffSchema = z.strictObject({
  enabled: option(false, 'Off', 'Only the simple cache: identical requests are answered from Redis.'),
})

export const SemanticCacheOnSchema = z.strictObject({
  enabled: option(
    true,
    'On',
    'Also answer requests that mean the same as an earlier one, found by their embeddings in Milvus.',
  ),
  store: option('milvus', 'Milvus', 'The vector store the chart documents.')
    .default('milvus')
    .meta({ 'x-env': 'VECTOR_STORE' }),
  milvus: z
    .discriminatedUnion('source', [ChartMilvusSchema, ExternalMilvusSchema], {
      error: 'Milvus source must be "chart" or "external".',
    })
    .default({ source: 'chart', size: '10Gi' })
    .meta({ title: 'Milvus', description: 'Which Milvus holds the embeddings.' }),
  collection: ident(
    'Collection',
    /^[A-Za-z_][A-Za-z0-9_]{0,254}$/,
    'use letters, digits and underscores, starting with a letter or underscore.',
    255,
  )
    .default('textEmbedding3Small')
    .meta(
      doc('The Milvus collection of the embeddings; its vector size must match the embedding model.', {
        env: 'VECTOR_STORE_COLLECTION_NAME',
      }),
    ),
  apiKey: secret('Milvus credentials', 1024).meta(
    doc('The Milvus user and password the gateway signs in with, written as user:password.', {
      env: 'VECTOR_STORE_API_KEY',
      placeholder: 'portkey:<password>',
    }),
  ),
  embeddingsUrl: httpUrl('Embeddings endpoint', 'https://api.openai.com/v1/embeddings').meta(
    doc('The URL the gateway asks for the embedding of each request.', {
      env: 'SEMANTIC_CACHE_EMBEDDINGS_URL',
      placeholder: 'https://api.openai.com/v1/embeddings',
    }),
  ),
  embeddingModel: text('Embedding model', 255).meta(
    doc('The model that endpoint uses, such as text-embedding-3-small.', {
      env: 'SEMANTIC_CACHE_EMBEDDING_MODEL',
      placeholder: 'text-embedding-3-small',
    }),
  ),
  embeddingApiKey: secret('Embeddings API key', 1024).meta(
    doc('The key the embeddings endpoint wants.', { env: 'SEMANTIC_CACHE_EMBEDDING_API_KEY' }),
  ),
})

export const SemanticCacheSchema = z
  .discriminatedUnion('enabled', [SemanticCacheOffSchema, SemanticCacheOnSchema], {
    error: 'Semantic cache "enabled" must be true or false.',
  })
  .default({ enabled: false })
  .meta({
    title: 'Semantic cache with Milvus',
    description: 'An optional cache that matches requests by meaning (chart 1.5.0 or later).',
  })

export type SemanticCache = z.infer<typeof SemanticCacheSchema>
