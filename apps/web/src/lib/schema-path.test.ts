// @vitest-environment node
import {
  CacheSchema,
  ChartRedisCacheSchema,
  LogStoreSchema,
  OtelEnabledSchema,
  S3AssumeAccessKeysSchema,
  SecretsSchema,
  validateConfig,
} from '@portkey-setup/schema'
import { fixtures } from '@portkey-setup/schema/fixtures'
import { describe, expect, it } from 'vitest'
import { initialValues, mergeValues } from './initial-values'
import { branchDefaults, fieldInfo, recordParts, schemaAt } from './schema-path'

describe('fieldInfo', () => {
  it('reads help text from the schema, on the branch the values choose', () => {
    expect(fieldInfo(['cache', 'url'], {}).description).toBe(ChartRedisCacheSchema.shape.url.description)
    const wasabi = { logStore: { type: 'wasabi' } }
    const s3 = { logStore: { type: 's3' } }
    expect(fieldInfo(['logStore', 'region'], wasabi).description).toMatch(/Wasabi region/)
    expect(fieldInfo(['logStore', 'region'], s3).env).toEqual(['LOG_STORE_REGION'])
    const assume = { logStore: { type: 's3_assume', auth: { method: 'access_keys' } } }
    expect(fieldInfo(['logStore', 'auth', 'externalId'], assume).description).toBe(
      S3AssumeAccessKeysSchema.shape.externalId.description,
    )
  })

  it('knows which fields are optional and which are secrets', () => {
    const netapp = { logStore: { type: 'netapp' } }
    expect(fieldInfo(['logStore', 'bucket'], netapp)).toMatchObject({ optional: true, secret: false })
    expect(fieldInfo(['logStore', 'secretKey'], netapp)).toMatchObject({ optional: false, secret: true })
    expect(fieldInfo(['registry', 'email'], { registry: { mode: 'create' } }).optional).toBe(true)
    expect(fieldInfo(['sync', 'organisations', 0], {}).description).toBeUndefined()
  })

  it('finds the key and value schemas of a record', () => {
    const parts = recordParts(schemaAt(['otel', 'resourceAttributes'], { otel: { enabled: true } })!)
    expect(parts?.key.safeParse('deployment.environment').success).toBe(true)
    expect(parts?.key.safeParse('bad key').success).toBe(false)
    expect(parts?.value).toBeDefined()
    expect(OtelEnabledSchema.shape.resourceAttributes).toBeDefined()
  })
})

describe('branchDefaults', () => {
  it('keeps only the new branch’s keys, with its defaults and first nested method', () => {
    expect(branchDefaults(LogStoreSchema, 's3')).toEqual({ type: 's3' })
    expect(branchDefaults(LogStoreSchema, 's3_assume')).toEqual({
      type: 's3_assume',
      auth: { method: 'access_keys' },
    })
    expect(branchDefaults(LogStoreSchema, 'azure')).toEqual({ type: 'azure', auth: { mode: 'key' } })
    expect(branchDefaults(SecretsSchema, 'vault')).toEqual({ mode: 'vault', host: 'vault.hashicorp.com' })
    expect(branchDefaults(SecretsSchema, 'existingSecret')).toEqual({
      mode: 'existingSecret',
      secretName: 'portkey-gateway-secrets',
    })
  })
})

describe('initial values', () => {
  it('start from the chart defaults and need only the user’s answers to be valid', () => {
    const start = initialValues()
    expect(start.chart).toEqual({ version: '1.7.7', releaseName: 'portkey-ai', namespace: 'portkeyai' })
    expect(start.logStore).toBeUndefined()
    const { registry, logStore, sync } = fixtures.s3
    const r = validateConfig(mergeValues(start, { registry, logStore, sync }))
    expect(r.valid).toBe(true)
  })

  it('never mixes two branches of a union when merging a draft', () => {
    const merged = mergeValues(
      { logStore: { type: 's3', bucket: 'x' }, cache: { store: 'redis', url: 'redis://redis:6379' } },
      { logStore: { type: 'azure', account: 'acct' }, cache: { store: 'custom' } },
    )
    expect(merged).toEqual({ logStore: { type: 'azure', account: 'acct' }, cache: { store: 'custom' } })
  })
})

describe('help for a choice between branches', () => {
  it('comes from the union, not from the chosen branch', async () => {
    const { LogStoreSchema: L, S3AssumeLogStoreSchema } = await import('@portkey-setup/schema')
    expect(fieldInfo(['logStore', 'type'], { logStore: { type: 'azure' } }).description).toBe(L.description)
    expect(fieldInfo(['logStore', 'auth', 'method'], { logStore: { type: 's3_assume' } }).description).toBe(
      S3AssumeLogStoreSchema.shape.auth.description,
    )
    // An enum (not a union) keeps its own help; a discriminator is explained by its union.
    expect(fieldInfo(['cache', 'mode'], {}).description).toBe(ChartRedisCacheSchema.shape.mode.description)
    expect(fieldInfo(['cache', 'store'], {}).description).toBe(CacheSchema.description)
  })
})
