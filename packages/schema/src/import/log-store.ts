import { IRSA_ANNOTATION } from '../chart/facts.js'
import { LOG_STORE_TYPES, LogStoreSchema } from '../config/index.js'
import { mongoQueryStart, SHARED_MOUNT_DIR } from '../env/index.js'
import { schemaAt, unionOption } from '../meta/walk.js'
import { readBound } from './bound.js'
import { readWorkloadIdentity } from './identity.js'
import { fieldText, type ImportContext, type Loose, own, ownArray, ownObject } from './reader.js'
import { isChartMinio, readMinio } from './stores.js'

const P = 'logStore'

/** The schema of a log store type, or of one sign-in method of a type. */
const branch = (type: string, method?: string) => {
  if (method === undefined) return unionOption(LogStoreSchema, type)
  const auth = schemaAt(LogStoreSchema, ['auth'], { type })
  return auth && unionOption(auth, method)
}

/** The role IRSA gives the gateway, from serviceAccount.annotations. */
export const irsaRoleFrom = (ctx: ImportContext): string | undefined => {
  const ann = ownObject(ownObject(ctx.root, 'serviceAccount'), 'annotations')
  const v = own(ann, IRSA_ANNOTATION)
  return v === undefined
    ? undefined
    : fieldText(ctx, v, [P, 'auth', 'roleArn'], `The ${IRSA_ANNOTATION} annotation`)
}

/**
 * Splits tlsCAFile out of a Mongo URL: portkey-setup adds it from the uploaded CA, and the schema
 * refuses it inside the URL. Returns the URL without it and the CA file name it pointed at.
 */
export const stripTlsCaFile = (url: string): { url: string; caFile?: string } => {
  const q = mongoQueryStart(url)
  if (q < 0) return { url }
  const hash = url.indexOf('#', q)
  const query = url.slice(q + 1, hash < 0 ? undefined : hash)
  let caFile: string | undefined
  const kept = query.split('&').filter((pair) => {
    const eq = pair.indexOf('=')
    if ((eq < 0 ? pair : pair.slice(0, eq)).toLowerCase() !== 'tlscafile') return true
    const value = eq < 0 ? '' : pair.slice(eq + 1)
    let path = value
    try {
      path = decodeURIComponent(value)
    } catch {
      // A stray % is kept as written; the file name below is then only a guess.
    }
    caFile = path.slice(path.lastIndexOf('/') + 1)
    return false
  })
  if (caFile === undefined) return { url }
  const rest = hash < 0 ? '' : url.slice(hash)
  return { url: `${url.slice(0, kept.length ? q + 1 : q)}${kept.join('&')}${rest}`, caFile }
}

const readMongo = (ctx: ImportContext): Loose => {
  const out: Loose = { type: 'mongo' }
  const rawUrl = ctx.get('MONGO_DB_CONNECTION_URL', [P, 'connectionUrl'])
  let caFile: string | undefined
  if (rawUrl !== undefined) {
    const s = stripTlsCaFile(rawUrl)
    out.connectionUrl = s.url
    caFile = s.caFile
  }
  Object.assign(out, readBound(ctx, branch('mongo'), [P], { skip: ['connectionUrl', 'hooksCollection'] }))
  const readme = ctx.get('MONGO_GENERATION_HOOKS_COLLECTION_NAME', [P, 'hooksCollection'], false)
  const chart = ctx.get('MONGO_GENERATIONS_HOOKS_COLLECTION_NAME', [P, 'hooksCollection'], false)
  if (readme && chart && readme !== chart)
    ctx.warn(
      [P, 'hooksCollection'],
      `MONGO_GENERATION_HOOKS_COLLECTION_NAME (${readme}) and MONGO_GENERATIONS_HOOKS_COLLECTION_NAME (${chart}) differ; the README spelling was kept. portkey-setup sets both to one value.`,
    )
  out.hooksCollection = readme ?? chart
  if (out.hooksCollection === undefined)
    ctx.warn([P, 'hooksCollection'], 'The generation hooks collection is empty: fill it in.')

  const mounts = (ownArray(ctx.root, 'volumeMounts') ?? [])
    .map((m) => own(m, 'mountPath'))
    .filter((p): p is string => typeof p === 'string' && p.startsWith(`${SHARED_MOUNT_DIR}/`))
  if (caFile !== undefined) {
    out.tlsCa = { fileName: caFile }
    ctx.warn(
      [P, 'tlsCa', 'pem'],
      `The URL uses the CA file ${caFile}, but its certificate is not part of values.yaml: upload the PEM again.`,
    )
  } else if (mounts.length > 0)
    ctx.warn(
      [P, 'tlsCa'],
      `A file is mounted at ${mounts[0]} but the URL has no tlsCAFile: upload the CA if the connection needs it.`,
    )
  return out
}

const readS3Like = (ctx: ImportContext, type: string): Loose => ({
  type,
  ...readBound(ctx, branch(type), [P]),
})

const readS3Assume = (ctx: ImportContext): Loose => {
  const out: Loose = { type: 's3_assume', ...readBound(ctx, branch('s3_assume'), [P]) }
  const irsaRole = irsaRoleFrom(ctx)
  if (irsaRole !== undefined) {
    out.auth = { method: 'irsa', roleArn: irsaRole }
    return out
  }
  if (ctx.env.has('AWS_IMDS_V1') && !ctx.has('LOG_STORE_ACCESS_KEY')) {
    const v = (ctx.get('AWS_IMDS_V1', [P, 'auth', 'imdsV1'], false) ?? 'false').trim().toLowerCase()
    if (v !== 'true' && v !== 'false')
      ctx.warn(
        [P, 'auth', 'imdsV1'],
        `AWS_IMDS_V1 is "${v}"; only "true" turns IMDSv1 on, so IMDSv2 is assumed.`,
      )
    out.auth = { method: 'imds', imdsV1: v === 'true' }
    return out
  }
  // Method 1 is the one left: Portkey's keys assume the role named in LOG_STORE_AWS_ROLE_ARN.
  if (!['LOG_STORE_ACCESS_KEY', 'LOG_STORE_SECRET_KEY', 'LOG_STORE_AWS_ROLE_ARN'].some((k) => ctx.has(k))) {
    ctx.warn(
      [P, 'auth', 'method'],
      'Neither access keys, an IRSA role annotation nor AWS_IMDS_V1 is set, so the auth method is unknown: choose one.',
    )
    return out
  }
  out.auth = {
    method: 'access_keys',
    ...readBound(ctx, branch('s3_assume', 'access_keys'), [P, 'auth']),
  }
  return out
}

const readAzure = (ctx: ImportContext): Loose => {
  const out: Loose = { type: 'azure', ...readBound(ctx, branch('azure'), [P]) }
  const mode = (ctx.get('AZURE_AUTH_MODE', [P, 'auth', 'mode'], false) ?? '').trim().toLowerCase()
  const auth = (m: string) => readBound(ctx, branch('azure', m), [P, 'auth'])
  if (mode === 'managed') {
    const a: Loose = { mode, ...auth(mode) }
    if (readWorkloadIdentity(ctx, a.clientId)) a.workloadIdentity = true
    out.auth = a
  } else if (mode === 'entra') out.auth = { mode, ...auth(mode) }
  else {
    if (mode !== '')
      ctx.warn(
        [P, 'auth', 'mode'],
        `AZURE_AUTH_MODE "${mode}" is not managed or entra; the account key is assumed (leave it empty for a key).`,
      )
    out.auth = { mode: 'key', ...auth('key') }
  }
  return out
}

/** logStore from LOG_STORE and the keys of that choice. */
export const readLogStore = (ctx: ImportContext): Loose | undefined => {
  const type = ctx.get('LOG_STORE', [P, 'type'])?.trim()
  if (type === undefined) return undefined
  if (!(LOG_STORE_TYPES as readonly string[]).includes(type)) {
    ctx.warn(
      [P, 'type'],
      `LOG_STORE "${type}" is not one of ${LOG_STORE_TYPES.join(', ')}: choose a log store.`,
    )
    return undefined
  }
  if (type === 'mongo') return readMongo(ctx)
  if (type === 's3_assume') return readS3Assume(ctx)
  if (type === 'azure') return readAzure(ctx)
  if (type === 'minio') {
    ctx.warn(
      [P, 'type'],
      'LOG_STORE "minio" is not a value the gateway reads: the chart\u2019s MinIO is reached with LOG_STORE s3_custom and minio.enabled. Choose the log store again.',
    )
    return undefined
  }
  if (type === 's3_custom' && isChartMinio(ctx)) return readMinio(ctx)
  return readS3Like(ctx, type)
}
