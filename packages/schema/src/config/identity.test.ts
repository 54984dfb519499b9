import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { fixtures } from '../fixtures/index.js'
import { importValues } from '../import-values.js'
import { renderBundleFiles } from '../render/index.js'
import { renderValuesYaml } from '../render/values-yaml.js'
import { validateConfig } from '../validate.js'
import { DeploymentConfigSchema } from './index.js'

const SM = fixtures['secrets-aws-sm']
const WI = fixtures['azure-workload-identity']
const IRSA_LS = fixtures['secrets-aws-sm-irsa-logstore']

/** The issues of a config, as "path: message". */
const issues = (input: unknown) => {
  const v = validateConfig(input)
  return v.valid ? [] : v.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
}
const withSecrets = (patch: object) => ({ ...SM, secrets: { ...SM.secrets, ...patch } })

describe('AWS Secrets Manager: validation at the field that decides', () => {
  it('accepts a name or an ARN, and refuses anything else at secretId', () => {
    expect(
      issues(withSecrets({ secretId: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:p/g-AbCdEf' })),
    ).toEqual([])
    expect(issues(withSecrets({ secretId: 'has space' }))).toEqual([
      expect.stringMatching(
        /^secrets\.secretId: Secret name or ARN is not valid: use a Secrets Manager secret name/,
      ),
    ])
    expect(
      issues(withSecrets({ secretId: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:p/g' })),
    ).toEqual([
      'secrets.secretId: The secret ARN names region eu-west-1, but the secret region is us-east-1: make them the same.',
    ])
  })

  it('refuses a bad region and a bad role ARN at their fields', () => {
    expect(issues(withSecrets({ region: 'Virginia' }))).toEqual([
      expect.stringMatching(/^secrets\.region: Secret region is not valid: use an AWS region code/),
    ])
    expect(issues(withSecrets({ roleArn: 'arn:aws:iam::12:role/x' }))).toEqual([
      expect.stringMatching(/^secrets\.roleArn: Role that reads the secret is not valid/),
    ])
  })

  it('needs a role, and with an IRSA log store the same one (one service account, one role)', () => {
    expect(issues(withSecrets({ roleArn: undefined }))).toEqual([
      expect.stringMatching(/^secrets\.roleArn: Role that reads the secret is required/),
    ])
    expect(issues(IRSA_LS)).toEqual([])
    expect(
      issues({
        ...IRSA_LS,
        secrets: { ...IRSA_LS.secrets, roleArn: 'arn:aws:iam::123456789012:role/Other' },
      }),
    ).toEqual([
      expect.stringMatching(/^secrets\.roleArn: The gateway has one service account, so one IRSA role/),
    ])
    expect(
      issues({
        ...IRSA_LS,
        secrets: { ...IRSA_LS.secrets, roleArn: 'arn:aws:iam::123456789012:role/PortkeyIrsa' },
      }),
    ).toEqual([])
  })

  it('refuses a KMS key of another region', () => {
    expect(
      issues({
        ...IRSA_LS,
        secrets: { ...IRSA_LS.secrets, kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/abc' },
      }),
    ).toEqual([expect.stringMatching(/^secrets\.kmsKeyArn: The KMS key is in region us-east-1/)])
  })

  it('is refused before chart 1.3.1 at secrets.mode, naming the versions that work', () => {
    expect(issues({ ...SM, chart: { ...SM.chart, version: '1.3.0' } })).toEqual([
      expect.stringMatching(
        /^secrets\.mode: AWS Secrets Manager .* needs chart 1\.3\.1 or later, and chart 1\.3\.0 is selected/,
      ),
    ])
    expect(issues({ ...SM, chart: { ...SM.chart, version: '1.3.1' } })).toEqual([])
  })
})

describe('AWS Secrets Manager: the bundle', () => {
  const config = DeploymentConfigSchema.parse(IRSA_LS)
  const files = renderBundleFiles(config)
  const file = (p: string) => files.find((f) => f.path === p)?.content ?? ''

  it('one role on the service account, reading only this secret (and its KMS key)', () => {
    const values = parse(renderValuesYaml(config))
    expect(values.serviceAccount.annotations).toEqual({
      'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/PortkeyIrsa',
    })
    expect(renderValuesYaml(config)).toContain('The same role reads the AWS Secrets Manager secret')
    const policy = JSON.parse(file('iam/secrets-manager-read-policy.json'))
    expect(policy.Statement).toEqual([
      {
        Sid: 'PortkeyGatewaySecretRead',
        Effect: 'Allow',
        Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        Resource: [
          'arn:aws:secretsmanager:us-west-2:123456789012:secret:portkey/gateway-AbCdEf',
          'arn:aws:secretsmanager:us-west-2:123456789012:secret:portkey/gateway-AbCdEf-??????',
        ],
      },
      {
        Sid: 'PortkeyGatewaySecretDecrypt',
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: 'arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-west-2.amazonaws.com' } },
      },
    ])
    expect(file('scripts/create-aws-secret.sh')).toContain('--kms-key-id "$KMS_KEY_ID"')
  })

  it('the SecretProviderClass maps every secret key to the synced Secret the chart reads', () => {
    const spc = parse(file('secret-provider-class.yaml'))
    const values = parse(renderValuesYaml(config))
    const keys = values.environment.secretKeys as string[]
    expect(spc.apiVersion).toBe('secrets-store.csi.x-k8s.io/v1')
    expect(spc.metadata).toEqual({ name: 'portkey-ai-aws-secrets', namespace: 'portkeyai' })
    expect(spc.spec.provider).toBe('aws')
    expect(spc.spec.parameters.region).toBe('us-west-2')
    expect(parse(spc.spec.parameters.objects)).toEqual([
      {
        objectName: 'arn:aws:secretsmanager:us-west-2:123456789012:secret:portkey/gateway-AbCdEf',
        objectType: 'secretsmanager',
        jmesPath: keys.map((k) => ({ path: k, objectAlias: k })),
      },
    ])
    expect(spc.spec.secretObjects).toEqual([
      {
        secretName: 'portkey-gateway-env',
        type: 'Opaque',
        data: keys.map((k) => ({ objectName: k, key: k })),
      },
    ])
    expect(values.environment.existingSecret).toBe('portkey-gateway-env')
    expect(values.volumes[0].csi.volumeAttributes.secretProviderClass).toBe('portkey-ai-aws-secrets')
    expect(values.volumeMounts).toEqual([
      { name: 'secrets-store', mountPath: '/mnt/secrets-store', readOnly: true },
    ])
  })

  it('writes no secret into values.yaml, the class, the policy or the scripts', () => {
    for (const f of files)
      if (f.path !== 'secrets.env') expect(f.content, f.path).not.toContain('SENTINEL-SECRET')
    expect(file('secrets.env')).toContain('PORTKEY_CLIENT_AUTH=SENTINEL-SECRET-client-auth')
  })
})

describe('AKS workload identity', () => {
  it('annotates the service account and labels the pods, keeping AZURE_AUTH_MODE managed', () => {
    const config = DeploymentConfigSchema.parse(WI)
    const values = parse(renderValuesYaml(config))
    expect(values.serviceAccount).toEqual({
      create: true,
      annotations: { 'azure.workload.identity/client-id': '11111111-2222-3333-4444-555555555555' },
    })
    expect(values.podLabels).toEqual({ 'azure.workload.identity/use': 'true' })
    expect(values.environment.data.AZURE_AUTH_MODE).toBe('managed')
    expect(values.environment.data.AZURE_MANAGED_CLIENT_ID).toBe('11111111-2222-3333-4444-555555555555')
  })

  it('needs the client id, and chart 1.0.6 or later', () => {
    const auth = { mode: 'managed', workloadIdentity: true }
    expect(issues({ ...WI, logStore: { ...WI.logStore, auth } })).toEqual([
      expect.stringMatching(/^logStore\.auth\.clientId: AKS workload identity needs the client ID/),
    ])
    expect(issues({ ...WI, chart: { ...WI.chart, version: '1.0.5' } })).toEqual([
      expect.stringMatching(
        /^logStore\.auth\.workloadIdentity: AKS workload identity .* needs chart 1\.0\.6 or later/,
      ),
    ])
  })
})

describe('import of identity settings', () => {
  it('reads AWS Secrets Manager back, asking again for what only the SecretProviderClass holds', () => {
    const { config, warnings } = importValues(renderValuesYaml(DeploymentConfigSchema.parse(SM)))
    expect(config.secrets).toEqual({
      mode: 'awsSecretsManager',
      syncedSecretName: 'portkey-gateway-env',
      roleArn: 'arn:aws:iam::123456789012:role/PortkeySecrets',
    })
    expect(warnings.map((w) => w.path.join('.'))).toContain('secrets.secretId')
    expect(warnings.map((w) => w.message).join('\n')).not.toMatch(/IRSA role annotation|Volumes other/)
  })

  it('leaves the role to the log store when both use the same IRSA role', () => {
    const { config } = importValues(renderValuesYaml(DeploymentConfigSchema.parse(IRSA_LS)))
    expect(config.secrets).toEqual({ mode: 'awsSecretsManager', syncedSecretName: 'portkey-gateway-env' })
  })

  it('reads workload identity from the pod label and the annotation', () => {
    const { config, warnings } = importValues(renderValuesYaml(DeploymentConfigSchema.parse(WI)))
    expect(config.logStore).toMatchObject({
      auth: { mode: 'managed', clientId: '11111111-2222-3333-4444-555555555555', workloadIdentity: true },
    })
    expect(warnings).toEqual([])
  })
})
