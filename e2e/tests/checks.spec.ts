import type { Page } from '@playwright/test'
import { expect, test } from '../support/fixtures.js'
import { motoSeed, redisUrl } from '../support/peers.js'
import { choose, field, fillAll, openWizard } from '../support/wizard.js'

/**
 * "Test connection" against the real peers: a failure puts the API's hint under the field it
 * names, and a pass shows every timed step. Nothing here is mocked: Redis refuses a wrong
 * password with WRONGPASS, moto recomputes the SigV4 signature of a wrong secret.
 */

const TIME = /^\d+ ms$|^\d+\.\d s$/

const runCheck = async (page: Page, target: string) => {
  const section = page.getByTestId(`test-connection-${target}`)
  await section.getByRole('button', { name: 'Test connection' }).click()
  const status = page.getByTestId(`check-status-${target}`)
  await expect(status).toHaveAttribute('data-status', /^(pass|fail|warn|skipped)$/, { timeout: 20_000 })
  return status
}

/** The hint must sit inside the field's own block, referenced by the input's aria-describedby. */
const expectHintAt = async (page: Page, path: string, hint: RegExp) => {
  const block = page.locator(`[data-field="${path}"]`)
  const input = block.locator('input, textarea').first()
  const error = block.locator('.field__error')
  await expect(error).toHaveText(hint)
  await expect(input).toHaveAttribute('aria-invalid', 'true')
  const errorId = await error.getAttribute('id')
  expect(errorId).toBeTruthy()
  await expect(input).toHaveAttribute('aria-describedby', new RegExp(`(^| )${errorId}( |$)`))
}

const expectTimedSteps = async (status: ReturnType<Page['getByTestId']>, names: readonly string[]) => {
  const steps = status.getByRole('list', { name: 'Steps' }).getByRole('listitem')
  await expect(steps).toHaveCount(names.length)
  for (const [i, name] of names.entries()) {
    const step = steps.nth(i)
    await expect(step.locator('.check__step-name')).toHaveText(name)
    await expect(step).toHaveClass(/check__step--pass/)
    await expect(step.locator('.check__step-time')).toHaveText(TIME)
  }
}

test('cache: a wrong Redis password fails at the URL field, the right one passes with timed steps', async ({
  page,
}) => {
  await openWizard(page, 'cache')
  await choose(page, 'Another Redis you run')
  await field(page, 'Redis URL').fill(redisUrl('not-the-password'))

  const failed = await runCheck(page, 'cache')
  await expect(failed).toHaveAttribute('data-status', 'fail')
  await expect(failed.getByTestId('check-error')).toContainText('AUTH_FAILED')
  await expectHintAt(page, 'cache.url', /“Redis URL” \(Cache\)/)
  await expect(page.getByTestId('check-live-cache')).toContainText('Failed')

  // Fixing the field clears the hint; the check then passes step by step.
  await field(page, 'Redis URL').fill(redisUrl())
  await expect(page.locator('[data-field="cache.url"] .field__error')).toHaveCount(0)
  const passed = await runCheck(page, 'cache')
  await expect(passed).toHaveAttribute('data-status', 'pass')
  await expectTimedSteps(passed, ['resolve', 'connect', 'authenticate', 'version'])
  await expect(passed.locator('.check__duration')).toHaveText(/^in (\d+ ms|\d+\.\d s)$/)
  await expect(page.getByTestId('check-live-cache')).toHaveText('the cache: Passed.')
})

test('log store: S3 with a wrong secret key fails at the secret key field, the seeded keys pass', async ({
  page,
}) => {
  const seed = motoSeed()
  const writer = seed.users.writer
  await openWizard(page, 'logStore')
  await choose(page, 'Amazon S3 with access keys')
  await fillAll(page, {
    Region: seed.region,
    Bucket: seed.buckets.logs,
    'Access key ID': writer.accessKeyId,
    'Secret access key': `${writer.secretAccessKey}x`,
  })

  const failed = await runCheck(page, 'logStore')
  await expect(failed).toHaveAttribute('data-status', 'fail')
  await expect(failed.getByTestId('check-error')).toContainText('AUTH_FAILED')
  await expectHintAt(page, 'logStore.secretKey', /“Secret access key” \(Log store\)/)

  await field(page, 'Secret access key').fill(writer.secretAccessKey)
  const passed = await runCheck(page, 'logStore')
  await expect(passed).toHaveAttribute('data-status', 'pass')
  await expectTimedSteps(passed, ['resolve', 'connect', 'write', 'read'])
})
