import { beforeAll, describe, expect, it } from 'vitest'
import { configWith, motoSeed, ports, requirePeers, runOptions, testRoles } from '../test-support/peers.js'
import { expectFailure } from '../test-support/test-cases.js'
import { checkTarget } from './catalog.js'

beforeAll(() => requirePeers({ moto: ports.moto.port }))

const seed = () => motoSeed()
const run = (c: ReturnType<typeof configWith>, over = {}) => checkTarget(c, 'bedrock', runOptions(over))
const keys = (user: 'assumer' | 'writer' = 'assumer', secret?: string) => ({
  accessKeyId: seed().users[user].accessKeyId,
  secretAccessKey: secret ?? seed().users[user].secretAccessKey,
  region: seed().region,
})
const bedrock = (o: Record<string, unknown> = {}) =>
  configWith({
    bedrock: {
      enabled: true,
      region: seed().region,
      role: 'principal',
      principalRoleArn: seed().roles.bedrock.arn,
      externalId: seed().externalId,
      assumeRoleCredentials: keys(),
      ...o,
    },
  })

describe('bedrock: STS AssumeRole of the principal (or separate) role', () => {
  it('principal role with its ExternalId: pass, and no model is invoked', async () => {
    const r = await run(bedrock())
    expect(r.status, JSON.stringify(r)).toBe('pass')
    expect(r.steps.map((s) => [s.name, s.status])).toEqual([
      ['resolve', 'pass'],
      ['connect', 'pass'],
      ['assume-role', 'pass'],
      ['invoke', 'skipped'],
    ])
  })

  it('wrong ExternalId: ACCESS_DENIED on bedrock.externalId', async () => {
    const r = await run(bedrock({ externalId: 'wrong-external-id' }))
    expectFailure(r, 'ACCESS_DENIED', ['bedrock', 'externalId'])
  })

  it('a role that does not trust these keys: ACCESS_DENIED', async () => {
    const r = await run(bedrock({ principalRoleArn: seed().roles.untrusted.arn }))
    expectFailure(r, 'ACCESS_DENIED')
  })

  it('wrong secret: AUTH_FAILED on bedrock.assumeRoleCredentials.secretAccessKey', async () => {
    const r = await run(bedrock({ assumeRoleCredentials: keys('assumer', 'z'.repeat(40)) }))
    expectFailure(r, 'AUTH_FAILED', ['bedrock', 'assumeRoleCredentials', 'secretAccessKey'])
  })

  describe('separate role: the principal assumes it in turn (role chaining)', () => {
    // Method 1: the principal role is the log store role, assumed with the log store ExternalId.
    const chained = (separateExternalId: string) => {
      const t = testRoles()
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
            roleArn: t.principal,
            externalId: seed().externalId,
          },
        },
        bedrock: {
          enabled: true,
          region: seed().region,
          role: 'separate',
          principalRoleArn: t.principal,
          separateRoleArn: t.separate,
          externalId: separateExternalId,
          assumeRoleCredentials: keys(),
        },
      })
    }

    it('passes: principal with the log store ExternalId, separate with the Bedrock ExternalId', async () => {
      const r = await run(chained(testRoles().separateExternalId))
      expect(r.status, JSON.stringify(r)).toBe('pass')
      expect(r.steps.map((s) => s.name)).toEqual([
        'resolve',
        'connect',
        'assume-role',
        'assume-separate-role',
        'invoke',
      ])
    })

    it('wrong ExternalId of the separate role: ACCESS_DENIED at assume-separate-role', async () => {
      const r = await run(chained('wrong-separate-ext'))
      expectFailure(r, 'ACCESS_DENIED', ['bedrock', 'externalId'])
      expect(r.steps.at(-1)?.name).toBe('assume-separate-role')
    })
  })

  it('without assume-role keys (IRSA or IMDS): skipped, saying how to prove it after install', async () => {
    const r = await run(bedrock({ assumeRoleCredentials: undefined }))
    expect(r.status).toBe('skipped')
    expect(r.steps.at(-1)?.detail).toMatch(/IRSA or the node role/)
  })

  it('STS unreachable: CONNECTION_REFUSED', async () => {
    const r = await run(bedrock(), { env: { endpointOverrides: { sts: 'http://127.0.0.1:1' } } })
    expectFailure(r, 'CONNECTION_REFUSED', ['bedrock', 'assumeRoleCredentials', 'region'])
  })

  it('STS accepts and never answers: TIMEOUT within the deadline + 0.5 s', async () => {
    const t0 = performance.now()
    const r = await run(bedrock(), {
      timeoutMs: 1500,
      env: { endpointOverrides: { sts: `http://127.0.0.1:${ports.blackhole.port}` } },
    })
    expect(performance.now() - t0).toBeLessThan(2000)
    expectFailure(r, 'TIMEOUT', ['bedrock', 'assumeRoleCredentials', 'region'])
    expect(r.steps.at(-1)?.name).toBe('assume-role')
  })

  it('STS endpoint at a metadata address: TARGET_BLOCKED', async () => {
    const r = await run(bedrock(), { env: { endpointOverrides: { sts: 'http://169.254.169.254' } } })
    expectFailure(r, 'TARGET_BLOCKED')
  })

  it('disabled: skipped', async () => {
    const r = await checkTarget(configWith({ bedrock: { enabled: false } }), 'bedrock', runOptions())
    expect(r.status).toBe('skipped')
  })
})
