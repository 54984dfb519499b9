import type { Page, TestInfo } from '@playwright/test'
import { expectNoAxeViolations, screenshotAtWidths } from '../support/a11y.js'
import { expect, test } from '../support/fixtures.js'
import { peerWalk } from '../support/peer-walk.js'
import { redisUrl } from '../support/peers.js'
import {
  awaitReviewChecks,
  choose,
  field,
  openWizard,
  STEP_IDS,
  type StepId,
  walk,
} from '../support/wizard.js'

/**
 * Every step, in the light and the dark theme: axe finds nothing, and a screenshot at 390 px and
 * 1440 px is kept as an artifact. The walk switches every optional section on, and visits the
 * states a user meets on the way: field errors, a failed check, a passed one, the dialogs.
 */

test.describe.configure({ mode: 'parallel' })

const SCHEMES = ['light', 'dark'] as const

for (const scheme of SCHEMES) {
  test(`axe and screenshots on every step (${scheme})`, async ({ page }, testInfo) => {
    // Eleven axe runs and twenty-four screenshots: well over the default minute on two cores.
    test.setTimeout(180_000)
    await page.emulateMedia({ colorScheme: scheme })
    await page.setViewportSize({ width: 1440, height: 900 })
    const capture = async (name: string) => {
      await expectNoAxeViolations(page, `${name} (${scheme})`)
      await screenshotAtWidths(page, testInfo, `${scheme}-${name}`)
    }
    const order = (id: StepId) => String(STEP_IDS.indexOf(id) + 1).padStart(2, '0')

    const base = peerWalk()
    await openWizard(page)
    await walk(
      page,
      {
        ...base,
        steps: {
          ...base.steps,
          cache: async (p) => {
            // A failed check: the hint sits under the Redis URL field.
            await choose(p, 'Another Redis you run')
            await field(p, 'Redis URL').fill(redisUrl('wrong-password'))
            await testConnection(p, 'cache', 'fail')
            await capture(`${order('cache')}-cache-check-failed`)
            await field(p, 'Redis URL').fill(redisUrl())
            await testConnection(p, 'cache', 'pass')
          },
          sync: async (p) => {
            // Field errors after an early "Next", then the fields filled in.
            await field(p, 'Client auth key').fill('')
            await p.getByRole('button', { name: 'Next: Bedrock' }).click()
            await expect(p.locator('[data-field="sync.clientAuth"] .field__error')).toBeVisible()
            await capture(`${order('sync')}-sync-errors`)
            await field(p, 'Client auth key').fill('e2e-client-auth')
          },
        },
      },
      async (id) => {
        if (id === 'review') await settleReview(page)
        await capture(`${order(id)}-${id}`)
      },
    )
    if (scheme === 'light') await dialogs(page, testInfo)
  })
}

const testConnection = async (page: Page, target: string, status: 'pass' | 'fail') => {
  await page.getByTestId(`test-connection-${target}`).getByRole('button', { name: 'Test connection' }).click()
  await expect(page.getByTestId(`check-status-${target}`)).toHaveAttribute('data-status', status, {
    timeout: 20_000,
  })
}

/** Review with its checks done and values.yaml open as a diff against the chart's defaults. */
const settleReview = async (page: Page) => {
  await awaitReviewChecks(page)
  const tree = page.getByTestId('review-file-tree')
  await tree.getByRole('tab', { name: 'values.yaml' }).click()
  await page.getByTestId('values-diff-tab').click()
  await expect(page.getByTestId('values-diff')).toContainText('+    LOG_STORE: "s3_assume"')
}

/** The import and start-fresh dialogs, open over the Review step. */
const dialogs = async (page: Page, testInfo: TestInfo) => {
  for (const [button, role, name] of [
    ['Import values.yaml', 'dialog', 'Import an existing values.yaml'],
    ['Start fresh', 'alertdialog', 'Start fresh?'],
  ] as const) {
    await page.getByRole('button', { name: button, exact: true }).click()
    const dialog = page.getByRole(role, { name })
    await expect(dialog).toBeVisible()
    await expectNoAxeViolations(page, `the "${name}" dialog`)
    await screenshotAtWidths(
      page,
      testInfo,
      `light-dialog-${button.toLowerCase().replace(/\W+/g, '-')}`,
      false,
    )
    await page.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)
  }
}
