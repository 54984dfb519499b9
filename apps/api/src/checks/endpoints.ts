import type { CheckEnvironment, EndpointKey } from './runner/types.js'

/**
 * The public endpoint of each provider for a region, as the gateway reaches it. A test-only
 * override (CheckEnvironment.endpointOverrides, off by default) points a provider at a local
 * server; the config itself never carries test concerns.
 */

export type Endpoint = { url: string; overridden: boolean }

const awsSuffix = (region: string) => (region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com')

const pick = (env: CheckEnvironment, key: EndpointKey, fallback: string): Endpoint => {
  const o = env.endpointOverrides?.[key]
  return o ? { url: o, overridden: true } : { url: fallback, overridden: false }
}

export const s3Endpoint = (env: CheckEnvironment, region: string) =>
  pick(env, 's3', `https://s3.${region}.${awsSuffix(region)}`)

export const wasabiEndpoint = (env: CheckEnvironment, region: string) =>
  pick(env, 'wasabi', `https://s3.${region}.wasabisys.com`)

/** Cloud Storage's XML API in interoperability mode (HMAC keys, SigV4). */
export const gcsEndpoint = (env: CheckEnvironment) => pick(env, 'gcs', 'https://storage.googleapis.com')

export const stsEndpoint = (env: CheckEnvironment, region: string) =>
  pick(env, 'sts', `https://sts.${region}.${awsSuffix(region)}`)

export const azureBlobEndpoint = (env: CheckEnvironment, account: string): Endpoint => {
  const o = env.endpointOverrides?.azureBlob
  if (o) return { url: o.replaceAll('{account}', account), overridden: true }
  return { url: `https://${account}.blob.core.windows.net`, overridden: false }
}

export const entraAuthority = (env: CheckEnvironment) =>
  pick(env, 'entraAuthority', 'https://login.microsoftonline.com')

/** Parses a JSON map of overrides (CHECKS_ENDPOINT_OVERRIDES); throws with a readable message. */
export const parseEndpointOverrides = (raw: string | undefined): CheckEnvironment['endpointOverrides'] => {
  if (!raw?.trim()) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    throw new Error('CHECKS_ENDPOINT_OVERRIDES must be a JSON object such as {"s3":"http://127.0.0.1:9000"}.')
  }
  const keys: EndpointKey[] = ['s3', 'wasabi', 'gcs', 'sts', 'azureBlob', 'entraAuthority']
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error('CHECKS_ENDPOINT_OVERRIDES must be a JSON object.')
  const out: Partial<Record<EndpointKey, string>> = {}
  for (const [k, v] of Object.entries(parsed)) {
    if (!keys.includes(k as EndpointKey))
      throw new Error(`CHECKS_ENDPOINT_OVERRIDES: unknown key "${k}" (use ${keys.join(', ')}).`)
    if (typeof v !== 'string' || !/^https?:\/\/[^\s]+$/.test(v))
      throw new Error(`CHECKS_ENDPOINT_OVERRIDES.${k} must be an http(s) URL.`)
    out[k as EndpointKey] = v.replace(/\/+$/, '')
  }
  return out
}
