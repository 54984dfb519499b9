import type { DeploymentConfigInput } from '@portkey-setup/schema'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  configWith,
  motoSeed,
  motoUrl,
  ports,
  requirePeers,
  runOptions,
  testRoles,
} from '../test-support/peers.js'
import { expectFailure, networkFailureCases } from '../test-support/test-cases.js'
import { checkTarget } from './catalog.js'
import { s3Target } from './s3.js'

beforeAll(() => requirePeers({ moto: ports.moto.port }))

const seed = () => motoSeed()
const run = (c: ReturnType<typeof configWith>, over = {}) => checkTarget(c, 'logStore', runOptions(over))
const keys = (user: 'writer' | 'readonly' = 'writer') => ({
  accessKey: seed().users[user].accessKeyId,
  secretKey: seed().users[user].secretAccessKey,
})
const s3 = (over: Record<string, unknown> = {}, type: 's3' | 'wasabi' | 'gcs' = 's3') =>
  configWith({
    logStore: {
      type,
      region: seed().region,
      bucket: seed().buckets.logs,
      ...keys(),
      ...over,
    } as DeploymentConfigInput['logStore'],
  })
const netapp = (basePath: string, over: Record<string, unknown> = {}) =>
  configWith({
    logStore: {
      type: 'netapp',
      region: seed().region,
      bucket: seed().buckets.logs,
      basePath,
      ...keys(),
      ...over,
    },
  })
const assume = (over: Record<string, unknown> = {}) => {
  const a = seed().users.assumer
  return configWith({
    logStore: {
      type: 's3_assume',
      region: seed().region,
      bucket: seed().buckets.logs,
      auth: {
        method: 'access_keys',
        accessKey: a.accessKeyId,
        secretKey: a.secretAccessKey,
        roleArn: seed().roles.logs.arn,
        externalId: seed().externalId,
        ...over,
      },
    },
  })
}

describe('logStore s3 family: PutObject then GetObject on moto (SigV4 and IAM enforced)', () => {
  it.each(['s3', 'wasabi', 'gcs'] as const)(
    '%s with access keys passes (endpoint overridden to moto)',
    async (type) => {
      const r = await run(s3({}, type))
      expect(r.status, JSON.stringify(r)).toBe('pass')
      expect(r.kind).toBe(type)
      expect(r.steps.map((s) => s.name)).toEqual(['resolve', 'connect', 'write', 'read'])
      // moto listens on an IP address: the step names it once instead of "127.0.0.1: 127.0.0.1".
      expect(r.steps.find((s) => s.name === 'resolve')?.detail).toBe(new URL(motoUrl()).hostname)
      expect(r.steps.find((s) => s.name === 'write')?.detail).toMatch(
        /portkey-setup-probe\/[0-9a-f-]{36}\.txt$/,
      )
    },
  )

  it('netapp with its base path passes (no override needed: the base path is the endpoint)', async () => {
    const r = await run(netapp(motoUrl()), { env: { extraCa: [] } })
    expect(r.status, JSON.stringify(r)).toBe('pass')
  })

  it('netapp without a bucket takes it from the base path', async () => {
    const r = await run(netapp(`${motoUrl()}/${seed().buckets.logs}`, { bucket: undefined }))
    expect(r.status, JSON.stringify(r)).toBe('pass')
  })

  it('wrong secret key: AUTH_FAILED on logStore.secretKey (SignatureDoesNotMatch)', async () => {
    const r = await run(s3({ secretKey: 'x'.repeat(40) }))
    expectFailure(r, 'AUTH_FAILED', ['logStore', 'secretKey'])
    expect(r.error?.message).toContain('SignatureDoesNotMatch')
  })

  it('unknown access key: AUTH_FAILED on logStore.accessKey (InvalidAccessKeyId)', async () => {
    const r = await run(s3({ accessKey: 'AKIAUNKNOWNKEY000000' }))
    expectFailure(r, 'AUTH_FAILED', ['logStore', 'accessKey'])
  })

  it('missing bucket: NOT_FOUND on logStore.bucket', async () => {
    // Keys allowed on every bucket, so moto reaches the bucket lookup instead of refusing by policy.
    const admin = seed().admin
    const r = await run(
      s3({
        bucket: 'portkey-no-such-bucket',
        accessKey: admin.accessKeyId,
        secretKey: admin.secretAccessKey,
      }),
    )
    expectFailure(r, 'NOT_FOUND', ['logStore', 'bucket'])
  })

  it('an IAM policy without s3:PutObject: ACCESS_DENIED at write, naming the action', async () => {
    const r = await run(s3(keys('readonly')))
    expectFailure(r, 'ACCESS_DENIED', ['logStore', 'bucket'])
    expect(r.steps.at(-1)?.name).toBe('write')
    expect(r.error?.hint).toContain('s3:PutObject')
  })

  networkFailureCases(
    'logStore',
    (host, port) => ({ config: netapp(`http://${host}:${port}`) }),
    ['logStore', 'basePath'],
    ['169.254.169.254', '0xA9FEA9FE', '[::ffff:169.254.169.254]', 'metadata.google.internal'],
  )

  it('endpoints per provider without overrides', () => {
    const env = {}
    const ls = (type: 's3' | 'wasabi' | 'gcs', region: string) =>
      ({ type, region, bucket: 'b-1', accessKey: 'AKIAX', secretKey: 'y' }) as Parameters<typeof s3Target>[1]
    expect(s3Target(env, ls('s3', 'eu-west-2')).endpoint.url).toBe('https://s3.eu-west-2.amazonaws.com')
    expect(s3Target(env, ls('s3', 'cn-north-1')).endpoint.url).toBe('https://s3.cn-north-1.amazonaws.com.cn')
    expect(s3Target(env, ls('wasabi', 'eu-central-1')).endpoint.url).toBe(
      'https://s3.eu-central-1.wasabisys.com',
    )
    expect(s3Target(env, ls('gcs', 'auto')).endpoint.url).toBe('https://storage.googleapis.com')
  })
})

describe('logStore s3_assume with access keys: STS AssumeRole with ExternalId, then Put/Get', () => {
  it('passes with the temporary credentials', async () => {
    const r = await run(assume())
    expect(r.status, JSON.stringify(r)).toBe('pass')
    expect(r.steps.map((s) => s.name)).toEqual(['resolve', 'connect', 'assume-role', 'write', 'read'])
  })

  it('wrong ExternalId: ACCESS_DENIED on logStore.auth.externalId', async () => {
    const r = await run(assume({ externalId: 'not-the-external-id' }))
    expectFailure(r, 'ACCESS_DENIED', ['logStore', 'auth', 'externalId'])
    expect(r.steps.at(-1)?.name).toBe('assume-role')
  })

  it('a role whose trust policy names another principal: ACCESS_DENIED', async () => {
    const r = await run(assume({ roleArn: seed().roles.untrusted.arn }))
    expectFailure(r, 'ACCESS_DENIED')
  })

  it('keys without sts:AssumeRole: ACCESS_DENIED', async () => {
    const w = seed().users.writer
    const r = await run(assume({ accessKey: w.accessKeyId, secretKey: w.secretAccessKey }))
    expectFailure(r, 'ACCESS_DENIED')
  })

  it('wrong secret key: AUTH_FAILED on logStore.auth.secretKey', async () => {
    const r = await run(assume({ secretKey: 'y'.repeat(40) }))
    expectFailure(r, 'AUTH_FAILED', ['logStore', 'auth', 'secretKey'])
  })

  it('an assumed role without s3:PutObject: ACCESS_DENIED at write', async () => {
    const r = await run(assume({ roleArn: testRoles().readonly }))
    expectFailure(r, 'ACCESS_DENIED', ['logStore', 'bucket'])
    expect(r.steps.at(-1)?.name).toBe('write')
  })

  it('missing bucket (role allowed on every bucket): NOT_FOUND', async () => {
    const c = assume({ roleArn: testRoles().principal })
    if (c.logStore.type !== 's3_assume') throw new Error('fixture')
    const r = await run({ ...c, logStore: { ...c.logStore, bucket: 'portkey-missing-bucket' } })
    expectFailure(r, 'NOT_FOUND', ['logStore', 'bucket'])
  })

  it('STS unreachable (refused): CONNECTION_REFUSED on logStore.region', async () => {
    const r = await run(assume(), {
      env: { endpointOverrides: { sts: 'http://127.0.0.1:1', s3: motoUrl() } },
    })
    expectFailure(r, 'CONNECTION_REFUSED', ['logStore', 'region'])
  })

  it.each([
    ['irsa', { method: 'irsa', roleArn: 'arn:aws:iam::123456789012:role/PortkeyIrsa' }, /EKS cluster/],
    ['imds', { method: 'imds', imdsV1: false }, /instance metadata/],
  ])('%s is skipped from outside the cluster, saying how to prove it inside', async (_n, auth, why) => {
    const c = configWith({
      logStore: {
        type: 's3_assume',
        region: 'us-east-1',
        bucket: 'portkey-logs',
        auth,
      } as DeploymentConfigInput['logStore'],
    })
    const r = await run(c)
    expect(r.status).toBe('skipped')
    expect(r.steps[0]?.detail).toMatch(why)
    expect(r.steps[0]?.detail).toMatch(/aws s3 cp/)
  })
})
