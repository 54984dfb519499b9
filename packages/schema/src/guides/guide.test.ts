import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_REDIS_URL, SECTION_IDS } from '../config/index.js'
import { splitEnvironment } from '../env/index.js'
import { type FixtureName, fixtures, SENTINEL } from '../fixtures/index.js'
import { iamPolicyDocuments } from '../render/iam-files.js'
import { scriptFiles } from '../render/scripts.js'
import { collectSecretValues } from '../secret-fields.js'
import { fixtureConfig, fixtureConfigs } from '../test-support/fixture-configs.js'
import { partialConfig } from '../test-support/guide-arbitraries.js'
import { guideFor, guideForSection, secretEnvKeysOf } from './index.js'
import type { Guide, GuideBlock, GuideSectionId } from './types.js'

const blocks = (g: Guide, kind?: GuideBlock['kind']) =>
  g.sections.flatMap((s) => s.steps.flatMap((st) => st.blocks)).filter((b) => !kind || b.kind === kind)
const stepIds = (g: Guide, section: GuideSectionId) =>
  g.sections.filter((s) => s.section === section).flatMap((s) => s.steps.map((st) => st.id))
const choices = (g: Guide) => Object.fromEntries(g.sections.map((s) => [s.section, s.choice]))
const shellText = (g: Guide) =>
  blocks(g, 'shell')
    .map((b) => b.content)
    .join('\n')
const jsonBlock = (g: Guide, label: string) => {
  const b = blocks(g, 'json').find((x) => x.label === label)
  expect(b, label).toBeDefined()
  return JSON.parse(b?.content ?? 'null')
}

const DEFAULT_CHOICES = {
  chart: '1.7.7',
  registry: 'create',
  logStore: 's3',
  analytics: 'control_plane',
  cache: 'redis',
  sync: 'organisations',
  bedrock: 'disabled',
  dataService: 'disabled',
  kubernetes: 'default',
  exposure: 'ClusterIP',
  secrets: 'inline',
  install: 'helm',
}

/** What each fixture changes from the base config. */
const EXPECTED: Record<FixtureName, Partial<typeof DEFAULT_CHOICES>> = {
  mongo: { logStore: 'mongo' },
  'mongo-tls-ca': { logStore: 'mongo' },
  s3: {},
  'exposure-nodeport': { exposure: 'NodePort' },
  'exposure-loadbalancer': { exposure: 'LoadBalancer' },
  'ingress-plain': { exposure: 'ingress' },
  'ingress-tls': { exposure: 'ingress' },
  'ingress-path': { exposure: 'ingress' },
  'ingress-mcp-path-based': { exposure: 'ingress' },
  'ingress-mcp-host-based': { exposure: 'ingress' },
  'images-mirror': {},
  'images-mirror-server': {},
  'images-pinned': {},
  wasabi: { logStore: 'wasabi' },
  gcs: { logStore: 'gcs' },
  netapp: { logStore: 'netapp' },
  's3-assume-access-keys': { logStore: 's3_assume/access_keys' },
  's3-assume-irsa': { logStore: 's3_assume/irsa' },
  's3-assume-imds-v1': { logStore: 's3_assume/imds' },
  's3-assume-imds-v2': { logStore: 's3_assume/imds' },
  'azure-key': { logStore: 'azure/key' },
  'azure-managed': { logStore: 'azure/managed' },
  'azure-managed-client-id': { logStore: 'azure/managed' },
  'azure-entra': { logStore: 'azure/entra' },
  'analytics-clickhouse': { analytics: 'clickhouse' },
  otel: {},
  'cache-elasticache-tls-cluster': { cache: 'aws-elastic-cache' },
  'cache-custom': { cache: 'custom' },
  'bedrock-principal': { logStore: 's3_assume/access_keys', bedrock: 'principal' },
  'bedrock-separate': { bedrock: 'separate' },
  'gateway-request-timeout': {},
  'kept-settings': {},
  'data-service': { dataService: 'enabled' },
  'secrets-existing': { secrets: 'existingSecret' },
  'secrets-vault': { secrets: 'vault' },
  'registry-existing': { registry: 'existing' },
  'chart-1.0.7': { chart: '1.0.7' },
  'chart-1.0.7-mongo-vault': { chart: '1.0.7', logStore: 'mongo', secrets: 'vault' },
  's3-custom': { logStore: 's3_custom' },
  'minio-log-store': { logStore: 'minio' },
  'minio-existing-secret': { logStore: 'minio', secrets: 'existingSecret' },
  'otel-headers': { secrets: 'vault' },
  'milvus-semantic-cache': { logStore: 'minio' },
  'milvus-external': { secrets: 'existingSecret' },
  'vault-secret-name': { secrets: 'vault' },
  'cache-custom-tls': { cache: 'custom' },
  'secrets-aws-sm': { secrets: 'awsSecretsManager' },
  'secrets-aws-sm-data-service': { secrets: 'awsSecretsManager', dataService: 'enabled' },
  'secrets-aws-sm-mongo-ca': { logStore: 'mongo', secrets: 'awsSecretsManager' },
  'secrets-aws-sm-irsa-logstore': { logStore: 's3_assume/irsa', secrets: 'awsSecretsManager' },
  'azure-workload-identity': { logStore: 'azure/managed' },
  'kubernetes-resources-hpa': { kubernetes: 'autoscaling' },
  'kubernetes-hpa-every-chart': { kubernetes: 'autoscaling' },
  'kubernetes-replicas-pdb-scheduling': { kubernetes: 'replicas' },
  'kubernetes-scheduling-old-charts': { kubernetes: 'replicas' },
  'kubernetes-extra-env': { kubernetes: 'replicas' },
  'kubernetes-extra-env-vault': { secrets: 'vault', kubernetes: 'replicas' },
  'kubernetes-extra-env-existing-secret': { secrets: 'existingSecret', kubernetes: 'replicas' },
  'kubernetes-irsa-service-account': { logStore: 's3_assume/irsa', kubernetes: 'replicas' },
  'kubernetes-data-service-runtime': { dataService: 'enabled', kubernetes: 'replicas' },
  'kubernetes-data-service-replicas': { dataService: 'enabled', kubernetes: 'replicas' },
  production: {
    logStore: 's3_assume/irsa',
    kubernetes: 'autoscaling',
    exposure: 'ingress',
    secrets: 'awsSecretsManager',
  },
}

const names = Object.keys(fixtures) as FixtureName[]

describe('guideFor with every fixture', () => {
  it.each(names)('%s: every section once, in order, with the chosen option', (name) => {
    const g = guideFor(fixtures[name])
    expect(g.sections.map((s) => s.section)).toEqual([...SECTION_IDS, 'install'])
    expect(choices(g)).toEqual({ ...DEFAULT_CHOICES, ...EXPECTED[name] })
    for (const s of g.sections) {
      expect(s.summary.length).toBeGreaterThan(10)
      for (const st of s.steps) expect(st.id.startsWith(`${s.section}.`)).toBe(true)
    }
    const ids = g.sections.flatMap((s) => s.steps.map((st) => st.id))
    expect(new Set(ids).size).toBe(ids.length)
  })

  it.each(names)('%s: no secret value anywhere, every JSON block parses', (name) => {
    const g = guideFor(fixtures[name])
    const all = JSON.stringify(g)
    expect(all).not.toContain(SENTINEL)
    // The in-cluster Redis URL is the chart's public default, not a secret anyone chose.
    for (const v of collectSecretValues(fixtures[name]))
      if (v !== DEFAULT_REDIS_URL) expect(all).not.toContain(v)
    for (const b of blocks(g, 'json')) expect(() => JSON.parse(b.content)).not.toThrow()
  })

  it.each(fixtureConfigs())('%s: IAM documents match the bundle files exactly', (_name, config) => {
    const g = guideFor(config)
    const shown = new Map(blocks(g, 'json').map((b) => [b.label, JSON.parse(b.content)]))
    const bundled = iamPolicyDocuments(config)
    expect([...shown.keys()].sort()).toEqual([...bundled.keys()].sort())
    for (const [path, doc] of bundled) expect(shown.get(path)).toEqual(doc)
  })

  it.each(fixtureConfigs())('%s: scripts the guide points to are in the bundle', (_name, config) => {
    const text = JSON.stringify(guideFor(config))
    const bundled = new Set(scriptFiles(config).map((f) => f.path))
    for (const path of text.match(/scripts\/[a-z0-9-]+\.sh/g) ?? []) expect(bundled, path).toContain(path)
  })

  it.each(fixtureConfigs())('%s: secret keys agree with splitEnvironment', (name, config) => {
    const asSecret = { ...config, secrets: { mode: 'existingSecret' as const, secretName: 'x' } }
    expect(secretEnvKeysOf(fixtures[name]).sort()).toEqual(
      Object.keys(splitEnvironment(asSecret).secrets).sort(),
    )
  })
})

describe('guide content per path', () => {
  it('irsa: OIDC steps for the cluster, trust scoped to the namespace, the role and its annotation', () => {
    const g = guideFor(fixtures['s3-assume-irsa'])
    expect(stepIds(g, 'logStore')).toEqual([
      'logStore.s3_assume.bucket',
      'logStore.s3_assume.irsa.oidc-check',
      'logStore.s3_assume.irsa.oidc-associate',
      'logStore.s3_assume.irsa.role',
      'logStore.s3_assume.irsa.policy',
      'logStore.s3_assume.irsa.service-account',
    ])
    const sh = shellText(g)
    expect(sh).toContain(
      `aws eks describe-cluster --name 'acme-eks' --query "cluster.identity.oidc.issuer" --output text`,
    )
    expect(sh).toContain(`eksctl utils associate-iam-oidc-provider --cluster 'acme-eks' --approve`)
    expect(sh).toContain('aws iam create-open-id-connect-provider --url "$ISSUER"')
    expect(sh).toContain(`aws iam create-role --role-name 'PortkeyIrsa'`)
    const provider = 'oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE'
    const trust = jsonBlock(g, 'iam/irsa-trust-policy.json')
    expect(trust.Statement[0].Principal.Federated).toBe(`arn:aws:iam::123456789012:oidc-provider/${provider}`)
    expect(trust.Statement[0].Condition.StringLike[`${provider}:sub`]).toBe(
      'system:serviceaccount:portkeyai:*',
    )
    const yaml = blocks(g, 'yaml')[0]?.content
    expect(yaml).toContain('eks.amazonaws.com/role-arn: "arn:aws:iam::123456789012:role/PortkeyIrsa"')
  })

  it('access_keys: ExternalId in the trust policy, the role ARN and the bucket policy', () => {
    const g = guideFor(fixtures['s3-assume-access-keys'])
    const trust = jsonBlock(g, 'iam/s3-cross-account-trust-policy.json')
    expect(trust.Statement[0].Condition.StringEquals['sts:ExternalId']).toBe('acme-external-id-42')
    expect(jsonBlock(g, 'iam/s3-log-access-policy.json').Statement[0].Resource).toEqual([
      'arn:aws:s3:::acme-assumed-logs',
      'arn:aws:s3:::acme-assumed-logs/*',
    ])
    expect(shellText(g)).toContain(`aws iam put-role-policy --role-name 'PortkeyLogs'`)
  })

  it('imds: customer-managed policy ARN in the account, instance profile and hop limit', () => {
    const v2 = guideFor(fixtures['s3-assume-imds-v2'])
    const sh = shellText(v2)
    expect(sh).toContain('--policy-arn "arn:aws:iam::$ACCOUNT_ID:policy/$POLICY_NAME"')
    expect(sh).not.toContain('arn:aws:iam::aws:policy')
    expect(sh).toContain(`aws iam create-instance-profile --instance-profile-name '<role-name>'`)
    expect(sh).toContain('--http-put-response-hop-limit 2')
    expect(shellText(guideFor(fixtures['s3-assume-imds-v1']))).toContain('--http-tokens optional')
  })

  it('azure: role assignment scoped to the account, with the client id when one is set', () => {
    const sh = shellText(guideFor(fixtures['azure-managed-client-id']))
    expect(sh).toContain(`az storage account show --name 'acmeportkey' --query id --output tsv`)
    expect(sh).toContain(
      `az role assignment create --assignee '11111111-2222-3333-4444-555555555555' --role 'Storage Blob Data Contributor' --scope "$SCOPE"`,
    )
    expect(stepIds(guideFor(fixtures['azure-entra']), 'logStore')).toEqual([
      'logStore.azure.container',
      'logStore.azure.entra.app',
      'logStore.azure.entra.secret',
      'logStore.azure.entra.role',
    ])
  })

  it('secrets: the Secret from secrets.env, or the Vault path and role', () => {
    const existing = shellText(guideFor(fixtures['secrets-existing']))
    expect(existing).toContain(
      `kubectl create secret generic 'portkey-gateway-secrets' --namespace 'portkeyai' --from-env-file=secrets.env`,
    )
    const vault = shellText(guideFor(fixtures['secrets-vault']))
    expect(vault).toContain(`vault kv put 'secret/portkey'`)
    expect(vault).toContain(`vault write 'auth/kubernetes/role/portkey-gateway'`)
  })

  it('install: pinned version, same release for install and uninstall, CA ConfigMap first', () => {
    const sh = shellText(guideFor(fixtures['chart-1.0.7-mongo-vault']))
    expect(sh).toContain(`helm upgrade --install 'gateway-legacy' portkey-ai/gateway --version '1.0.7'`)
    expect(sh).toContain(`helm uninstall 'gateway-legacy' --namespace 'portkey-legacy'`)
    expect(sh).toContain(
      `kubectl port-forward 'deployment/gateway-legacy' --namespace 'portkey-legacy' 8787:8787`,
    )
    expect(stepIds(guideFor(fixtures['mongo-tls-ca']), 'install')).toContain('install.resources-config')
    expect(stepIds(guideFor(fixtures.mongo), 'install')).not.toContain('install.resources-config')
  })

  it('guideForSection returns only that section', () => {
    const sections = guideForSection(fixtures['bedrock-separate'], 'bedrock')
    expect(sections.map((s) => s.choice)).toEqual(['separate'])
    expect(sections[0]?.steps.map((s) => s.id)).toEqual([
      'bedrock.separate.role',
      'bedrock.policy',
      'bedrock.separate.assume',
      'bedrock.virtual-key',
    ])
  })
})

describe('partial and invalid configs', () => {
  it('an empty config uses the chart defaults', () => {
    const g = guideFor({})
    expect(choices(g)).toMatchObject({
      registry: 'unset',
      logStore: 'unset',
      sync: 'unset',
      secrets: 'inline',
    })
    expect(shellText(g)).toContain(`helm upgrade --install 'portkey-ai' portkey-ai/gateway --version '1.7.7'`)
    expect(shellText(g)).toContain(`--namespace 'portkeyai'`)
  })

  it('a chosen type alone yields placeholders', () => {
    const g = guideFor({ logStore: { type: 's3' } })
    expect(shellText(g)).toContain(`aws s3api create-bucket --bucket '<bucket>' --region '<region>'`)
    const irsa = guideFor({ logStore: { type: 's3_assume', auth: { method: 'irsa' } } })
    expect(shellText(irsa)).toContain(`--name '<cluster-name>'`)
    const trust = jsonBlock(irsa, 'iam/irsa-trust-policy.json')
    expect(trust.Statement[0].Principal.Federated).toBe(
      'arn:aws:iam::<account-id>:oidc-provider/<oidc-provider>',
    )
  })

  it('invalid values become placeholders instead of reaching a command', () => {
    const g = guideFor({
      chart: { namespace: 'Bad Namespace', releaseName: "x'; rm -rf ~" },
      logStore: { type: 's3', bucket: '$(reboot)', region: 'us-east-1' },
    } as never)
    const all = JSON.stringify(g)
    expect(all).not.toContain('rm -rf')
    expect(all).not.toContain('$(reboot)')
    expect(shellText(g)).toContain(`--namespace '<namespace>'`)
    expect(shellText(g)).toContain(`--bucket '<bucket>'`)
  })

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.object(), fc.jsonValue()), (input) => {
        expect(guideFor(input as never).sections).toHaveLength(SECTION_IDS.length + 1)
      }),
      { numRuns: 300 },
    )
  })

  it('never throws for arbitrary values under every known option', () => {
    fc.assert(
      fc.property(partialConfig, (input) => {
        const g = guideFor(input as never)
        for (const b of blocks(g, 'json')) JSON.parse(b.content)
      }),
      { numRuns: 300 },
    )
  })

  it('fills every valid value of a complete config (no placeholder where the config knows the value)', () => {
    const g = guideFor(fixtureConfig('s3-assume-irsa'))
    const logStore = JSON.stringify(g.sections.find((s) => s.section === 'logStore'))
    expect(logStore).not.toMatch(/<(bucket|region|role-arn|role-name|cluster-name|oidc-provider|account-id)>/)
  })
})
