import { describe, expect, it } from 'vitest'
import { supports } from '../chart/capabilities.js'
import { toEnvironment } from '../env/index.js'
import { withPatch } from '../fixtures/base.js'
import { fixtures, SENTINEL } from '../fixtures/index.js'
import { configJsonSchema } from '../json-schema.js'
import { envData } from '../render/env-data.js'
import { renderValuesYaml } from '../render/values-yaml.js'
import { DeploymentConfigSchema } from './index.js'
import { HTTP_URL, HTTP_URL_WITH_BUCKET } from './patterns.js'

const issues = (input: unknown) => {
  const r = DeploymentConfigSchema.safeParse(input)
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
}
const at = (version: string, input: Record<string, unknown>) =>
  ({ ...input, chart: { version, releaseName: 'portkey-ai', namespace: 'portkeyai' } }) as never

describe('versions of the stores and options added since chart 1.0.7', () => {
  it.each([
    ['s3Custom', '1.4.1', false],
    ['s3Custom', '1.5.0', true],
    ['minio', '1.5.0', true],
    ['milvus', '1.4.1', false],
    ['redisTlsAnyStore', '1.0.7', false],
    ['redisTlsAnyStore', '1.1.0', true],
    ['otelExporterOptions', '1.7.6', false],
    ['otelExporterOptions', '1.7.7', true],
    ['vaultSecretName', '1.0.7', false],
  ] as const)('%s at %s: %s', (id, v, yes) => expect(supports(v, id)).toBe(yes))

  it.each([
    ['s3-custom', '1.4.1', 'logStore.type'],
    ['minio-log-store', '1.4.1', 'logStore.type'],
    ['milvus-external', '1.4.1', 'semanticCache.enabled'],
    ['otel-headers', '1.7.6', 'otel.headers'],
    ['vault-secret-name', '1.0.7', 'secrets.kubernetesSecret'],
    ['cache-custom-tls', '1.0.7', 'cache.tls'],
  ] as const)('%s at chart %s: refused at %s, naming the versions that work', (name, v, path) => {
    const found = issues(at(v, fixtures[name]))
    const mine = found.find((i) => i.path === path)
    expect(mine?.message, JSON.stringify(found)).toMatch(/needs chart \d+\.\d+\.\d+ or later, and chart/)
  })

  it('otel-headers at 1.7.6 refuses the protocol too, and without both it is fine', () => {
    const paths = issues(at('1.7.6', fixtures['otel-headers'])).map((i) => i.path)
    expect(paths).toEqual(['otel.headers', 'otel.protocol'])
    expect(issues(at('1.7.6', fixtures.otel))).toEqual([])
  })

  it('custom Redis TLS: refused with rediss:// too on 1.0.7, accepted on 1.1.0', () => {
    expect(issues(at('1.0.7', fixtures['cache-custom-tls'])).map((i) => i.path)).toEqual([
      'cache.tls',
      'cache.url',
    ])
    expect(issues(at('1.1.0', fixtures['cache-custom-tls']))).toEqual([])
  })

  it('the chart’s own Redis never takes TLS', () => {
    const c = withPatch({
      cache: { store: 'redis', url: 'redis://redis:6379', tls: true, mode: 'standalone' },
    })
    expect(issues(c)).toEqual([{ path: 'cache.tls', message: expect.stringMatching(/does not speak TLS/) }])
  })
})

describe('the chart’s MinIO and Milvus', () => {
  it('MinIO keys made by the chart would land in values.yaml: refused unless secrets are inline', () => {
    const c = { ...fixtures['minio-log-store'], secrets: { mode: 'existingSecret', secretName: 'x' } }
    expect(issues(c)).toEqual([
      { path: 'logStore.credentials.source', message: expect.stringMatching(/A Secret you create/) },
    ])
  })

  it('the chart’s Milvus needs the chart’s MinIO as the log store', () => {
    const c = { ...fixtures['milvus-semantic-cache'], logStore: fixtures.s3.logStore }
    expect(issues(c)).toEqual([
      {
        path: 'semanticCache.milvus.source',
        message: expect.stringMatching(/choose MinIO as the log store/),
      },
    ])
  })

  it('a MinIO password under 8 characters gets the reason', () => {
    const c = {
      ...fixtures['minio-log-store'],
      logStore: { ...fixtures['minio-log-store'].logStore, secretKey: 'short' },
    }
    expect(issues(c)).toEqual([{ path: 'logStore.secretKey', message: expect.stringMatching(/at least 8/) }])
  })

  it('MinIO is s3_custom to the gateway, at the chart’s Service, with the bucket the chart creates', () => {
    const env = toEnvironment(DeploymentConfigSchema.parse(fixtures['minio-log-store']))
    expect(env).toMatchObject({
      LOG_STORE: 's3_custom',
      LOG_STORE_BASEPATH: 'http://minio:9000/acme-minio-logs',
      LOG_STORE_GENERATIONS_BUCKET: 'acme-minio-logs',
    })
  })

  it('with a MinIO Secret of your own, no MinIO key is in values.yaml (secrets in an existing Secret)', () => {
    const c = DeploymentConfigSchema.parse(fixtures['minio-existing-secret'])
    const text = renderValuesYaml(c)
    expect(text).not.toContain(SENTINEL)
    expect(text).toContain('existingSecret: "acme-minio-credentials"')
    expect(envData(c).secretKeys).toContain('LOG_STORE_SECRET_KEY')
  })
})

describe('field rules', () => {
  it.each([
    ['Authorization=Bearer abc', true],
    ['a=1,b=2', true],
    ['x-api-key=', true],
    ['no equals sign', false],
    ['a=1,,b=2', false],
    ['bad name=1', false],
  ])('OTEL headers %j: valid %s', (headers, ok) => {
    const c = { ...fixtures['otel-headers'], otel: { ...fixtures['otel-headers'].otel, headers } }
    expect(issues(c).length === 0).toBe(ok)
  })

  it('the Vault Secret name is a Kubernetes name', () => {
    const c = {
      ...fixtures['vault-secret-name'],
      secrets: { ...fixtures['vault-secret-name'].secrets, kubernetesSecret: 'Bad_Name' },
    }
    expect(issues(c).map((i) => i.path)).toEqual(['secrets.kubernetesSecret'])
  })
})

describe('the s3_custom base path in JSON Schema', () => {
  const schemaOf = () => {
    const all = JSON.stringify(configJsonSchema())
    const m = all.match(/"LOG_STORE_BASEPATH"[^}]*/g) ?? []
    return all.includes(HTTP_URL_WITH_BUCKET.source.replaceAll('\\', '\\\\')) && m.length > 0
  }
  it('carries the pattern that requires a bucket', () => expect(schemaOf()).toBe(true))

  it.each([
    'https://s3.acme.internal/logs',
    'https://s3.acme.internal:9000/logs/gw',
    'http://10.0.0.5//logs',
    'https://s3.acme.internal',
    'https://s3.acme.internal/',
    'https://s3.acme.internal/?x=1',
    'https://s3.acme.internal/#a',
    'https://s3.acme.internal/\\\\',
    'https://s3.acme.internal/\\\\x',
    'https://s3.acme.internal/%20',
  ])('%s: the pattern and the field agree', (basePath) => {
    const c = { ...fixtures['s3-custom'], logStore: { ...fixtures['s3-custom'].logStore, basePath } }
    const apiAccepts = DeploymentConfigSchema.safeParse(c).success
    expect(HTTP_URL_WITH_BUCKET.test(basePath) && HTTP_URL.test(basePath)).toBe(apiAccepts)
  })
})
