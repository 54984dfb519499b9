import { beforeAll, describe, expect, it } from 'vitest'
import { configWith, motoSeed, motoUrl, ports, requirePeers, runOptions } from '../test-support/peers.js'
import { expectFailure, networkFailureCases } from '../test-support/test-cases.js'
import { checkTarget } from './catalog.js'
import { basePathTarget } from './s3-custom.js'

beforeAll(() => requirePeers({ moto: ports.moto.port }))

const seed = () => motoSeed()
const custom = (basePath: string, over: Record<string, unknown> = {}) =>
  configWith({
    logStore: {
      type: 's3_custom',
      basePath,
      region: seed().region,
      accessKey: seed().users.writer.accessKeyId,
      secretKey: seed().users.writer.secretAccessKey,
      ...over,
    },
  })
const run = (c: ReturnType<typeof configWith>) => checkTarget(c, 'logStore', runOptions())

describe('logStore s3_custom: PutObject then GetObject under the base path on moto (SigV4 and IAM enforced)', () => {
  it('passes, writing below the folder of the base path', async () => {
    const r = await run(custom(`${motoUrl()}/${seed().buckets.logs}/gateway/logs`))
    expect(r.status, JSON.stringify(r)).toBe('pass')
    expect(r.kind).toBe('s3_custom')
    expect(r.steps.map((s) => s.name)).toEqual(['resolve', 'connect', 'write', 'read'])
    expect(r.steps.find((s) => s.name === 'write')?.detail).toMatch(
      new RegExp(`^wrote s3://${seed().buckets.logs}/gateway/logs/portkey-setup-probe/[0-9a-f-]{36}\\.txt$`),
    )
  })

  it('a base path that is just the bucket passes too', async () => {
    const r = await run(custom(`${motoUrl()}/${seed().buckets.logs}`))
    expect(r.status, JSON.stringify(r)).toBe('pass')
  })

  it('wrong secret key: AUTH_FAILED on logStore.secretKey, and the key is in no message', async () => {
    const wrong = 'w'.repeat(40)
    const r = await run(custom(`${motoUrl()}/${seed().buckets.logs}`, { secretKey: wrong }))
    expectFailure(r, 'AUTH_FAILED', ['logStore', 'secretKey'])
    expect(JSON.stringify(r)).not.toContain(wrong)
  })

  it('keys without s3:PutObject: ACCESS_DENIED at write', async () => {
    const ro = seed().users.readonly
    const r = await run(
      custom(`${motoUrl()}/${seed().buckets.logs}/gateway`, {
        accessKey: ro.accessKeyId,
        secretKey: ro.secretAccessKey,
      }),
    )
    expect(r.status).toBe('fail')
    expect(r.error?.code).toBe('ACCESS_DENIED')
    expect(r.steps.at(-1)?.name).toBe('write')
  })

  it('a bucket that does not exist: NOT_FOUND pointing at the base path', async () => {
    const admin = seed().admin
    const r = await run(
      custom(`${motoUrl()}/portkey-no-such-bucket/x`, {
        accessKey: admin.accessKeyId,
        secretKey: admin.secretAccessKey,
      }),
    )
    expectFailure(r, 'NOT_FOUND', ['logStore', 'basePath'])
  })

  networkFailureCases(
    'logStore',
    (host, port) => ({ config: custom(`http://${host}:${port}/portkey-logs`) }),
    ['logStore', 'basePath'],
    ['169.254.169.254', '0xA9FEA9FE', '[::ffff:169.254.169.254]', 'metadata.google.internal'],
  )

  it('splits the base path into endpoint, bucket and key prefix', () => {
    expect(basePathTarget('https://s3.acme.internal:9000/logs/a/b/')).toEqual({
      endpoint: { url: 'https://s3.acme.internal:9000', overridden: false },
      bucket: 'logs',
      prefix: 'a/b/',
    })
    expect(basePathTarget('http://minio:9000/logs').prefix).toBe('')
  })
})

describe('logStore minio: the chart\u2019s MinIO lives in the cluster', () => {
  it('is skipped with the reason and what to look at after installing', async () => {
    const r = await run(
      configWith({
        logStore: {
          type: 'minio',
          bucket: 'portkey-logs',
          accessKey: 'portkey-minio',
          secretKey: 'minio-pass-123',
        },
      }),
    )
    expect(r.status).toBe('skipped')
    expect(r.kind).toBe('minio-in-cluster')
    expect(JSON.stringify(r)).toMatch(/inside the cluster/)
    expect(JSON.stringify(r)).not.toContain('minio-pass-123')
  })
})
