import { expectSafeScripts, readBundle } from '../support/bundle.js'
import { expect, test } from '../support/fixtures.js'
import { LOG_STORE_ENV, LOG_STORE_PATHS, secretFor } from '../support/log-store-paths.js'
import {
  downloadBundle,
  expectNoSecretsStored,
  localStorageDump,
  openWizard,
  recordUrls,
  walk,
} from '../support/wizard.js'

test.describe.configure({ mode: 'parallel' })

/**
 * One walk per log-store path: every step, the minimal fields, the download, then the unzipped
 * bundle — values.yaml carries exactly what was typed, scripts are executable and secret-free,
 * and no secret reached localStorage or a URL on the way.
 */
for (const path of LOG_STORE_PATHS) {
  test(`walk to the bundle: ${path.id}`, async ({ page }) => {
    const urls = recordUrls(page)
    const registry = path.registry ?? {
      mode: 'create' as const,
      username: 'acme-e2e',
      password: secretFor(path.id, 'registry'),
    }
    const clientAuth = secretFor(path.id, 'client-auth')
    const secrets = [...path.secrets, clientAuth, ...(registry.mode === 'create' ? [registry.password] : [])]

    await openWizard(page)
    await walk(page, {
      registry,
      logStore: path.fill,
      sync: { clientAuth, organisations: ['org-e2e-1'] },
    })
    // The draft is there (so the absence of secrets in it means something), without any secret.
    expect(await localStorageDump(page)).toContain('org-e2e-1')
    await expectNoSecretsStored(page, urls, secrets)

    const bundle = await readBundle(await downloadBundle(page))
    expect(bundle.fileName).toBe('portkey-portkey-ai-bundle.zip')

    // An empty value is written as null (the chart then stores a real empty string).
    const empties = Object.fromEntries(bundle.nullEnv.filter((k) => path.env[k] === '').map((k) => [k, '']))
    const logStoreEnv = Object.fromEntries(
      Object.entries({ ...bundle.env, ...empties }).filter(([k]) => LOG_STORE_ENV.test(k)),
    )
    expect(logStoreEnv).toEqual(path.env)
    expect(bundle.env).toMatchObject({
      SERVICE_NAME: 'portkeyenterprise',
      PORTKEY_CLIENT_AUTH: clientAuth,
      ORGANISATIONS_TO_SYNC: 'org-e2e-1',
      CACHE_STORE: 'redis',
      ANALYTICS_STORE: 'control_plane',
    })
    for (const [key, value] of Object.entries(bundle.env))
      expect(typeof value, `environment.data.${key} is a string`).toBe('string')
    if (registry.mode === 'create')
      expect(bundle.values.imageCredentials).toEqual([
        expect.objectContaining({ username: 'acme-e2e', password: registry.password }),
      ])

    expectSafeScripts(bundle, secrets)
    path.expectBundle?.(bundle)
    await expectNoSecretsStored(page, urls, secrets)
  })
}
