import type { DeploymentConfigInput } from '@portkey-setup/schema'
import { beforeAll, describe, expect, it } from 'vitest'
import { configWith, motoSeed, ports, requirePeers, runOptions, testRoles } from '../test-support/peers.js'
import { expectFailure } from '../test-support/test-cases.js'
import { checkTarget } from './catalog.js'

beforeAll(() => requirePeers({ moto: ports.moto.port }))

const seed = () => motoSeed()
const run = (c: ReturnType<typeof configWith>, over = {}) => checkTarget(c, 'dataService', runOptions(over))
const s3Keys = (user: 'writer' | 'readonly' = 'writer'): DeploymentConfigInput['logStore'] => ({
  type: 's3',
  region: seed().region,
  bucket: seed().buckets.logs,
  accessKey: seed().users[user].accessKeyId,
  secretKey: seed().users[user].secretAccessKey,
})
const assumeKeys = (roleArn = seed().roles.logs.arn): DeploymentConfigInput['logStore'] => ({
  type: 's3_assume',
  region: seed().region,
  bucket: seed().buckets.logs,
  auth: {
    method: 'access_keys',
    accessKey: seed().users.assumer.accessKeyId,
    secretKey: seed().users.assumer.secretAccessKey,
    roleArn,
    externalId: seed().externalId,
  },
})
const ds = (logStore: DeploymentConfigInput['logStore'], over: Record<string, unknown> = {}) =>
  configWith({
    logStore,
    dataService: {
      enabled: true,
      finetunesBucket: seed().buckets.finetunes,
      finetunesRoleArn: seed().roles.logs.arn,
      ...over,
    },
  })

describe('dataService: Put/Get on the finetunes bucket with the log store identity', () => {
  it('with the s3 log store keys', async () => {
    const r = await run(ds(s3Keys()))
    expect(r.status, JSON.stringify(r)).toBe('pass')
    expect(r.steps.map((s) => [s.name, s.status])).toEqual([
      ['resolve', 'pass'],
      ['connect', 'pass'],
      ['write', 'pass'],
      ['read', 'pass'],
      ['finetunes-role', 'skipped'],
    ])
    expect(r.steps.find((s) => s.name === 'write')?.detail).toContain(`s3://${seed().buckets.finetunes}/`)
  })

  it('with the role the s3_assume keys assume, and the log exports bucket too', async () => {
    const r = await run(ds(assumeKeys(), { logExportsBucket: seed().buckets.logs }))
    expect(r.status, JSON.stringify(r)).toBe('pass')
    expect(r.steps.map((s) => s.name)).toContain('log-exports-write')
  })

  it('missing finetunes bucket: NOT_FOUND on dataService.finetunesBucket', async () => {
    const r = await run(ds(assumeKeys(testRoles().principal), { finetunesBucket: 'portkey-no-finetunes' }))
    expectFailure(r, 'NOT_FOUND', ['dataService', 'finetunesBucket'])
  })

  it('keys without s3:PutObject: ACCESS_DENIED on dataService.finetunesBucket', async () => {
    const r = await run(ds(s3Keys('readonly')))
    expectFailure(r, 'ACCESS_DENIED', ['dataService', 'finetunesBucket'])
  })

  it('wrong ExternalId of the log store role: ACCESS_DENIED at assume-role', async () => {
    const ls = assumeKeys() as Extract<DeploymentConfigInput['logStore'], { type: 's3_assume' }>
    const r = await run(
      ds({ ...ls, auth: { ...ls.auth, externalId: 'bad-external-id' } } as DeploymentConfigInput['logStore']),
    )
    expectFailure(r, 'ACCESS_DENIED', ['logStore', 'auth', 'externalId'])
  })

  it('IRSA log store: skipped, the identity exists only in the cluster', async () => {
    const r = await run(
      ds({
        type: 's3_assume',
        region: 'us-east-1',
        bucket: 'portkey-logs',
        auth: { method: 'irsa', roleArn: 'arn:aws:iam::123456789012:role/Irsa' },
      }),
    )
    expect(r.status).toBe('skipped')
    expect(r.steps.at(-1)?.detail).toMatch(/inside the cluster/)
  })

  it('disabled: skipped', async () => {
    const r = await run(configWith({ dataService: { enabled: false } }))
    expect(r.status).toBe('skipped')
  })
})
