import { MINIO_SERVICE_URL } from '../config/log-store/s3-custom.js'
import { MILVUS_SERVICE_URL, SemanticCacheOnSchema } from '../config/semantic-cache.js'
import { readBound } from './bound.js'
import { fieldText, type ImportContext, isTrue, type Loose, own, ownObject } from './reader.js'

const P = 'logStore'

/** minio.persistence (or a Milvus volume) as the schema holds it. */
const readPersistence = (ctx: ImportContext, p: Loose | undefined, path: string[], where: string) => {
  if (!p) return undefined
  const out: Loose = {}
  const enabled = own(p, 'enabled')
  if (enabled !== undefined) out.enabled = isTrue(enabled)
  const size = own(p, 'size')
  if (size !== undefined) out.size = fieldText(ctx, size, [...path, 'size'], `${where}.size`, false)
  const sc = own(p, 'storageClassName')
  if (sc !== undefined && sc !== '' && sc !== null)
    out.storageClassName = fieldText(
      ctx,
      sc,
      [...path, 'storageClassName'],
      `${where}.storageClassName`,
      false,
    )
  return out
}

/** Whether LOG_STORE=s3_custom is the chart's own MinIO: minio.enabled and a base path at its Service. */
export const isChartMinio = (ctx: ImportContext): boolean =>
  isTrue(own(ownObject(ctx.root, 'minio'), 'enabled')) &&
  (ctx.env.get('LOG_STORE_BASEPATH') ?? '').startsWith(`${MINIO_SERVICE_URL}/`)

/** The chart's MinIO as the log store: the keys from the env, the rest from the minio block. */
export const readMinio = (ctx: ImportContext): Loose => {
  const minio = ownObject(ctx.root, 'minio')
  const out: Loose = { type: 'minio' }
  const bucket = ctx.get('LOG_STORE_GENERATIONS_BUCKET', [P, 'bucket'])
  if (bucket !== undefined) out.bucket = bucket
  const basePath = ctx.get('LOG_STORE_BASEPATH', [P, 'bucket'], false)
  if (bucket !== undefined && basePath !== `${MINIO_SERVICE_URL}/${bucket}`)
    ctx.warn(
      [P, 'bucket'],
      `LOG_STORE_BASEPATH (${basePath}) does not end in the bucket ${bucket}; portkey-setup points it at ${MINIO_SERVICE_URL}/${bucket}.`,
    )
  ctx.get('LOG_STORE_REGION', [P, 'bucket'], false)
  const access = ctx.get('LOG_STORE_ACCESS_KEY', [P, 'accessKey'])
  const secret = ctx.get('LOG_STORE_SECRET_KEY', [P, 'secretKey'])
  if (access !== undefined) out.accessKey = access
  if (secret !== undefined) out.secretKey = secret
  const auth = ownObject(minio, 'authKey')
  const existing = own(auth, 'existingSecret')
  if (typeof existing === 'string' && existing.trim() !== '')
    out.credentials = {
      source: 'existingSecret',
      secretName: fieldText(ctx, existing, [P, 'credentials', 'secretName'], 'minio.authKey.existingSecret'),
    }
  else out.credentials = { source: 'chart' }
  const persistence = readPersistence(
    ctx,
    ownObject(minio, 'persistence'),
    [P, 'persistence'],
    'minio.persistence',
  )
  if (persistence) out.persistence = persistence
  return out
}

/** semanticCache from VECTOR_STORE and the keys of Milvus, with milvus.enabled saying whose Milvus. */
export const readSemanticCache = (ctx: ImportContext): Loose => {
  const store = ctx.get('VECTOR_STORE', ['semanticCache', 'enabled'], false)?.trim()
  if (store === undefined) return { enabled: false }
  if (store !== 'milvus') {
    ctx.warn(
      ['semanticCache', 'enabled'],
      `VECTOR_STORE "${store}" is not milvus, the one the chart documents: the semantic cache is left off.`,
    )
    return { enabled: false }
  }
  const out: Loose = { enabled: true, ...readBound(ctx, SemanticCacheOnSchema, ['semanticCache']) }
  const chart = ownObject(ctx.root, 'milvus')
  const address = ctx.get('VECTOR_STORE_ADDRESS', ['semanticCache', 'milvus'], false)
  if (isTrue(own(chart, 'enabled'))) {
    if (address !== undefined && address !== MILVUS_SERVICE_URL)
      ctx.warn(
        ['semanticCache', 'milvus'],
        `milvus.enabled is on but VECTOR_STORE_ADDRESS is ${address}; portkey-setup points the gateway at the chart's Milvus, ${MILVUS_SERVICE_URL}.`,
      )
    const p = ownObject(ownObject(chart, 'milvus'), 'persistence')
    const read = readPersistence(ctx, p, ['semanticCache', 'milvus'], 'milvus.milvus.persistence')
    out.milvus = { source: 'chart', size: read?.size, storageClassName: read?.storageClassName }
  } else out.milvus = { source: 'external', address }
  return out
}

/** minio.enabled or milvus.enabled that the chosen stores do not use: said, since they are not kept. */
export const warnUnusedChartStores = (ctx: ImportContext, logStore: Loose | undefined, semantic: Loose) => {
  if (isTrue(own(ownObject(ctx.root, 'minio'), 'enabled')) && own(logStore, 'type') !== 'minio')
    ctx.warn(
      ['logStore', 'type'],
      `minio.enabled is on, but the log store does not point at the chart's MinIO (LOG_STORE s3_custom with LOG_STORE_BASEPATH ${MINIO_SERVICE_URL}/<bucket>): it is not carried over.`,
    )
  const milvus = isTrue(own(ownObject(ctx.root, 'milvus'), 'enabled'))
  if (milvus && semantic.enabled !== true)
    ctx.warn(
      ['semanticCache', 'enabled'],
      'milvus.enabled is on, but VECTOR_STORE is not milvus: the chart\u2019s Milvus is not carried over.',
    )
}
