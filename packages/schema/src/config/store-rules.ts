import type { z } from 'zod'
import { lacksMessage, supports } from '../chart/capabilities.js'
import { CHART_NAME } from '../chart/facts.js'
import type { CacheSchema } from './cache.js'
import type { LogStoreSchema } from './log-store.js'
import type { OtelSchema } from './otel.js'
import type { SecretsSchema } from './secrets.js'
import type { SemanticCacheSchema } from './semantic-cache.js'

/** The sections these rules read, as parsed. */
type Sections = {
  chart: { version: string }
  cache: z.output<typeof CacheSchema>
  logStore: z.output<typeof LogStoreSchema>
  otel: z.output<typeof OtelSchema>
  secrets: z.output<typeof SecretsSchema>
  semanticCache: z.output<typeof SemanticCacheSchema>
}
type Issue = (path: (string | number)[], message: string) => void

/** TLS to Redis: never to the chart's own Redis; to a custom one only on charts without the 1.0.7 note. */
export const redisTlsRules = (c: Sections, issue: Issue) => {
  const v = c.chart.version
  const tlsUrl = c.cache.url.startsWith('rediss://')
  if (c.cache.store === 'redis') {
    if (c.cache.tls)
      issue(
        ['cache', 'tls'],
        'The Redis the chart deploys does not speak TLS: turn TLS off, or choose a Redis you run.',
      )
    return
  }
  if (c.cache.store === 'custom' && !supports(v, 'redisTlsAnyStore')) {
    if (c.cache.tls)
      issue(['cache', 'tls'], lacksMessage(v, 'redisTlsAnyStore', 'turn TLS off or choose aws-elastic-cache'))
    if (tlsUrl)
      issue(
        ['cache', 'url'],
        lacksMessage(v, 'redisTlsAnyStore', 'use redis:// or choose aws-elastic-cache (rediss:// means TLS)'),
      )
    return
  }
  if (tlsUrl && !c.cache.tls)
    issue(['cache', 'tls'], 'The Redis URL starts with rediss://, so turn TLS on (or use redis://).')
}

/** The stores and options added after chart 1.0.7, refused where the chosen version lacks them. */
export const storeRules = (c: Sections, issue: Issue) => {
  const v = c.chart.version
  const ls = c.logStore
  if (ls.type === 's3_custom' && !supports(v, 's3Custom'))
    issue(['logStore', 'type'], lacksMessage(v, 's3Custom', 'choose NetApp S3, which also takes a base path'))
  if (ls.type === 'minio') {
    if (!supports(v, 'minio'))
      issue(['logStore', 'type'], lacksMessage(v, 'minio', 'choose another log store'))
    if (ls.credentials.source === 'chart' && c.secrets.mode !== 'inline')
      issue(
        ['logStore', 'credentials', 'source'],
        'The chart creates the MinIO Secret from values.yaml, so the MinIO keys would be written there while the other secrets are kept out: choose "A Secret you create" for MinIO, or keep secrets in values.yaml.',
      )
  }
  if (c.otel.enabled && !supports(v, 'otelExporterOptions')) {
    if (c.otel.headers !== undefined)
      issue(['otel', 'headers'], lacksMessage(v, 'otelExporterOptions', 'leave the headers empty'))
    if (c.otel.protocol !== undefined)
      issue(['otel', 'protocol'], lacksMessage(v, 'otelExporterOptions', 'leave the encoding unset'))
  }
  if (
    c.secrets.mode === 'vault' &&
    c.secrets.kubernetesSecret !== undefined &&
    c.secrets.kubernetesSecret !== CHART_NAME &&
    !supports(v, 'vaultSecretName')
  )
    issue(
      ['secrets', 'kubernetesSecret'],
      lacksMessage(v, 'vaultSecretName', `leave it empty so the Secret is named ${CHART_NAME}`),
    )
  const sc = c.semanticCache
  if (sc.enabled) {
    if (!supports(v, 'milvus'))
      issue(['semanticCache', 'enabled'], lacksMessage(v, 'milvus', 'turn the semantic cache off'))
    else if (sc.milvus.source === 'chart' && ls.type !== 'minio')
      issue(
        ['semanticCache', 'milvus', 'source'],
        'The Milvus the chart deploys keeps its files in the chart\u2019s MinIO, which runs only when MinIO is the log store: choose MinIO as the log store, or a Milvus you run.',
      )
  }
}
