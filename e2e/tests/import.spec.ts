import type { Page } from '@playwright/test'
import { readBundle, text } from '../support/bundle.js'
import { expect, test } from '../support/fixtures.js'
import { LOG_STORE_PATHS, secretFor } from '../support/log-store-paths.js'
import { redisUrl, testCaPem } from '../support/peers.js'
import {
  downloadBundle,
  expectStep,
  field,
  localStorageDump,
  openWizard,
  radio,
  STEP_TITLES,
  type Walk,
  walk,
} from '../support/wizard.js'

/**
 * The import round trip: a bundle's values.yaml, fed back through the import dialog, brings the
 * wizard back to the same choices, so the next download has the very same values.yaml.
 */

const pathNamed = (id: string) => {
  const path = LOG_STORE_PATHS.find((p) => p.id === id)
  if (!path) throw new Error(`no log-store path ${id}`)
  return path
}

const startFresh = async (page: Page) => {
  await page.getByRole('button', { name: 'Start fresh' }).click()
  const dialog = page.getByRole('alertdialog', { name: 'Start fresh?' })
  await dialog.getByRole('button', { name: 'Start fresh' }).click()
  await expect(dialog).toHaveCount(0)
  await expectStep(page, 'chart')
  await expect(field(page, 'Release name')).toHaveValue('portkey-ai')
  expect(await localStorageDump(page)).not.toContain('portkey-setup:draft')
}

const goToStep = async (page: Page, id: keyof typeof STEP_TITLES) => {
  await page
    .getByRole('navigation', { name: 'Setup steps' })
    .getByRole('link', { name: STEP_TITLES[id] })
    .click()
  await expectStep(page, id)
}

const openImport = async (page: Page) => {
  await page.getByRole('button', { name: 'Import values.yaml' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import an existing values.yaml' })
  await expect(dialog).toBeVisible()
  return dialog
}

test('import via the file picker: unmodelled settings kept as written, same choices, identical values.yaml', async ({
  page,
}) => {
  const path = pathNamed('s3_assume access_keys')
  const original: Walk = {
    chart: { releaseName: 'acme-gw', namespace: 'acme-portkey' },
    registry: { mode: 'create', username: 'acme-e2e', password: secretFor('import', 'registry') },
    logStore: path.fill,
    cache: { store: 'custom', url: redisUrl() },
    sync: { clientAuth: secretFor('import', 'client-auth'), organisations: ['org-e2e-1', 'org-e2e-2'] },
  }
  await openWizard(page)
  await walk(page, original)
  const first = await readBundle(await downloadBundle(page))
  expect(first.fileName).toBe('portkey-acme-gw-bundle.zip')

  await startFresh(page)
  const dialog = await openImport(page)
  // A setting portkey-setup does not model is kept as written, never dropped silently.
  const edited = `${text(first, 'values.yaml')}\ne2eUnmapped:\n  keep: true\n`
  await dialog.getByLabel('values.yaml file').setInputFiles({
    name: 'values.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(edited),
  })
  await expect(dialog.getByLabel('…or paste its contents')).toHaveValue(edited)
  await dialog.getByRole('button', { name: 'Import' }).click()
  await expect(dialog).toHaveCount(0)

  const warnings = page.getByTestId('import-warnings')
  await expect(warnings.getByRole('heading')).toHaveText('values.yaml imported')
  await expect(page.getByTestId('import-kept')).toContainText(
    'One setting without a field in the wizard is kept',
  )

  // The choices are back where the user made them...
  await expect(field(page, 'Release name')).toHaveValue('acme-gw')
  await expect(field(page, 'Namespace')).toHaveValue('acme-portkey')
  await goToStep(page, 'logStore')
  await expect(radio(page, 'Amazon S3 with an IAM role')).toBeChecked()
  await expect(radio(page, 'Keys from Portkey assume your role')).toBeChecked()
  await expect(field(page, 'External ID')).toHaveValue('e2e-external-id-42')
  await goToStep(page, 'cache')
  await expect(radio(page, 'Another Redis you run')).toBeChecked()
  await goToStep(page, 'sync')
  await expect(field(page, 'Organisation ID 2')).toHaveValue('org-e2e-2')

  // ...and Review builds the same bundle from them.
  await goToStep(page, 'review')
  await expect(page.getByTestId('validation-summary')).toHaveCount(0)
  const kept = page.getByTestId('kept-settings')
  await expect(kept.getByRole('listitem')).toHaveText([/e2eUnmapped/])
  const second = await readBundle(await downloadBundle(page))
  expect(second.fileName).toBe(first.fileName)
  expect([...second.files.keys()]).toEqual([...first.files.keys()])
  expect(text(second, 'values.yaml')).toContain('e2eUnmapped:\n  keep: true')
  // Without the kept setting it is the first bundle's values.yaml, byte for byte.
  await kept.getByRole('button', { name: 'Remove e2eUnmapped' }).click()
  await expect(kept).toHaveCount(0)
  const third = await readBundle(await downloadBundle(page))
  expect(text(third, 'values.yaml')).toBe(text(first, 'values.yaml'))
})

test('import by pasting: the missing CA is a warning, Review names it, uploading it restores the bundle', async ({
  page,
}) => {
  const path = pathNamed('mongo-ca')
  await openWizard(page)
  await walk(page, {
    registry: { mode: 'existing', secretName: 'e2e-pull-secret' },
    logStore: path.fill,
    sync: { clientAuth: secretFor('paste', 'client-auth'), organisations: ['org-e2e-1'] },
  })
  const first = await readBundle(await downloadBundle(page))

  await startFresh(page)
  const dialog = await openImport(page)
  await dialog.getByLabel('…or paste its contents').fill(text(first, 'values.yaml'))
  await dialog.getByRole('button', { name: 'Import' }).click()

  const warnings = page.getByTestId('import-warnings')
  await expect(warnings.getByRole('listitem')).toHaveText([
    /Log store › CA certificate:.*upload the PEM again/,
  ])

  await goToStep(page, 'review')
  const summary = page.getByTestId('validation-summary')
  await expect(summary).toContainText('CA certificate:')
  await summary.getByRole('button', { name: 'Go to Log store' }).click()
  await expectStep(page, 'logStore')
  await expect(radio(page, 'MongoDB or Amazon DocumentDB')).toBeChecked()
  await expect(field(page, 'CA file name')).toHaveValue('peers-ca.pem')
  await field(page, '…or paste the CA certificate (PEM)').fill(testCaPem())

  await goToStep(page, 'review')
  const second = await readBundle(await downloadBundle(page))
  expect(text(second, 'values.yaml')).toBe(text(first, 'values.yaml'))
  expect(text(second, 'resources-config.yaml')).toBe(text(first, 'resources-config.yaml'))
})
