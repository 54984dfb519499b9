import {
  CACHE_STORES,
  ClickhouseAnalyticsSchema,
  GatewaySchema,
  OtelEnabledSchema,
  SyncSchema,
} from '../config/index.js'
import { readBound } from './bound.js'
import { fieldText, type ImportContext, isTrue, type Loose, own, ownObject } from './reader.js'

export const readGateway = (ctx: ImportContext): Loose | undefined => {
  const port = ctx.get('PORT', ['gateway'], false)
  if (port !== undefined && port.trim() !== '8787')
    ctx.warn(['gateway'], `PORT is ${port}; portkey-setup keeps the gateway on 8787.`)
  const gateway = readBound(ctx, GatewaySchema, ['gateway'])
  return Object.keys(gateway).length ? gateway : undefined
}

export const readAnalytics = (ctx: ImportContext): Loose | undefined => {
  const store = ctx.get('ANALYTICS_STORE', ['analytics', 'store'], false)?.trim()
  if (store === undefined) return undefined
  if (store === 'control_plane') return { store }
  if (store !== 'clickhouse') {
    ctx.warn(
      ['analytics', 'store'],
      `ANALYTICS_STORE "${store}" is not clickhouse or control_plane: choose one.`,
    )
    return undefined
  }
  // Older values files leave the table names empty; the form then asks for them without a warning here.
  const lenient = ['logTable', 'feedbackTable', 'generationHooksTable']
  return { store, ...readBound(ctx, ClickhouseAnalyticsSchema, ['analytics'], { lenient }) }
}

/** OTEL_RESOURCE_ATTRIBUTES: k=v pairs separated by commas, values percent-decoded (W3C baggage). */
export const parseOtelAttributes = (ctx: ImportContext, text: string): Record<string, string> => {
  const out: Record<string, string> = {}
  const path = ['otel', 'resourceAttributes']
  for (const part of text.split(',')) {
    if (part.trim() === '') continue
    const eq = part.indexOf('=')
    const key = (eq < 0 ? part : part.slice(0, eq)).trim()
    if (eq < 0 || key === '') {
      ctx.warn(
        path,
        `"${key || part.trim()}" in OTEL_RESOURCE_ATTRIBUTES is not a name=value pair; it was skipped.`,
      )
      continue
    }
    const raw = part.slice(eq + 1).trim()
    let value = raw
    try {
      value = decodeURIComponent(raw)
    } catch {
      ctx.warn([...path, key], `The value of ${key} has a stray %; it was kept as written.`)
    }
    if (Object.hasOwn(out, key)) ctx.warn([...path, key], `${key} appears twice; the last value was kept.`)
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
  }
  return out
}

const HEADERS_KEY = 'OTEL_EXPORTER_OTLP_HEADERS'

export const readOtel = (ctx: ImportContext): Loose => {
  const enabled = ctx.get('OTEL_PUSH_ENABLED', ['otel', 'enabled'], false)
  if (enabled === undefined || !isTrue(enabled)) return { enabled: false }
  const attrs = ctx.get('OTEL_RESOURCE_ATTRIBUTES', ['otel', 'resourceAttributes'], false)
  const protocol = ctx.get('OTEL_EXPORTER_OTLP_PROTOCOL', ['otel', 'protocol'], false)?.trim()
  if (protocol !== undefined && protocol !== 'http/json' && protocol !== 'http/protobuf')
    ctx.warn(
      ['otel', 'protocol'],
      `OTEL_EXPORTER_OTLP_PROTOCOL "${protocol}" is not http/json or http/protobuf: choose the encoding again.`,
    )
  return {
    enabled: true,
    ...readBound(ctx, OtelEnabledSchema, ['otel'], { skip: ['headers'] }),
    // Optional, but a secret kept in Vault or an existing Secret must be entered again: say so.
    headers: ctx.get(HEADERS_KEY, ['otel', 'headers'], ctx.has(HEADERS_KEY)),
    resourceAttributes: attrs === undefined ? {} : parseOtelAttributes(ctx, attrs),
    protocol: protocol === 'http/json' || protocol === 'http/protobuf' ? protocol : undefined,
  }
}

export const readCache = (ctx: ImportContext): Loose | undefined => {
  const P = 'cache'
  const out: Loose = {}
  const store = ctx.get('CACHE_STORE', [P, 'store'], false)?.trim()
  if (store !== undefined) {
    if ((CACHE_STORES as readonly string[]).includes(store)) out.store = store
    else
      ctx.warn([P, 'store'], `CACHE_STORE "${store}" is not one of ${CACHE_STORES.join(', ')}: choose one.`)
  }
  // The in-cluster redis store has a fixed URL, so a URL kept in a Secret is no loss there.
  const url = ctx.get('REDIS_URL', [P, 'url'], store !== undefined && store !== 'redis')
  if (url !== undefined) out.url = url
  const tls = ctx.get('REDIS_TLS_ENABLED', [P, 'tls'], false)?.trim().toLowerCase()
  if (tls !== undefined) {
    if (tls !== 'true' && tls !== 'false')
      ctx.warn([P, 'tls'], `REDIS_TLS_ENABLED is "${tls}"; only "true" turns TLS on, so it is off.`)
    out.tls = tls === 'true'
  }
  const mode = ctx.get('REDIS_MODE', [P, 'mode'], false)?.trim().toLowerCase()
  if (mode !== undefined && mode !== 'cluster' && mode !== 'standalone')
    ctx.warn([P, 'mode'], `REDIS_MODE "${mode}" is not cluster; standalone is assumed.`)
  if (ctx.env.has('REDIS_MODE') || Object.keys(out).length)
    out.mode = mode === 'cluster' ? 'cluster' : 'standalone'
  return Object.keys(out).length ? out : undefined
}

export const readSync = (ctx: ImportContext): Loose => {
  const orgs = ctx.get('ORGANISATIONS_TO_SYNC', ['sync', 'organisations'])
  return {
    ...readBound(ctx, SyncSchema, ['sync']),
    organisations:
      orgs === undefined
        ? undefined
        : orgs
            .split(',')
            .map((o) => o.trim())
            .filter((o) => o !== ''),
  }
}

const BEDROCK_KEYS = [
  'AWS_ASSUME_ROLE_ACCESS_KEY_ID',
  'AWS_ASSUME_ROLE_SECRET_ACCESS_KEY',
  'AWS_ASSUME_ROLE_REGION',
]

/** Bedrock shows in values.yaml only through method 1's assume-role keys; the rest lives in virtual keys. */
export const readBedrock = (ctx: ImportContext): Loose => {
  if (!BEDROCK_KEYS.some((k) => ctx.has(k))) {
    for (const k of BEDROCK_KEYS) ctx.consumed.add(k)
    return { enabled: false }
  }
  const P = 'bedrock'
  const region = ctx.get('AWS_ASSUME_ROLE_REGION', [P, 'assumeRoleCredentials', 'region'])
  ctx.warn(
    [P, 'region'],
    'values.yaml does not record the Bedrock model region, a separate Bedrock role or its ExternalId; the assume-role region was used: check these.',
  )
  return {
    enabled: true,
    region,
    role: 'principal',
    principalRoleArn: ctx.get('LOG_STORE_AWS_ROLE_ARN', [P, 'principalRoleArn']),
    assumeRoleCredentials: {
      accessKeyId: ctx.get('AWS_ASSUME_ROLE_ACCESS_KEY_ID', [P, 'assumeRoleCredentials', 'accessKeyId']),
      secretAccessKey: ctx.get('AWS_ASSUME_ROLE_SECRET_ACCESS_KEY', [
        P,
        'assumeRoleCredentials',
        'secretAccessKey',
      ]),
      region,
    },
  }
}

const DATA_SERVICE_KEYS = ['FINETUNES_BUCKET', 'FINETUNES_AWS_ROLE_ARN', 'LOG_EXPORTS_BUCKET']

export const readDataService = (ctx: ImportContext): Loose => {
  const P = 'dataService'
  const ds = ownObject(ctx.root, 'dataservice')
  if (!isTrue(own(ds, 'enabled'))) {
    if (DATA_SERVICE_KEYS.some((k) => ctx.has(k)))
      ctx.warn(
        [P, 'enabled'],
        'FINETUNES_* settings are present but dataservice.enabled is not true: the data service stays off.',
      )
    for (const k of DATA_SERVICE_KEYS) ctx.consumed.add(k)
    return { enabled: false }
  }
  /** The env key wins; the chart's dataservice.* copy is the fallback. */
  const pick = (envKey: string, chartKey: string, field: string, required: boolean) => {
    const fromEnv = ctx.get(envKey, [P, field], false)
    const fromChart = fieldText(ctx, own(ds, chartKey), [P, field], `dataservice.${chartKey}`, false)
    if (fromEnv && fromChart && fromEnv !== fromChart)
      ctx.warn([P, field], `${envKey} and dataservice.${chartKey} differ; ${envKey} was kept.`)
    const v = fromEnv ?? fromChart
    if (v === undefined && required) ctx.warn([P, field], `${envKey} is empty: the data service needs it.`)
    return v
  }
  const logExportsBucket = pick('LOG_EXPORTS_BUCKET', 'logexportsBucket', 'logExportsBucket', false)
  return {
    enabled: true,
    finetunesBucket: pick('FINETUNES_BUCKET', 'finetuneBucket', 'finetunesBucket', true),
    finetunesRoleArn: ctx.get('FINETUNES_AWS_ROLE_ARN', [P, 'finetunesRoleArn']),
    ...(logExportsBucket === undefined ? {} : { logExportsBucket }),
  }
}
