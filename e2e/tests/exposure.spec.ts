import { readBundle, text } from '../support/bundle.js'
import { expect, test } from '../support/fixtures.js'
import { LOG_STORE_PATHS, secretFor } from '../support/log-store-paths.js'
import {
  downloadBundle,
  expectNoSecretsStored,
  field,
  openWizard,
  recordUrls,
  walk,
} from '../support/wizard.js'

/**
 * A production-shaped exposure: an image mirror set in the Registry step and an Ingress with TLS
 * on the Exposure step, then the downloaded bundle says so in values.yaml, the README and the scripts.
 */
test('ingress with TLS and an image mirror reach the bundle', async ({ page }) => {
  const urls = recordUrls(page)
  const path = LOG_STORE_PATHS[0]
  if (!path) throw new Error('no log store path')
  const password = secretFor('exposure', 'registry')
  const clientAuth = secretFor('exposure', 'client-auth')
  await openWizard(page)
  await walk(page, {
    registry: { mode: 'create', username: 'acme-e2e', password },
    logStore: path.fill,
    sync: { clientAuth, organisations: ['org-e2e-1'] },
    steps: {
      registry: async (p) => {
        await p.getByRole('textbox', { name: /^Image mirror/ }).fill('registry.acme.internal:5000/dockerhub')
        await expect(p.getByRole('textbox', { name: /^Gateway tag/ })).toHaveAttribute(
          'placeholder',
          '2.13.0',
        )
        await p.getByRole('textbox', { name: /^Gateway tag/ }).fill('2.12.0')
      },
      exposure: async (p) => {
        await expect(p.getByRole('radio', { name: /ClusterIP \(default\)/ })).toBeChecked()
        await p.getByRole('switch', { name: /through an Ingress/ }).click()
        // A bad host name is refused at the field, with the rule.
        await field(p, 'Host name').fill('Gateway_Acme')
        await p.getByTestId('wizard-next').click()
        await expect(p.locator('[data-field="exposure.ingress.host"]')).toContainText('lowercase DNS name')
        await field(p, 'Host name').fill('gateway.acme.example.com')
        await p.getByRole('textbox', { name: /^TLS Secret/ }).fill('gateway-acme-tls')
        await p.getByRole('textbox', { name: /^Ingress class/ }).fill('nginx')
      },
    },
  })
  const bundle = await readBundle(await downloadBundle(page))

  expect(bundle.values.service).toEqual({ type: 'ClusterIP' })
  expect(bundle.values.ingress).toMatchObject({
    enabled: true,
    ingressClassName: 'nginx',
    hostname: 'gateway.acme.example.com',
    tls: [{ secretName: 'gateway-acme-tls', hosts: ['gateway.acme.example.com'] }],
    hostBased: false,
    gatewayPath: '/',
  })
  expect(bundle.values.images).toEqual({
    gatewayImage: {
      repository: 'registry.acme.internal:5000/dockerhub/portkeyai/gateway_enterprise',
      tag: '2.12.0',
      pullPolicy: 'IfNotPresent',
    },
    dataserviceImage: {
      repository: 'registry.acme.internal:5000/dockerhub/portkeyai/data-service',
      tag: '1.9.0',
      pullPolicy: 'IfNotPresent',
    },
    redisImage: {
      repository: 'registry.acme.internal:5000/dockerhub/redis',
      tag: '7.2-alpine',
      pullPolicy: 'IfNotPresent',
    },
  })
  const readme = text(bundle, 'README.md')
  expect(readme).toContain('curl -fsS https://gateway.acme.example.com/v1/health')
  expect(readme).toContain('Point your applications at https://gateway.acme.example.com')
  expect(readme).toContain("kubectl create secret tls 'gateway-acme-tls'")
  expect(readme).toContain('crane copy')
  expect(text(bundle, 'scripts/install.sh')).toContain('https://gateway.acme.example.com')
  expect(text(bundle, 'scripts/port-forward.sh')).toContain('For a quick test only')
  await expectNoSecretsStored(page, urls, [password, clientAuth, ...path.secrets])
})
