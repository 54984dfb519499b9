import { AxeBuilder } from '@axe-core/playwright'
import type { Page, TestInfo } from '@playwright/test'
import { expect } from './fixtures.js'

/** axe-core on the whole page as it is now: zero violations, each reported with its nodes. */
export const expectNoAxeViolations = async (page: Page, what: string) => {
  const { violations } = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze()
  const readable = violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ')}`),
  }))
  expect(readable, `axe violations on ${what}`).toEqual([])
}

export const SCREEN_WIDTHS = [390, 1440] as const
const WIDEST = Math.max(...SCREEN_WIDTHS)
const HEIGHT = 900

/**
 * A screenshot at each width (the full page, or just the viewport for a modal dialog, whose fixed
 * overlay covers only the viewport), kept in e2e/artifacts/screenshots/ and attached to the test
 * report. The viewport is back at the widest size afterwards.
 */
export const screenshotAtWidths = async (page: Page, testInfo: TestInfo, name: string, fullPage = true) => {
  for (const width of SCREEN_WIDTHS) {
    await page.setViewportSize({ width, height: HEIGHT })
    // From the top, so the sticky stepper sits where a user first sees it.
    await page.evaluate(() => window.scrollTo(0, 0))
    // Nothing may push the page sideways: at 390 px every line has to wrap or scroll in its own box.
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth)
    expect.soft(pageWidth, `${name} fits ${width} px without scrolling sideways`).toBeLessThanOrEqual(width)
    const path = `e2e/artifacts/screenshots/${name}-${width}.png`
    await page.screenshot({ path, fullPage, animations: 'disabled', caret: 'hide' })
    await testInfo.attach(`${name}-${width}`, { path, contentType: 'image/png' })
  }
  await page.setViewportSize({ width: WIDEST, height: HEIGHT })
}
