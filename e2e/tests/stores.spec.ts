import { expectSafeScripts, readBundle } from '../support/bundle.js'
import { expect, test } from '../support/fixtures.js'
import { LOG_STORE_ENV, type LogStorePath, secretFor } from '../support/log-store-paths.js'
import {
  choose,
  downloadBundle,
  expectNoSecretsStored,
  fillAll,
  openWizard,
  recordUrls,
  walk,
} from '../support/wizard.js'

test.describe.configure({ mode: 'parallel' })

const customSecret = secretFor('s3_custom', 'secret-key')
const minioPassword = secretFor('minio', 'password')

/** The log stores added since chart 1.0.7, walked like the others, with the bundle read back. */
const PATHS: LogStorePath[] = [
  {
    id: 's3_custom',
    secrets: [customSecret, 'CUSTOME2EKEY01'],
    fill: async (page) => {
      await choose(page, 'Another S3-compatible store')
      await fillAll(page, {
        'Base path (endpoint and bucket)': 'https://s3.e2e.internal:9000/acme-e2e-logs/gateway',
        'Access key ID': 'CUSTOME2EKEY01',
        'Secret access key': customSecret,
      })
    },
    env: {
      LOG_STORE: 's3_custom',
      LOG_STORE_BASEPATH: 'https://s3.e2e.internal:9000/acme-e2e-logs/gateway',
      LOG_STORE_REGION: 'us-east-1',
      LOG_STORE_ACCESS_KEY: 'CUSTOME2EKEY01',
      LOG_STORE_SECRET_KEY: customSecret,
    },
    expectBundle: (bundle) => expect(bundle.values.minio).toBeUndefined(),
  },
  {
    id: 'minio',
    secrets: [minioPassword, 'portkey-e2e-minio'],
    fill: async (page) => {
      await choose(page, 'MinIO deployed by the chart')
      await fillAll(page, {
        Bucket: 'acme-e2e-minio',
        'MinIO user': 'portkey-e2e-minio',
        'MinIO password': minioPassword,
        'Storage class (optional)': 'standard',
      })
    },
    env: {
      LOG_STORE: 's3_custom',
      LOG_STORE_GENERATIONS_BUCKET: 'acme-e2e-minio',
      LOG_STORE_ACCESS_KEY: 'portkey-e2e-minio',
      LOG_STORE_SECRET_KEY: minioPassword,
      LOG_STORE_REGION: 'us-east-1',
      LOG_STORE_BASEPATH: 'http://minio:9000/acme-e2e-minio',
    },
    expectBundle: (bundle) =>
      expect(bundle.values.minio).toEqual({
        enabled: true,
        authKey: { create: true, accessKey: 'portkey-e2e-minio', secretKey: minioPassword },
        persistence: { enabled: true, size: '10Gi', storageClassName: 'standard' },
      }),
  },
]

for (const path of PATHS) {
  test(`walk to the bundle: ${path.id}`, async ({ page }) => {
    const urls = recordUrls(page)
    const registryPassword = secretFor(path.id, 'registry')
    const clientAuth = secretFor(path.id, 'client-auth')
    const secrets = [...path.secrets, clientAuth, registryPassword]

    await openWizard(page)
    await walk(page, {
      registry: { mode: 'create', username: 'acme-e2e', password: registryPassword },
      logStore: path.fill,
      sync: { clientAuth, organisations: ['org-e2e-1'] },
    })
    await expectNoSecretsStored(page, urls, secrets)

    const bundle = await readBundle(await downloadBundle(page))
    const logStoreEnv = Object.fromEntries(Object.entries(bundle.env).filter(([k]) => LOG_STORE_ENV.test(k)))
    expect(logStoreEnv).toEqual(path.env)
    expectSafeScripts(bundle, secrets)
    path.expectBundle?.(bundle)
    await expectNoSecretsStored(page, urls, secrets)
  })
}
