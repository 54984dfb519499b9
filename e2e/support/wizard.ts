import type { Download, Locator, Page } from '@playwright/test'
import { expect } from './fixtures.js'

/**
 * Drives the wizard the way a user does, by visible labels and roles: one function per step, and
 * `walk` for a whole run from the first step to the Review step.
 */

export const STEP_TITLES = {
  chart: 'Cluster & chart',
  registry: 'Image registry',
  logStore: 'Log store',
  analytics: 'Analytics',
  cache: 'Cache',
  sync: 'Sync',
  bedrock: 'Bedrock',
  dataService: 'Data service',
  kubernetes: 'Kubernetes',
  exposure: 'Exposure',
  secrets: 'Secrets delivery',
  review: 'Review & download',
} as const

export type StepId = keyof typeof STEP_TITLES
export const STEP_IDS = Object.keys(STEP_TITLES) as StepId[]

export const stepHeading = (page: Page) => page.locator('#step-heading')

/**
 * The text input or textarea labelled exactly `label` (a radio card may carry the same words, as
 * "Storage account key" does, so only form inputs count).
 */
export const field = (page: Page, label: string): Locator =>
  page.getByLabel(label, { exact: true }).and(page.locator('input, textarea'))

export const radio = (page: Page, title: string): Locator =>
  page.getByRole('radio', { name: title, exact: true })

/** Waits until step `id` is on screen with its lazily loaded fields rendered. */
export const expectStep = async (page: Page, id: StepId) => {
  await expect(stepHeading(page)).toHaveText(STEP_TITLES[id])
  await expect(page).toHaveURL(new RegExp(`[?&]step=${id}(&|#|$)`))
  // Review shows either the whole config's issues or, once it is valid, checks, files and download.
  const content =
    id === 'review'
      ? page.getByTestId('step-review').or(page.getByTestId('validation-summary'))
      : page.getByTestId(`step-${id}`)
  await expect(content).toBeVisible()
}

export const openWizard = async (page: Page, step: StepId = 'chart') => {
  await page.goto(step === 'chart' ? '/' : `/?step=${step}`)
  await expectStep(page, step)
}

export const currentStep = async (page: Page): Promise<StepId> => {
  const title = await stepHeading(page).textContent()
  const id = STEP_IDS.find((s) => STEP_TITLES[s] === title)
  if (!id) throw new Error(`unknown step heading "${title}"`)
  return id
}

/** "Next: <following step>", then waits for the following step. */
export const next = async (page: Page) => {
  const here = await currentStep(page)
  const following = STEP_IDS[STEP_IDS.indexOf(here) + 1]
  if (!following) throw new Error(`${here} is the last step`)
  await page.getByRole('button', { name: `Next: ${STEP_TITLES[following]}` }).click()
  await expectStep(page, following)
}

export const choose = async (page: Page, title: string) => {
  const option = radio(page, title)
  await option.click()
  await expect(option).toBeChecked()
}

export const fillAll = async (page: Page, fields: Readonly<Record<string, string>>) => {
  for (const [label, value] of Object.entries(fields)) await field(page, label).fill(value)
}

// ---- steps ------------------------------------------------------------------------------------

export type ChartInput = { releaseName?: string; namespace?: string }

export const fillChart = async (page: Page, chart: ChartInput = {}) => {
  if (chart.releaseName) await field(page, 'Release name').fill(chart.releaseName)
  if (chart.namespace) await field(page, 'Namespace').fill(chart.namespace)
}

export type RegistryInput =
  | { mode: 'create'; username: string; password: string }
  | { mode: 'existing'; secretName: string }

export const fillRegistry = async (page: Page, registry: RegistryInput) => {
  if (registry.mode === 'create') {
    await choose(page, 'Use the credentials Portkey sent')
    await fillAll(page, { Username: registry.username, 'Password or access token': registry.password })
  } else {
    await choose(page, 'Use a pull secret I already have')
    await field(page, 'Pull secret name').fill(registry.secretName)
  }
}

export type CacheInput = { store: 'redis' } | { store: 'custom'; url: string }

export const fillCache = async (page: Page, cache: CacheInput) => {
  if (cache.store === 'redis') return
  await choose(page, 'Another Redis you run')
  await field(page, 'Redis URL').fill(cache.url)
}

export type SyncInput = { clientAuth: string; organisations: readonly string[] }

export const fillSync = async (page: Page, sync: SyncInput) => {
  await field(page, 'Client auth key').fill(sync.clientAuth)
  for (const [i, org] of sync.organisations.entries()) {
    if (i > 0) await page.getByRole('button', { name: 'Add organisation id' }).click()
    await field(page, `Organisation ID ${i + 1}`).fill(org)
  }
}

export type Walk = {
  chart?: ChartInput
  registry: RegistryInput
  /** Chooses the log store and fills its fields (see log-store-paths.ts). */
  logStore: (page: Page) => Promise<void>
  cache?: CacheInput
  sync: SyncInput
  /** Extra work on a step after its usual fields (optional sections, a check, an error state). */
  steps?: Partial<Record<StepId, (page: Page) => Promise<void>>>
}

/** Every step from the first to Review, filling only what the walk names; returns on Review. */
export const walk = async (page: Page, w: Walk, onStep?: (id: StepId) => Promise<void>) => {
  const steps: Record<StepId, () => Promise<void>> = {
    chart: () => fillChart(page, w.chart),
    registry: () => fillRegistry(page, w.registry),
    logStore: () => w.logStore(page),
    analytics: async () => undefined,
    cache: () => fillCache(page, w.cache ?? { store: 'redis' }),
    sync: () => fillSync(page, w.sync),
    bedrock: async () => undefined,
    dataService: async () => undefined,
    kubernetes: async () => undefined,
    exposure: async () => undefined,
    secrets: async () => undefined,
    review: async () => undefined,
  }
  for (const id of STEP_IDS) {
    await expectStep(page, id)
    await steps[id]()
    await w.steps?.[id]?.(page)
    await onStep?.(id)
    if (id !== 'review') await next(page)
  }
}

// ---- review and download ------------------------------------------------------------------------

/** Waits for the Review step's automatic run of every check to finish; returns its summary line. */
export const awaitReviewChecks = async (page: Page): Promise<string> => {
  await expect(page.getByTestId('step-review')).toBeVisible()
  await expect(page.getByTestId('run-all-checks')).toHaveText('Run all checks again', { timeout: 30_000 })
  return (await page.getByTestId('checks-summary-line').textContent()) ?? ''
}

/**
 * Downloads the bundle from Review. When a check failed, the wizard must ask first: the dialog is
 * asserted and confirmed; otherwise the download must start without one.
 */
export const downloadBundle = async (page: Page): Promise<Download> => {
  const summary = await awaitReviewChecks(page)
  const failing = /\bfailed\b/.test(summary)
  const button = page.getByTestId('download-bundle')
  if (!failing) {
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()])
    await expect(page.getByTestId('confirm-download')).toHaveCount(0)
    return download
  }
  await button.click()
  const dialog = page.getByRole('alertdialog', { name: 'Download with failing checks?' })
  await expect(dialog).toBeVisible()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download anyway' }).click(),
  ])
  return download
}

/** Every value of every key in localStorage, as one string to search. */
export const localStorageDump = (page: Page) =>
  page.evaluate(() =>
    Object.keys(window.localStorage)
      .map((k) => `${k}=${window.localStorage.getItem(k)}`)
      .join('\n'),
  )

/** Records every URL the page shows, including history.pushState/replaceState entries. */
export const recordUrls = (page: Page): string[] => {
  const urls: string[] = []
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) urls.push(frame.url())
  })
  return urls
}

/** Secrets must never reach localStorage (the draft) or any URL the wizard navigated to. */
export const expectNoSecretsStored = async (
  page: Page,
  urls: readonly string[],
  secrets: readonly string[],
) => {
  const stored = await localStorageDump(page)
  const seen = [...urls, page.url()].join('\n')
  for (const secret of secrets) {
    expect(stored, 'localStorage must not hold a secret').not.toContain(secret)
    expect(seen, 'no URL may carry a secret').not.toContain(secret)
    expect(seen, 'no URL may carry a secret (encoded)').not.toContain(encodeURIComponent(secret))
  }
}
