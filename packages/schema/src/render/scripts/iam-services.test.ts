import { afterAll, describe, expect, it } from 'vitest'
import { aws, changes, DESCRIPTION, run } from '../../test-support/aws-stub.js'
import { fixtureConfig } from '../../test-support/fixture-configs.js'
import { cleanupTemp, type StubRule } from '../../test-support/stub-bin.js'

afterAll(cleanupTemp)

describe('iam-bedrock.sh, iam-data-service.sh, iam-s3-user.sh', () => {
  const roleExists: StubRule[] = [{ match: 'iam get-role *' }]

  it('puts the invoke policy on the principal role', () => {
    const r = run(fixtureConfig('bedrock-principal'), 'iam-bedrock.sh', aws(roleExists))
    expect(r.status).toBe(0)
    expect(changes(r)).toEqual([
      [
        'iam',
        'put-role-policy',
        '--role-name',
        'PortkeyLogs',
        '--policy-name',
        'portkey-bedrock-invoke',
        '--policy-document',
        'file://../iam/bedrock-invoke-policy.json',
      ],
    ])
    const missing = run(fixtureConfig('bedrock-principal'), 'iam-bedrock.sh', aws())
    expect(missing.status).toBe(1)
    expect(changes(missing)).toEqual([])
  })

  it('creates the separate role and lets the principal assume it', () => {
    const r = run(
      fixtureConfig('bedrock-separate'),
      'iam-bedrock.sh',
      aws([{ match: 'iam get-role --role-name PortkeyLogs' }]),
    )
    expect(r.stderr).toBe('')
    expect(changes(r)).toEqual([
      [
        'iam',
        'create-role',
        '--role-name',
        'PortkeyBedrock',
        '--path',
        '/',
        '--assume-role-policy-document',
        'file://../iam/bedrock-role-trust-policy.json',
        ...DESCRIPTION,
      ],
      [
        'iam',
        'put-role-policy',
        '--role-name',
        'PortkeyBedrock',
        '--policy-name',
        'portkey-bedrock-invoke',
        '--policy-document',
        'file://../iam/bedrock-invoke-policy.json',
      ],
      [
        'iam',
        'put-role-policy',
        '--role-name',
        'PortkeyLogs',
        '--policy-name',
        'portkey-bedrock-assume-role',
        '--policy-document',
        'file://../iam/bedrock-assume-role-policy.json',
      ],
    ])
  })

  it('grants the data service role its buckets, only when the role exists', () => {
    const r = run(fixtureConfig('data-service'), 'iam-data-service.sh', aws(roleExists))
    expect(changes(r)).toEqual([
      [
        'iam',
        'put-role-policy',
        '--role-name',
        'PortkeyFinetunes',
        '--policy-name',
        'portkey-data-service',
        '--policy-document',
        'file://../iam/data-service-policy.json',
      ],
    ])
    const missing = run(fixtureConfig('data-service'), 'iam-data-service.sh', aws())
    expect(missing.status).toBe(1)
    expect(missing.stderr).toMatch(/does not exist yet/)
  })

  it('puts the S3 policy on the IAM user named on the command line', () => {
    const usage = run(fixtureConfig('s3'), 'iam-s3-user.sh', aws())
    expect(usage.status).toBe(1)
    expect(usage.calls).toEqual([])
    const r = run(fixtureConfig('s3'), 'iam-s3-user.sh', aws([{ match: 'iam get-user *' }]), {
      args: ['portkey-logs'],
    })
    expect(r.status).toBe(0)
    expect(changes(r)).toEqual([
      [
        'iam',
        'put-user-policy',
        '--user-name',
        'portkey-logs',
        '--policy-name',
        'portkey-log-store-access',
        '--policy-document',
        'file://../iam/s3-log-access-policy.json',
      ],
    ])
  })
})
