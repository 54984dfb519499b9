import type { Page } from '@playwright/test'
import { readBundle } from '../support/bundle.js'
import { expect, test } from '../support/fixtures.js'
import { expectVisibleFocus, tabTo, typeInto } from '../support/keyboard.js'
import { secretFor } from '../support/log-store-paths.js'
import { awaitReviewChecks, expectStep, field, radio, stepHeading } from '../support/wizard.js'

/**
 * The main path with the keyboard only: no click anywhere, from the skip link to the downloaded
 * zip, with a visible focus indicator on every element focus lands on.
 */

const nextButton = (page: Page) => page.getByRole('button', { name: /^Next: / })

test('keyboard only: S3 with access keys, from the first step to the download', async ({ page }) => {
  const secret = secretFor('keyboard', 'secret-key')
  const clientAuth = secretFor('keyboard', 'client-auth')
  await page.goto('/')
  await expectStep(page, 'chart')

  // The skip link jumps to the step; the next Tab is its first field.
  await tabTo(page, page.getByRole('link', { name: 'Skip to the current step' }))
  await page.keyboard.press('Enter')
  await expect(stepHeading(page)).toBeFocused()

  // Cluster & chart: Enter in a field submits the step.
  await typeInto(page, field(page, 'Release name'), 'kb-release')
  await page.keyboard.press('Enter')
  await expectStep(page, 'registry')
  await expect(stepHeading(page)).toBeFocused()

  // Image registry: arrow keys move between the cards and choose.
  await tabTo(page, radio(page, 'Use the credentials Portkey sent'))
  // Held like a person holds a key: Radix checks the card that focus moves to while the arrow is down.
  await page.keyboard.press('ArrowDown', { delay: 50 })
  await expect(radio(page, 'Use a pull secret I already have')).toBeChecked()
  await expect(radio(page, 'Use a pull secret I already have')).toBeFocused()
  await typeInto(page, field(page, 'Pull secret name'), 'kb-pull-secret')
  await tabTo(page, nextButton(page))
  await page.keyboard.press('Space')
  await expectStep(page, 'logStore')

  // Log store: Space chooses a card; the secret can be shown and hidden from the keyboard.
  await tabTo(page, radio(page, 'Amazon S3 with access keys'))
  await page.keyboard.press('Space')
  await expect(radio(page, 'Amazon S3 with access keys')).toBeChecked()
  await typeInto(page, field(page, 'Region'), 'eu-west-1')
  await typeInto(page, field(page, 'Bucket'), 'kb-e2e-logs')
  await typeInto(page, field(page, 'Access key ID'), 'AKIAKEYBOARD0001')
  await typeInto(page, field(page, 'Secret access key'), secret)
  await expect(field(page, 'Secret access key')).toHaveAttribute('type', 'password')
  await tabTo(page, page.getByRole('button', { name: 'Show Secret access key' }))
  await page.keyboard.press('Space')
  await expect(field(page, 'Secret access key')).toHaveAttribute('type', 'text')
  await page.keyboard.press('Space')
  await expect(field(page, 'Secret access key')).toHaveAttribute('type', 'password')
  await tabTo(page, field(page, 'Secret access key'), { back: true })
  await expect(field(page, 'Secret access key')).toHaveValue(secret)
  // Test connection from the keyboard: the result (a failure, the key is made up) is announced.
  await tabTo(page, page.getByTestId('test-button-logStore'))
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('check-status-logStore')).toHaveAttribute('data-status', 'fail', {
    timeout: 20_000,
  })
  await expect(page.getByTestId('check-live-logStore')).toContainText('log store access: Failed.')
  await tabTo(page, nextButton(page))
  await page.keyboard.press('Enter')

  for (const id of ['analytics', 'cache'] as const) {
    await expectStep(page, id)
    await tabTo(page, nextButton(page))
    await page.keyboard.press('Enter')
  }

  // Sync: the last field's Enter moves on.
  await expectStep(page, 'sync')
  await typeInto(page, field(page, 'Client auth key'), clientAuth)
  await typeInto(page, field(page, 'Organisation ID 1'), 'org-keyboard')
  await page.keyboard.press('Enter')

  for (const id of ['bedrock', 'dataService', 'kubernetes', 'exposure', 'secrets'] as const) {
    await expectStep(page, id)
    await tabTo(page, nextButton(page))
    await page.keyboard.press('Enter')
  }

  // Review: the failed log-store check makes the download ask first; the dialog is keyboard-driven too.
  await expectStep(page, 'review')
  expect(await awaitReviewChecks(page)).toMatch(/1 failed/)
  await tabTo(page, page.getByTestId('download-bundle'))
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('alertdialog', { name: 'Download with failing checks?' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Go back and fix' })).toBeFocused()
  await expectVisibleFocus(page)
  await tabTo(page, dialog.getByRole('button', { name: 'Download anyway' }))
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')])

  const bundle = await readBundle(download)
  expect(bundle.fileName).toBe('portkey-kb-release-bundle.zip')
  expect(bundle.values.imagePullSecrets).toEqual([{ name: 'kb-pull-secret' }])
  expect(bundle.env).toMatchObject({
    LOG_STORE: 's3',
    LOG_STORE_REGION: 'eu-west-1',
    LOG_STORE_GENERATIONS_BUCKET: 'kb-e2e-logs',
    LOG_STORE_ACCESS_KEY: 'AKIAKEYBOARD0001',
    LOG_STORE_SECRET_KEY: secret,
    PORTKEY_CLIENT_AUTH: clientAuth,
    ORGANISATIONS_TO_SYNC: 'org-keyboard',
  })
})
