import { test as base, expect } from '@playwright/test'

/**
 * The Playwright `test` every spec uses: one browser per worker (Playwright's default), a fresh
 * context per test, and a page that fails its test on any console error or uncaught exception.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: async ({ context }, use) => {
    const errors: string[] = []
    context.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console.error: ${msg.text()} (${msg.location().url})`)
    })
    context.on('weberror', (e) => errors.push(`uncaught: ${e.error().message}`))
    await use(errors)
    expect(errors, 'the wizard logged errors to the console').toEqual([])
  },
  // Every test gets the console watcher, whether it names the fixture or not.
  page: async ({ page, consoleErrors }, use) => {
    void consoleErrors
    await use(page)
  },
})

export { expect }
