import { expect, test } from '../support/fixtures.js'
import { secretFor } from '../support/log-store-paths.js'
import {
  choose,
  expectNoSecretsStored,
  expectStep,
  field,
  fillAll,
  fillRegistry,
  localStorageDump,
  next,
  openWizard,
  recordUrls,
} from '../support/wizard.js'

/**
 * The draft: what the user typed survives a reload, except secrets, which never reach
 * localStorage, a URL or the history, and whose fields say they are not saved.
 */
test('the draft keeps answers across a reload but never a secret', async ({ page }) => {
  const urls = recordUrls(page)
  const secrets = [secretFor('draft', 'registry'), secretFor('draft', 'azure-key')]
  await openWizard(page)
  await field(page, 'Namespace').fill('draft-ns')
  await next(page)
  await fillRegistry(page, { mode: 'create', username: 'draft-user', password: secrets[0] ?? '' })
  await next(page)
  await choose(page, 'Azure Blob Storage')
  await fillAll(page, { 'Storage account': 'draftaccount', Container: 'draft-logs' })
  await choose(page, 'Storage account key')
  await field(page, 'Storage account key').fill(secrets[1] ?? '')
  await expect(page.locator('[data-field="logStore.auth.key"]')).toContainText(
    'Secret: not saved in the draft.',
  )

  // The draft was written (the check below could not pass on an empty store)...
  await expect.poll(() => localStorageDump(page)).toContain('draftaccount')
  expect(await localStorageDump(page)).toContain('draft-user')
  await expectNoSecretsStored(page, urls, secrets)

  // ...and brings back everything but the secrets.
  await page.reload()
  await expectStep(page, 'logStore')
  await expect(field(page, 'Storage account')).toHaveValue('draftaccount')
  await expect(field(page, 'Storage account key')).toHaveValue('')
  await page.goBack()
  await expectStep(page, 'registry')
  await expect(field(page, 'Username')).toHaveValue('draft-user')
  await expect(field(page, 'Password or access token')).toHaveValue('')
  await expectNoSecretsStored(page, urls, secrets)
  expect(await page.evaluate(() => window.history.length)).toBeGreaterThan(1)
})
