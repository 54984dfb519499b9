import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures.js'

/**
 * Keyboard-only driving: Tab and Shift+Tab to move, Enter, Space and the arrow keys to act,
 * typing to fill. Every element focus lands on must show a visible focus indicator.
 */

type FocusState = { what: string; visible: boolean }

/** What has focus, and whether it is drawn: :focus-visible with an outline or a box-shadow ring. */
export const focusState = (page: Page): Promise<FocusState> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return { what: 'nothing (body)', visible: false }
    const style = getComputedStyle(el)
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0
    const ring = style.boxShadow !== 'none'
    const label =
      el.getAttribute('aria-label') ??
      (el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null) ??
      el.textContent ??
      ''
    return {
      what: `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> "${label.trim().slice(0, 60)}"`,
      visible: el.matches(':focus-visible') && (outline || ring),
    }
  })

export const expectVisibleFocus = async (page: Page) => {
  const state = await focusState(page)
  expect(state.visible, `focus indicator visible on ${state.what}`).toBe(true)
}

/** Tabs (forward, or back with Shift+Tab) until `target` has focus; every stop must show focus. */
export const tabTo = async (page: Page, target: Locator, { back = false, max = 80 } = {}) => {
  await target.waitFor({ state: 'attached' })
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
    await expectVisibleFocus(page)
    if (await target.evaluate((el) => el === document.activeElement)) return
  }
  throw new Error(`${target} not reached in ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`)
}

/** Tabs to a text field and types into it, replacing what was there. */
export const typeInto = async (page: Page, target: Locator, value: string) => {
  await tabTo(page, target)
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type(value)
  await expect(target).toHaveValue(value)
}
