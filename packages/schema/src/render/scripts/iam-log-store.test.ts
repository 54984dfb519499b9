import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  ACCOUNT,
  aws,
  changes,
  DESCRIPTION,
  ISSUER,
  PROVIDER_ARN,
  run,
  withAuth,
} from '../../test-support/aws-stub.js'
import { writeBundleDir } from '../../test-support/bundle-dir.js'
import { fixtureConfig } from '../../test-support/fixture-configs.js'
import { argvOf, cleanupTemp, runScript, tempDir } from '../../test-support/stub-bin.js'

afterAll(cleanupTemp)

const withPrincipal = withAuth('s3-assume-access-keys', {
  portkeyPrincipalArn: 'arn:aws:iam::111122223333:root',
})

describe('iam-s3-role.sh (access keys + ExternalId)', () => {
  it('refuses while the Portkey principal is a placeholder', () => {
    const r = run(fixtureConfig('s3-assume-access-keys'), 'iam-s3-role.sh', aws())
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/placeholder/)
    expect(r.calls).toEqual([])
  })

  it('creates the role with the trust file and puts the S3 policy', () => {
    const r = run(withPrincipal, 'iam-s3-role.sh', aws())
    expect(r.status).toBe(0)
    expect(changes(r)).toEqual([
      [
        'iam',
        'create-role',
        '--role-name',
        'PortkeyLogs',
        '--path',
        '/',
        '--assume-role-policy-document',
        'file://../iam/s3-cross-account-trust-policy.json',
        ...DESCRIPTION,
      ],
      [
        'iam',
        'put-role-policy',
        '--role-name',
        'PortkeyLogs',
        '--policy-name',
        'portkey-log-store-access',
        '--policy-document',
        'file://../iam/s3-log-access-policy.json',
      ],
    ])
  })

  it('updates the trust of an existing role', () => {
    const r = run(withPrincipal, 'iam-s3-role.sh', aws([{ match: 'iam get-role *' }]))
    expect(changes(r)[0]?.slice(0, 4)).toEqual([
      'iam',
      'update-assume-role-policy',
      '--role-name',
      'PortkeyLogs',
    ])
  })

  it('refuses to work in another account', () => {
    const r = run(withPrincipal, 'iam-s3-role.sh', aws([], '999999999999'))
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/account 999999999999.*123456789012/)
    expect(changes(r)).toEqual([])
  })
})

describe('iam-irsa.sh', () => {
  const irsa = fixtureConfig('s3-assume-irsa')

  it('registers the OIDC provider, creates the role and puts the S3 policy', () => {
    const r = run(irsa, 'iam-irsa.sh', aws())
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const calls = argvOf(r, 'aws')
    expect(calls).toContainEqual([
      'eks',
      'describe-cluster',
      '--name',
      'acme-eks',
      '--region',
      'us-west-2',
      '--query',
      'cluster.identity.oidc.issuer',
      '--output',
      'text',
    ])
    expect(calls).toContainEqual([
      'iam',
      'get-open-id-connect-provider',
      '--open-id-connect-provider-arn',
      PROVIDER_ARN,
    ])
    expect(changes(r)).toEqual([
      ['iam', 'create-open-id-connect-provider', '--url', ISSUER, '--client-id-list', 'sts.amazonaws.com'],
      [
        'iam',
        'create-role',
        '--role-name',
        'PortkeyIrsa',
        '--path',
        '/',
        '--assume-role-policy-document',
        'file://../iam/irsa-trust-policy.json',
        ...DESCRIPTION,
      ],
      [
        'iam',
        'put-role-policy',
        '--role-name',
        'PortkeyIrsa',
        '--policy-name',
        'portkey-log-store-access',
        '--policy-document',
        'file://../iam/s3-log-access-policy.json',
      ],
    ])
  })

  it('prefers eksctl when it is installed, and honours AWS_REGION', () => {
    const dir = writeBundleDir(irsa)
    const r = runScript(
      join(dir, 'scripts/iam-irsa.sh'),
      { aws: aws(), eksctl: [] },
      { env: { AWS_REGION: 'eu-west-1' } },
    )
    expect(r.status).toBe(0)
    expect(argvOf(r, 'eksctl')).toEqual([
      ['utils', 'associate-iam-oidc-provider', '--cluster', 'acme-eks', '--region', 'eu-west-1', '--approve'],
    ])
    expect(changes(r).map((a) => a[1])).toEqual(['create-role', 'put-role-policy'])
  })

  it('stops when the cluster issuer differs from the trust policy', () => {
    const r = run(irsa, 'iam-irsa.sh', aws([], ACCOUNT, 'https://oidc.eks.us-west-2.amazonaws.com/id/OTHER'))
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/uses the OIDC issuer .*OTHER/)
    expect(changes(r)).toEqual([])
  })

  it('names the issuer to enter when the config has none, and refuses a missing cluster name', () => {
    const auth = { method: 'irsa', roleArn: 'arn:aws:iam::123456789012:role/PortkeyIrsa' }
    const noIssuer = withAuth('s3-assume-irsa', { ...auth, clusterName: 'acme-eks' }, true)
    const r = run(noIssuer, 'iam-irsa.sh', aws())
    expect(r.status).toBe(1)
    expect(r.stderr).toContain(`the OIDC issuer of acme-eks is ${ISSUER}`)
    expect(changes(r)).toEqual([])
    const noCluster = withAuth('s3-assume-irsa', auth, true)
    const r2 = run(noCluster, 'iam-irsa.sh', aws())
    expect(r2.stderr).toMatch(/CLUSTER_NAME is still the placeholder <cluster-name>/)
    expect(r2.calls).toEqual([])
  })

  it('passes a hostile OIDC URL verbatim and never runs it', () => {
    const marker = join(tempDir('pk-pwned-'), 'pwned')
    const url = `https://oidc.eks.us-west-2.amazonaws.com/id/$(touch\${IFS}${marker})'\`touch\${IFS}${marker}\`"`
    const config = withAuth('s3-assume-irsa', { oidcProviderUrl: url })
    const r = run(config, 'iam-irsa.sh', aws([], ACCOUNT, url))
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(argvOf(r, 'aws')).toContainEqual([
      'iam',
      'create-open-id-connect-provider',
      '--url',
      url,
      '--client-id-list',
      'sts.amazonaws.com',
    ])
    expect(existsSync(marker)).toBe(false)
  })
})

describe('iam-imds.sh', () => {
  const policyArn = `arn:aws:iam::${ACCOUNT}:policy/portkey-log-store-acme-imds-logs`

  it('creates role, customer-managed policy (real ARN) and instance profile', () => {
    const r = run(fixtureConfig('s3-assume-imds-v1'), 'iam-imds.sh', aws())
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(changes(r)).toEqual([
      [
        'iam',
        'create-role',
        '--role-name',
        'PortkeyNodeRole',
        '--assume-role-policy-document',
        'file://../iam/ec2-trust-policy.json',
        ...DESCRIPTION,
      ],
      [
        'iam',
        'create-policy',
        '--policy-name',
        'portkey-log-store-acme-imds-logs',
        '--policy-document',
        'file://../iam/s3-log-access-policy.json',
      ],
      ['iam', 'attach-role-policy', '--role-name', 'PortkeyNodeRole', '--policy-arn', policyArn],
      ['iam', 'create-instance-profile', '--instance-profile-name', 'PortkeyNodeRole'],
      [
        'iam',
        'add-role-to-instance-profile',
        '--instance-profile-name',
        'PortkeyNodeRole',
        '--role-name',
        'PortkeyNodeRole',
      ],
    ])
    expect(r.stdout).toContain('aws ec2 associate-iam-instance-profile --instance-id <instance-id>')
  })

  it('reuses what exists: new policy version, no second role in the profile', () => {
    const r = run(
      fixtureConfig('s3-assume-imds-v1'),
      'iam-imds.sh',
      aws([
        { match: 'iam get-instance-profile * --query *', stdout: 'PortkeyNodeRole' },
        { match: 'iam get-*' },
      ]),
    )
    expect(r.status).toBe(0)
    expect(changes(r)).toEqual([
      [
        'iam',
        'create-policy-version',
        '--policy-arn',
        policyArn,
        '--policy-document',
        'file://../iam/s3-log-access-policy.json',
        '--set-as-default',
      ],
      ['iam', 'attach-role-policy', '--role-name', 'PortkeyNodeRole', '--policy-arn', policyArn],
    ])
  })

  it('refuses without a role name', () => {
    const r = run(fixtureConfig('s3-assume-imds-v2'), 'iam-imds.sh', aws())
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/ROLE_NAME is still the placeholder <role-name>/)
    expect(r.calls).toEqual([])
  })
})
