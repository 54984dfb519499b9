import { parse } from 'yaml'
import { expectSafeScripts, readBundle, text } from '../support/bundle.js'
import { expect, test } from '../support/fixtures.js'
import { LOG_STORE_PATHS, secretFor } from '../support/log-store-paths.js'
import {
  choose,
  downloadBundle,
  expectNoSecretsStored,
  field,
  fillAll,
  openWizard,
  recordUrls,
  walk,
} from '../support/wizard.js'

const ROLE = 'arn:aws:iam::123456789012:role/PortkeyE2eSecrets'

/**
 * The secrets step with AWS Secrets Manager: a bad secret id gets its field's message, the inline
 * guide fills in the user's secret, region and the chart's service account, and the bundle carries
 * the SecretProviderClass, the read policy, the scripts, and no secret outside secrets.env.
 */
test('walk to the bundle with secrets in AWS Secrets Manager', async ({ page }) => {
  const urls = recordUrls(page)
  const s3 = LOG_STORE_PATHS.find((p) => p.id === 's3')
  if (!s3) throw new Error('the s3 walk is missing')
  const clientAuth = secretFor('aws-sm', 'client-auth')
  const registry = {
    mode: 'create' as const,
    username: 'acme-e2e',
    password: secretFor('aws-sm', 'registry'),
  }
  const secrets = [...s3.secrets, clientAuth, registry.password]

  await openWizard(page)
  await walk(page, {
    registry,
    logStore: s3.fill,
    sync: { clientAuth, organisations: ['org-e2e-1'] },
    steps: {
      secrets: async (p) => {
        await choose(p, 'AWS Secrets Manager')
        await field(p, 'Secret name or ARN').fill('has space')
        await field(p, 'Secret region').fill('us-east-1')
        await expect(p.getByText('Secret name or ARN is not valid', { exact: false })).toBeVisible()
        await fillAll(p, {
          'Secret name or ARN': 'portkey/e2e-gateway',
          'Role that reads the secret (optional)': ROLE,
        })
        await expect(p.getByText('Secret name or ARN is not valid', { exact: false })).toHaveCount(0)
        const guide = p.getByTestId('guide-panel')
        await expect(guide.getByText('Store the secrets in portkey/e2e-gateway')).toBeVisible()
        await expect(guide.getByText("--name 'portkey-ai-gateway'", { exact: false })).toBeVisible()
        await expect(guide.getByText('./scripts/install-secrets-store-csi.sh')).toBeVisible()
      },
    },
  })
  await expectNoSecretsStored(page, urls, secrets)

  const bundle = await readBundle(await downloadBundle(page))
  const env = bundle.values.environment as Record<string, unknown>
  expect(env).toMatchObject({ create: false, existingSecret: 'portkey-gateway-env' })
  expect(env.secretKeys).toEqual([
    'LOG_STORE_ACCESS_KEY',
    'LOG_STORE_SECRET_KEY',
    'PORTKEY_CLIENT_AUTH',
    'REDIS_URL',
  ])
  expect(bundle.values.serviceAccount).toEqual({
    create: true,
    annotations: { 'eks.amazonaws.com/role-arn': ROLE },
  })
  expect(bundle.values.volumes).toEqual([
    {
      name: 'secrets-store',
      csi: {
        driver: 'secrets-store.csi.k8s.io',
        readOnly: true,
        volumeAttributes: { secretProviderClass: 'portkey-ai-aws-secrets' },
      },
    },
  ])
  const spc = parse(text(bundle, 'secret-provider-class.yaml'))
  expect(spc.kind).toBe('SecretProviderClass')
  expect(spc.spec.parameters.region).toBe('us-east-1')
  const policy = JSON.parse(text(bundle, 'iam/secrets-manager-read-policy.json'))
  expect(policy.Statement[0].Resource).toEqual([
    'arn:aws:secretsmanager:us-east-1:123456789012:secret:portkey/e2e-gateway-??????',
  ])
  expect([...bundle.files.keys()]).toEqual(
    expect.arrayContaining([
      'scripts/create-aws-secret.sh',
      'scripts/install-secrets-store-csi.sh',
      'secrets.env',
    ]),
  )
  // Secrets stay out of values.yaml: only secrets.env holds them.
  for (const s of secrets) expect(text(bundle, 'values.yaml')).not.toContain(s)
  expect(text(bundle, 'secrets.env')).toContain(`PORTKEY_CLIENT_AUTH=${clientAuth}`)
  expectSafeScripts(bundle, secrets)
  await expectNoSecretsStored(page, urls, secrets)
})

/**
 * Azure managed identity with AKS workload identity: with the switch on and the client id entered,
 * the guide shows the federated credential for the chart's service account, and the bundle
 * annotates the service account and labels the pods.
 */
test('walk to the bundle with AKS workload identity', async ({ page }) => {
  const urls = recordUrls(page)
  const clientAuth = secretFor('workload-identity', 'client-auth')
  const clientId = '11111111-2222-4333-8444-555555555555'
  await openWizard(page)
  await walk(page, {
    registry: { mode: 'existing', secretName: 'e2e-pull-secret' },
    logStore: async (p) => {
      await choose(p, 'Azure Blob Storage')
      await fillAll(p, { 'Storage account': 'acmee2elogs', Container: 'e2e-logs' })
      await choose(p, 'Managed identity')
      await p.getByTestId('switch-logStore.auth.workloadIdentity').click()
      await field(p, 'Managed identity client ID (optional)').fill(clientId)
      const guide = p.getByTestId('guide-panel')
      await expect(guide.getByText('Trust the service account portkey-ai-gateway')).toBeVisible()
      await expect(
        guide.getByText("--subject 'system:serviceaccount:portkeyai:portkey-ai-gateway'", { exact: false }),
      ).toBeVisible()
    },
    sync: { clientAuth, organisations: ['org-e2e-1'] },
  })
  const bundle = await readBundle(await downloadBundle(page))
  expect(bundle.values.serviceAccount).toEqual({
    create: true,
    annotations: { 'azure.workload.identity/client-id': clientId },
  })
  expect(bundle.values.podLabels).toEqual({ 'azure.workload.identity/use': 'true' })
  expect(bundle.env).toMatchObject({ AZURE_AUTH_MODE: 'managed', AZURE_MANAGED_CLIENT_ID: clientId })
  expectSafeScripts(bundle, [clientAuth])
  await expectNoSecretsStored(page, urls, [clientAuth])
})
