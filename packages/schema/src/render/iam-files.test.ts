import { describe, expect, it } from 'vitest'
import { DeploymentConfigSchema } from '../config/index.js'
import { baseConfig, SENTINEL } from '../fixtures/index.js'
import { fixtureConfig, fixtureConfigs } from '../test-support/fixture-configs.js'
import { IAM_FILES, iamPolicyFiles, partitionOfRegion } from './iam-files.js'

const parsed = (name: Parameters<typeof fixtureConfig>[0]) =>
  Object.fromEntries(iamPolicyFiles(fixtureConfig(name)).map((f) => [f.path, JSON.parse(f.content)]))

const EXPECTED: Record<string, string[]> = {
  s3: [IAM_FILES.s3Access],
  's3-assume-access-keys': [IAM_FILES.crossAccountTrust, IAM_FILES.s3Access],
  's3-assume-irsa': [IAM_FILES.irsaTrust, IAM_FILES.s3Access],
  's3-assume-imds-v1': [IAM_FILES.ec2Trust, IAM_FILES.s3Access],
  's3-assume-imds-v2': [IAM_FILES.ec2Trust, IAM_FILES.s3Access],
  'bedrock-principal': [IAM_FILES.bedrockInvoke, IAM_FILES.crossAccountTrust, IAM_FILES.s3Access],
  'bedrock-separate': [
    IAM_FILES.bedrockAssume,
    IAM_FILES.bedrockInvoke,
    IAM_FILES.bedrockTrust,
    IAM_FILES.s3Access,
  ],
  'data-service': [IAM_FILES.dataService, IAM_FILES.s3Access],
  mongo: [],
  wasabi: [],
  gcs: [],
  netapp: [],
  'azure-entra': [],
}

describe('iamPolicyFiles', () => {
  it.each(Object.entries(EXPECTED))('%s ships exactly the policies its path needs', (name, paths) => {
    const files = iamPolicyFiles(fixtureConfig(name as Parameters<typeof fixtureConfig>[0]))
    expect(files.map((f) => f.path)).toEqual(paths)
  })

  it('writes pretty, parseable JSON with one trailing newline, mode 0644, no secret, same every time', () => {
    for (const [name, config] of fixtureConfigs()) {
      const files = iamPolicyFiles(config)
      expect(iamPolicyFiles(config), name).toEqual(files)
      for (const f of files) {
        expect(f.mode).toBe(0o644)
        expect(f.content.endsWith('}\n') && !f.content.endsWith('\n\n')).toBe(true)
        expect(f.content).toBe(`${JSON.stringify(JSON.parse(f.content), null, 2)}\n`)
        expect(f.content).not.toContain(SENTINEL)
      }
    }
  })

  it('grants object access on the log bucket and its objects', () => {
    expect(parsed('s3-assume-access-keys')[IAM_FILES.s3Access].Statement).toEqual([
      {
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject'],
        Resource: ['arn:aws:s3:::acme-assumed-logs', 'arn:aws:s3:::acme-assumed-logs/*'],
      },
    ])
  })

  it('requires the ExternalId in the cross-account trust, with a placeholder for the Portkey principal', () => {
    const [stmt] = parsed('s3-assume-access-keys')[IAM_FILES.crossAccountTrust].Statement
    expect(stmt.Condition).toEqual({ StringEquals: { 'sts:ExternalId': 'acme-external-id-42' } })
    expect(stmt.Principal).toEqual({ AWS: '<arn-shared-by-portkey>' })
  })

  it('scopes the IRSA trust to the namespace through the cluster OIDC provider', () => {
    const [stmt] = parsed('s3-assume-irsa')[IAM_FILES.irsaTrust].Statement
    const provider = 'oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE'
    expect(stmt.Principal.Federated).toBe(`arn:aws:iam::123456789012:oidc-provider/${provider}`)
    expect(stmt.Action).toBe('sts:AssumeRoleWithWebIdentity')
    expect(stmt.Condition.StringLike).toEqual({ [`${provider}:sub`]: 'system:serviceaccount:portkeyai:*' })
  })

  it('trusts EC2 for IMDS', () => {
    const [stmt] = parsed('s3-assume-imds-v2')[IAM_FILES.ec2Trust].Statement
    expect(stmt).toEqual({
      Effect: 'Allow',
      Principal: { Service: 'ec2.amazonaws.com' },
      Action: 'sts:AssumeRole',
    })
  })

  it('lets the principal assume a separate Bedrock role with the ExternalId', () => {
    const docs = parsed('bedrock-separate')
    expect(docs[IAM_FILES.bedrockTrust].Statement[0]).toMatchObject({
      Principal: { AWS: ['arn:aws:iam::123456789012:role/PortkeyLogs'] },
      Condition: { StringEquals: { 'sts:ExternalId': 'bedrock-ext-7' } },
    })
    expect(docs[IAM_FILES.bedrockAssume].Statement[0]).toEqual({
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Resource: 'arn:aws:iam::123456789012:role/PortkeyBedrock',
    })
    expect(docs[IAM_FILES.bedrockInvoke].Statement[0].Action).toEqual([
      'bedrock:InvokeModel',
      'bedrock:InvokeModelWithResponseStream',
    ])
  })

  it('covers both data service buckets', () => {
    const doc = parsed('data-service')[IAM_FILES.dataService]
    expect(doc.Statement[1].Resource).toEqual([
      'arn:aws:s3:::acme-finetunes',
      'arn:aws:s3:::acme-log-exports',
    ])
  })

  it('uses the partition of China and GovCloud regions', () => {
    expect(partitionOfRegion('cn-north-1')).toBe('aws-cn')
    expect(partitionOfRegion('us-gov-west-1')).toBe('aws-us-gov')
    const config = DeploymentConfigSchema.parse({
      ...baseConfig,
      logStore: { ...baseConfig.logStore, region: 'cn-north-1' },
    })
    const [file] = iamPolicyFiles(config)
    expect(JSON.parse(file?.content ?? '').Statement[0].Resource[0]).toBe('arn:aws-cn:s3:::acme-portkey-logs')
  })

  it('matches the snapshot', () => {
    const all = Object.fromEntries(
      fixtureConfigs().map(([name, c]) => [
        name,
        Object.fromEntries(iamPolicyFiles(c).map((f) => [f.path, f.content])),
      ]),
    )
    expect(all).toMatchSnapshot()
  })
})
