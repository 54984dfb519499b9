import { DeploymentConfigSchema, renderValuesYaml } from '@portkey-setup/schema'
import { fixtures } from '@portkey-setup/schema/fixtures'
import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startApiServer, streamLines } from '../../test/api-server'
import { renderApp, stepHeading } from '../../test/render-app'

type Server = Awaited<ReturnType<typeof startApiServer>>
let server: Server | undefined
let downloads: { name: string; blob: Blob }[] = []
const blobs = new Map<string, Blob>()

beforeEach(() => {
  downloads = []
  // jsdom has neither object URLs nor file downloads; these stand in for the browser's side of
  // "Blob → object URL → a[download] click" and record what would have been saved.
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${blobs.size}`
    blobs.set(url, blob)
    return url
  }
  URL.revokeObjectURL = (url: string) => void blobs.delete(url)
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href)
    if (this.download && blob) downloads.push({ name: this.download, blob })
  })
})

afterEach(async () => {
  await server?.close()
  server = undefined
})

const result = (target: string, status: 'pass' | 'fail' | 'skipped') => ({
  target,
  kind: target,
  status,
  durationMs: 12,
  steps: [{ name: 'connect', status, durationMs: 12 }],
  ...(status === 'fail'
    ? {
        error: {
          code: 'ACCESS_DENIED',
          message: 'The bucket refused the write.',
          hint: 'Allow s3:PutObject on the bucket for this key.',
          field: ['logStore', 'bucket'],
        },
      }
    : {}),
})

const importFixture = async (
  user: ReturnType<typeof renderApp>['user'],
  name: keyof typeof fixtures,
  extra = '',
) => {
  await user.click(screen.getByTestId('import-open'))
  const dialog = await screen.findByRole('dialog', { name: 'Import an existing values.yaml' })
  const yaml = renderValuesYaml(DeploymentConfigSchema.parse(fixtures[name])) + extra
  // Focus directly: Radix turns pointer events on only after the dialog's opening frame.
  within(dialog).getByLabelText('…or paste its contents').focus()
  await user.paste(yaml)
  await user.click(within(dialog).getByTestId('import-submit'))
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
}

describe('import and review', () => {
  it('imports a values.yaml, previews every file, diffs values.yaml and downloads after confirming failed checks', async () => {
    server = await startApiServer((req, res) => {
      const targets = (req.body as { targets: string[] }).targets
      return streamLines(
        res,
        targets.map((t) => result(t, t === 'logStore' ? 'fail' : 'pass')),
      )
    })
    const { user } = renderApp({ apiBaseUrl: server.url })
    await stepHeading('Cluster & chart')
    await importFixture(user, 's3')
    expect(screen.getByTestId('import-warnings')).toHaveTextContent('values.yaml imported')

    await user.click(screen.getByTestId('stepper-review'))
    await stepHeading('Review & download')

    // Every file of the bundle, rendered in the browser.
    const tree = await screen.findByTestId('review-file-tree')
    const names = within(tree)
      .getAllByRole('tab')
      .map((t) => t.textContent)
    expect(names).toEqual(expect.arrayContaining(['values.yaml', 'scripts/install.sh', 'README.md']))

    // values.yaml against the chart's defaults.
    await user.click(within(tree).getByRole('tab', { name: 'values.yaml' }))
    await user.click(screen.getByTestId('values-diff-tab'))
    const diff = await screen.findByTestId('values-diff')
    expect(diff.textContent).toContain('chart 1.7.7 defaults/values.yaml')
    expect(diff.textContent).toMatch(/\+\s+LOG_STORE: "?s3/)
    // Only what the values change, against the defaults they are merged over (not the whole file).
    expect(diff.textContent).toMatch(/-\s+LOG_STORE: null/)
    expect(diff.textContent).not.toMatch(/@@ -1,\d{3} /)
    expect(diff.textContent).not.toMatch(/^-replicaCount/m)
    expect(within(diff).getByText(/lays your values\.yaml over them/)).toBeInTheDocument()

    // All checks ran together; the failure is summarised and its hint sits under the bucket field.
    const summary = screen.getByTestId('checks-summary')
    await waitFor(() =>
      expect(within(summary).getByTestId('checks-summary-line')).toHaveTextContent(/1 failed/),
    )
    expect(server.requests).toHaveLength(1)
    expect((server.requests[0]!.body as { targets: string[] }).targets).toEqual([
      'registry',
      'logStore',
      'cache',
    ])
    expect(screen.getByTestId('stepper-logStore')).toHaveAttribute('data-state', 'error')

    // Downloading with a failed check needs an explicit yes.
    await user.click(screen.getByTestId('download-bundle'))
    const confirm = await screen.findByRole('alertdialog', { name: 'Download with failing checks?' })
    expect(downloads).toHaveLength(0)
    await user.click(within(confirm).getByRole('button', { name: 'Download anyway' }))
    await waitFor(() => expect(downloads).toHaveLength(1))
    expect(downloads[0]?.name).toBe('portkey-portkey-ai-bundle.zip')
    const bytes = new Uint8Array(await downloads[0]!.blob.arrayBuffer())
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04])
    expect(screen.getByTestId('download-status')).toHaveTextContent(
      'portkey-portkey-ai-bundle.zip is downloading',
    )
  })

  it('lists what it kept from the import as written, writes it into values.yaml, and lets each go', async () => {
    server = await startApiServer((_req, res) => {
      res.writeHead(501).end()
    })
    const { user } = renderApp({ apiBaseUrl: server.url })
    await stepHeading('Cluster & chart')
    await importFixture(
      user,
      's3',
      'podSecurityContext:\n  fsGroup: 2000\nhostAliases:\n  - ip: "10.0.0.9"\n',
    )
    expect(screen.getByTestId('import-kept')).toHaveTextContent(
      '2 settings without a field in the wizard are kept',
    )
    await user.click(screen.getByTestId('stepper-review'))
    const kept = await screen.findByTestId('kept-settings')
    expect(kept).toHaveTextContent('Kept as you wrote them')
    expect(
      within(kept)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('code')?.textContent),
    ).toEqual(['podSecurityContext', 'hostAliases'])
    // The values themselves are not shown: a kept setting may hold a token.
    expect(kept).not.toHaveTextContent('2000')
    const tree = await screen.findByTestId('review-file-tree')
    await user.click(within(tree).getByRole('tab', { name: 'values.yaml' }))
    await waitFor(() =>
      expect(screen.getByRole('tabpanel', { name: 'values.yaml' })).toHaveTextContent('fsGroup: 2000'),
    )

    await user.click(within(kept).getByRole('button', { name: 'Remove hostAliases' }))
    await waitFor(() =>
      expect(within(screen.getByTestId('kept-settings')).getAllByRole('listitem')).toHaveLength(1),
    )
    await user.click(
      within(screen.getByTestId('kept-settings')).getByRole('button', { name: 'Remove podSecurityContext' }),
    )
    await waitFor(() => expect(screen.queryByTestId('kept-settings')).not.toBeInTheDocument())
  })

  it('downloads straight away when no check failed, and says when the server has no checks', async () => {
    server = await startApiServer((_req, res) => {
      res.writeHead(501).end()
    })
    const { user } = renderApp({ apiBaseUrl: server.url })
    await stepHeading('Cluster & chart')
    await importFixture(user, 'azure-entra')
    await user.click(screen.getByTestId('stepper-review'))
    await waitFor(() =>
      expect(screen.getByTestId('checks-summary-line')).toHaveTextContent(
        'Checks unavailable on this server',
      ),
    )
    await user.click(screen.getByTestId('download-bundle'))
    await waitFor(() => expect(downloads).toHaveLength(1))
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
  })

  it('lists what to fix, by step, when the config is incomplete', async () => {
    const { user } = renderApp({ step: 'review' })
    const summary = await screen.findByTestId('validation-summary')
    expect(within(summary).getByText(/Log store is required/)).toBeInTheDocument()
    await user.click(within(summary).getByRole('button', { name: 'Go to Log store' }))
    await stepHeading('Log store')
    expect(window.location.search).toBe('?step=logStore')
  })

  it('shows the importer’s message for text that is not YAML', async () => {
    const { user } = renderApp()
    await stepHeading('Cluster & chart')
    await user.click(screen.getByTestId('import-open'))
    const dialog = await screen.findByRole('dialog')
    await user.click(within(dialog).getByTestId('import-submit'))
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'Choose a values.yaml file or paste its contents first.',
    )
    // Focus directly: Radix turns pointer events on only after the dialog's opening frame.
    within(dialog).getByLabelText('…or paste its contents').focus()
    await user.paste('key: [unclosed')
    await user.click(within(dialog).getByTestId('import-submit'))
    await waitFor(() =>
      expect(within(dialog).getByRole('alert')).toHaveTextContent(/not a values.yaml the wizard can read/),
    )
  })
})
