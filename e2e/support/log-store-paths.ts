import type { Page } from '@playwright/test'
import { type Bundle, text } from './bundle.js'
import { expect } from './fixtures.js'
import { testCaPem } from './peers.js'
import { choose, field, fillAll, type RegistryInput } from './wizard.js'

/**
 * Every log-store path of the chart README, as a user fills it in the wizard (the minimal set of
 * fields), with what the downloaded values.yaml must then say. The expected values are written
 * out literally rather than computed by the schema package, so a renderer bug cannot hide itself.
 */

/** Secrets carry this marker so a test can prove they never land where they must not. */
export const SENTINEL = 'SENTINEL-SECRET'
export const secretFor = (path: string, what: string) => `${SENTINEL}-e2e-${path}-${what}`

export type LogStorePath = {
  id: string
  /** On the Log store step: picks the store (and its sign-in method) and fills its fields. */
  fill: (page: Page) => Promise<void>
  /** The log-store part of environment.data, exactly (keys of other stores must be absent). */
  env: Record<string, string>
  /** Values typed into secret fields of this step. */
  secrets: string[]
  registry?: RegistryInput
  /** Further assertions on the unzipped bundle. */
  expectBundle?: (bundle: Bundle) => void
}

/** Environment keys that belong to some log store: the test compares this slice exactly. */
export const LOG_STORE_ENV = /^(LOG_STORE|MONGO_|AZURE_|AWS_IMDS_V1$)/

const s3Keys = (id: string) => ({
  accessKey: `AKIAE2E${id.replace(/[^A-Za-z0-9]/g, '').toUpperCase()}01`,
  secret: secretFor(id, 'secret-key'),
})

const MONGO_URL = (id: string, query: string) =>
  `mongodb://portkey:${secretFor(id, 'mongo-password')}@mongo.e2e.internal:27017/?${query}`

const mongo = (id: string, withCa: boolean): LogStorePath => {
  const url = MONGO_URL(id, withCa ? 'tls=true&retryWrites=false' : 'retryWrites=false')
  return {
    id,
    secrets: [secretFor(id, 'mongo-password')],
    fill: async (page) => {
      await choose(page, 'MongoDB or Amazon DocumentDB')
      await fillAll(page, {
        'Connection URL': url,
        Database: 'portkey_e2e',
        'Log collection': 'e2e_generations',
        'Generation hooks collection': 'e2e_hooks',
      })
      if (withCa) {
        const toggle = page.getByRole('switch', {
          name: 'Trust a custom CA certificate (e.g. Amazon DocumentDB)',
        })
        await toggle.click()
        await expect(toggle).toBeChecked()
        // The file picker: its name becomes the mounted file name, its text the PEM.
        await page.getByLabel('Upload the CA certificate file').setInputFiles({
          name: 'peers-ca.pem',
          mimeType: 'application/x-pem-file',
          buffer: Buffer.from(testCaPem()),
        })
        await expect(field(page, 'CA file name')).toHaveValue('peers-ca.pem')
        await expect(field(page, '…or paste the CA certificate (PEM)')).toHaveValue(testCaPem())
      }
    },
    env: {
      LOG_STORE: 'mongo',
      MONGO_DB_CONNECTION_URL: withCa ? `${url}&tlsCAFile=/etc/shared/peers-ca.pem` : url,
      MONGO_DATABASE: 'portkey_e2e',
      MONGO_COLLECTION_NAME: 'e2e_generations',
      MONGO_GENERATION_HOOKS_COLLECTION_NAME: 'e2e_hooks',
      MONGO_GENERATIONS_HOOKS_COLLECTION_NAME: 'e2e_hooks',
    },
    expectBundle: (bundle) => {
      if (!withCa) {
        expect(bundle.files.has('resources-config.yaml')).toBe(false)
        return
      }
      const pemBody = testCaPem().split('\n')[1] ?? ''
      expect(text(bundle, 'resources-config.yaml')).toContain(pemBody)
      expect(bundle.values.volumeMounts).toEqual([
        expect.objectContaining({ mountPath: '/etc/shared/peers-ca.pem', subPath: 'peers-ca.pem' }),
      ])
    },
  }
}

const keyStore = (
  id: 's3' | 'wasabi' | 'gcs',
  radioTitle: string,
  labels: { region: string; access: string; secret: string },
  values: { region: string; bucket: string },
): LogStorePath => {
  const keys = s3Keys(id)
  return {
    id,
    secrets: [keys.secret, keys.accessKey],
    fill: async (page) => {
      await choose(page, radioTitle)
      await fillAll(page, {
        [labels.region]: values.region,
        Bucket: values.bucket,
        [labels.access]: keys.accessKey,
        [labels.secret]: keys.secret,
      })
    },
    env: {
      LOG_STORE: id,
      LOG_STORE_REGION: values.region,
      LOG_STORE_GENERATIONS_BUCKET: values.bucket,
      LOG_STORE_ACCESS_KEY: keys.accessKey,
      LOG_STORE_SECRET_KEY: keys.secret,
    },
  }
}

const S3_ACCESS = { access: 'Access key ID', secret: 'Secret access key' }

const assumeKeys = s3Keys('assume')
const ROLE_ARN = 'arn:aws:iam::123456789012:role/PortkeyE2eLogs'
const IRSA_ROLE_ARN = 'arn:aws:iam::123456789012:role/PortkeyE2eIrsa'
const netappKeys = s3Keys('netapp')
const azureKey = secretFor('azure-key', 'account-key')
const entraSecret = secretFor('azure-entra', 'client-secret')

const azure = (id: string, mode: string, fields: Record<string, string>, env: Record<string, string>) =>
  ({
    id,
    fill: async (page) => {
      await choose(page, 'Azure Blob Storage')
      await fillAll(page, { 'Storage account': 'acmee2elogs', Container: 'e2e-logs' })
      await choose(page, mode)
      await fillAll(page, fields)
    },
    env: {
      LOG_STORE: 'azure',
      AZURE_STORAGE_ACCOUNT: 'acmee2elogs',
      AZURE_STORAGE_CONTAINER: 'e2e-logs',
      ...env,
    },
  }) satisfies Omit<LogStorePath, 'secrets'>

export const LOG_STORE_PATHS: readonly LogStorePath[] = [
  mongo('mongo', false),
  mongo('mongo-ca', true),
  keyStore(
    's3',
    'Amazon S3 with access keys',
    { region: 'Region', ...S3_ACCESS },
    {
      region: 'eu-west-1',
      bucket: 'acme-e2e-s3-logs',
    },
  ),
  keyStore(
    'wasabi',
    'Wasabi',
    { region: 'Region', ...S3_ACCESS },
    {
      region: 'eu-central-1',
      bucket: 'acme-e2e-wasabi-logs',
    },
  ),
  keyStore(
    'gcs',
    'Google Cloud Storage',
    { region: 'Bucket location', access: 'HMAC access key', secret: 'HMAC secret' },
    {
      region: 'us-central1',
      bucket: 'acme_e2e_gcs_logs',
    },
  ),
  {
    id: 'netapp',
    secrets: [netappKeys.secret, netappKeys.accessKey],
    fill: async (page) => {
      await choose(page, 'NetApp S3')
      await fillAll(page, {
        'S3 endpoint (base path)': 'https://s3.netapp.e2e.internal:10443',
        Region: 'us-east-1',
        'Access key ID': netappKeys.accessKey,
        'Secret access key': netappKeys.secret,
      })
    },
    env: {
      LOG_STORE: 'netapp',
      LOG_STORE_REGION: 'us-east-1',
      LOG_STORE_ACCESS_KEY: netappKeys.accessKey,
      LOG_STORE_SECRET_KEY: netappKeys.secret,
      LOG_STORE_BASEPATH: 'https://s3.netapp.e2e.internal:10443',
    },
  },
  {
    id: 's3_assume access_keys',
    secrets: [assumeKeys.secret, assumeKeys.accessKey],
    fill: async (page) => {
      await choose(page, 'Amazon S3 with an IAM role')
      await fillAll(page, { Region: 'us-west-2', Bucket: 'acme-e2e-assumed-logs' })
      await choose(page, 'Keys from Portkey assume your role')
      await fillAll(page, {
        'Access key ID from Portkey': assumeKeys.accessKey,
        'Secret access key from Portkey': assumeKeys.secret,
        'Role ARN': ROLE_ARN,
        'External ID': 'e2e-external-id-42',
      })
    },
    env: {
      LOG_STORE: 's3_assume',
      LOG_STORE_REGION: 'us-west-2',
      LOG_STORE_GENERATIONS_BUCKET: 'acme-e2e-assumed-logs',
      LOG_STORE_ACCESS_KEY: assumeKeys.accessKey,
      LOG_STORE_SECRET_KEY: assumeKeys.secret,
      LOG_STORE_AWS_ROLE_ARN: ROLE_ARN,
      LOG_STORE_AWS_EXTERNAL_ID: 'e2e-external-id-42',
    },
    expectBundle: (bundle) => {
      // The trust policy the user attaches must require the ExternalId they typed.
      const iam = [...bundle.files].filter(([p]) => p.startsWith('iam/') && p.endsWith('.json'))
      expect(iam.length).toBeGreaterThan(0)
      for (const [path, file] of iam) expect(() => JSON.parse(file.text), `${path} is JSON`).not.toThrow()
      expect(iam.map(([, f]) => f.text).join('\n')).toContain('e2e-external-id-42')
    },
  },
  {
    id: 's3_assume irsa',
    secrets: [],
    registry: { mode: 'existing', secretName: 'e2e-pull-secret' },
    fill: async (page) => {
      await choose(page, 'Amazon S3 with an IAM role')
      await fillAll(page, { Region: 'us-west-2', Bucket: 'acme-e2e-irsa-logs' })
      await choose(page, 'IRSA (EKS service account)')
      await field(page, 'Role ARN').fill(IRSA_ROLE_ARN)
    },
    env: {
      LOG_STORE: 's3_assume',
      LOG_STORE_REGION: 'us-west-2',
      LOG_STORE_GENERATIONS_BUCKET: 'acme-e2e-irsa-logs',
    },
    expectBundle: (bundle) => {
      const sa = bundle.values.serviceAccount as { annotations?: Record<string, string> }
      expect(sa.annotations?.['eks.amazonaws.com/role-arn']).toBe(IRSA_ROLE_ARN)
      expect(bundle.values.imagePullSecrets).toEqual([{ name: 'e2e-pull-secret' }])
    },
  },
  {
    id: 's3_assume imds',
    secrets: [],
    registry: { mode: 'existing', secretName: 'e2e-pull-secret' },
    fill: async (page) => {
      await choose(page, 'Amazon S3 with an IAM role')
      await fillAll(page, { Region: 'us-east-2', Bucket: 'acme-e2e-imds-logs' })
      await choose(page, 'Node instance role (IMDS)')
      const v1 = page.getByRole('switch', { name: 'Nodes use IMDSv1' })
      await v1.click()
      await expect(v1).toBeChecked()
    },
    env: {
      LOG_STORE: 's3_assume',
      LOG_STORE_REGION: 'us-east-2',
      LOG_STORE_GENERATIONS_BUCKET: 'acme-e2e-imds-logs',
      AWS_IMDS_V1: 'true',
    },
  },
  {
    ...azure(
      'azure key',
      'Storage account key',
      { 'Storage account key': azureKey },
      {
        AZURE_AUTH_MODE: '',
        AZURE_STORAGE_KEY: azureKey,
      },
    ),
    secrets: [azureKey],
  },
  {
    // No client ID: the system-assigned identity, written as an empty AZURE_MANAGED_CLIENT_ID.
    ...azure(
      'azure managed',
      'Managed identity',
      {},
      { AZURE_AUTH_MODE: 'managed', AZURE_MANAGED_CLIENT_ID: '' },
    ),
    secrets: [],
    registry: { mode: 'existing', secretName: 'e2e-pull-secret' },
  },
  {
    ...azure(
      'azure entra',
      'Entra ID app',
      {
        'Tenant ID': 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
        'Client ID': '11111111-2222-4333-8444-555555555555',
        'Client secret': entraSecret,
      },
      {
        AZURE_AUTH_MODE: 'entra',
        AZURE_ENTRA_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
        AZURE_ENTRA_CLIENT_SECRET: entraSecret,
        AZURE_ENTRA_TENANT_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      },
    ),
    secrets: [entraSecret],
  },
]
