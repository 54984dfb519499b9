import { readFile } from 'node:fs/promises'
import { expectNoAxeViolations } from '../support/a11y.js'
import { readBundle, text } from '../support/bundle.js'
import { expect, test } from '../support/fixtures.js'
import { LOG_STORE_PATHS, secretFor } from '../support/log-store-paths.js'
import { downloadBundle, expectStep, openWizard, walk } from '../support/wizard.js'

/**
 * The upgrade walk in the browser: a 1.0.7 bundle from an earlier run, imported as its zip, upgraded
 * to the newest release, downloaded again: the new bundle's values.yaml is for 1.7.7 and Review says
 * to run scripts/upgrade.sh.
 */

const s3 = LOG_STORE_PATHS.find((p) => p.id === 's3_assume access_keys')

test('values without a version: the dialog asks, helm list output answers, and it has no axe violations', async ({
  page,
}) => {
  await openWizard(page)
  await page.getByRole('button', { name: 'Import values.yaml' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import an existing values.yaml' })
  await dialog.getByLabel('…or paste its contents').fill('USER-SUPPLIED VALUES:\nreplicaCount: 2\n')
  await dialog.getByRole('button', { name: 'Import' }).click()
  await expect(dialog.getByTestId('import-version')).toBeVisible()
  await expectNoAxeViolations(page, 'the import dialog asking for the running version')
  await dialog
    .getByLabel('…or paste helm list output')
    .fill('portkey-ai  portkeyai  4  deployed  gateway-1.5.0  1.17.13')
  await dialog.getByRole('button', { name: 'Import at this version' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByTestId('import-version-source')).toHaveText(
    'Chart 1.5.0 runs today, as the helm list output you pasted says.',
  )
})

test('a 1.0.7 bundle zip, imported and upgraded to 1.7.7, downloads a 1.7.7 bundle', async ({ page }) => {
  if (!s3) throw new Error('no s3 log-store path')
  await openWizard(page)
  await walk(page, {
    chart: { releaseName: 'old-gw', namespace: 'old-portkey' },
    registry: { mode: 'create', username: 'upgrade-e2e', password: secretFor('upgrade', 'registry') },
    logStore: s3.fill,
    sync: { clientAuth: secretFor('upgrade', 'client-auth'), organisations: ['org-e2e-1'] },
    steps: {
      chart: async (p) => {
        await p.getByLabel('Chart version').selectOption('1.0.7')
      },
    },
  })
  const download = await downloadBundle(page)
  const old = await readBundle(download)
  expect(text(old, 'values.yaml')).toMatch(/^#\s*Chart:\s+portkey-ai\/gateway 1\.0\.7$/m)

  // Another day, a fresh browser: start from the zip of that run.
  await page.evaluate(() => localStorage.clear())
  await openWizard(page)
  await page.getByRole('button', { name: 'Import values.yaml' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import an existing values.yaml' })
  await dialog.getByLabel('values.yaml file').setInputFiles({
    name: old.fileName,
    mimeType: 'application/zip',
    buffer: await readFile(await download.path()),
  })
  await expect(dialog.getByTestId('import-zip')).toContainText(old.fileName)
  await dialog.getByRole('button', { name: 'Import' }).click()
  await expect(dialog).toHaveCount(0)

  const banner = page.getByTestId('import-warnings')
  await expect(banner.getByTestId('import-version-source')).toHaveText(
    'Chart 1.0.7 runs today, as the values.yaml header of the bundle zip says.',
  )
  const target = banner.getByLabel('Upgrade to')
  await expect(target).toHaveValue('1.7.7')
  const diff = banner.getByRole('region', {
    name: /values running 1\.0\.7 compared with the values\.yaml of the 1\.7\.7 bundle/,
  })
  await expect(diff).toContainText('+')
  await expectNoAxeViolations(page, 'the upgrade picker with its values diff')
  await banner.getByRole('button', { name: 'Upgrade to 1.7.7 and review' }).click()
  await expectStep(page, 'review')
  const note = page.getByTestId('upgrade-note')
  await expect(note).toContainText('Upgrading from 1.0.7 to 1.7.7')
  await expect(note.getByTestId('command-block').first()).toContainText('scripts/upgrade.sh --diff')

  const upgraded = await readBundle(await downloadBundle(page))
  await expect(page.getByTestId('download-status')).toContainText('run scripts/upgrade.sh')
  expect(text(upgraded, 'values.yaml')).toMatch(/^#\s*Chart:\s+portkey-ai\/gateway 1\.7\.7$/m)
  // The same release, carried over from the import.
  expect(upgraded.fileName).toBe(old.fileName)
  // scripts/upgrade.sh comes with the bundle once the scripts work for issue 12 is merged (H4);
  // until then the bundle's install script is what exists.
  const scripts = [...upgraded.files.keys()].filter((f) => f.startsWith('scripts/'))
  expect(scripts).toContain('scripts/install.sh')
  if (scripts.includes('scripts/upgrade.sh')) expect(text(upgraded, 'scripts/upgrade.sh')).toContain('1.7.7')
})
