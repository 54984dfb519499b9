import { buildBundle, DeploymentConfigSchema, renderValuesYaml } from '@portkey-setup/schema'
import { fixtures } from '@portkey-setup/schema/fixtures'
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp, stepHeading } from '../../test/render-app'

const at = (version: string, fixture: keyof typeof fixtures = 's3') =>
  DeploymentConfigSchema.parse({ ...fixtures[fixture], chart: { ...fixtures[fixture].chart, version } })

/** The values.yaml without its comment header, as a hand-written file or `helm get values` has it. */
const withoutHeader = (yaml: string) => yaml.replace(/^(#.*\n|\s*\n)+/, '')

const openDialog = async (user: ReturnType<typeof renderApp>['user']) => {
  await stepHeading('Cluster & chart')
  await user.click(screen.getByTestId('import-open'))
  return screen.findByRole('dialog', { name: 'Import an existing values.yaml' })
}

const paste = async (user: ReturnType<typeof renderApp>['user'], dialog: HTMLElement, text: string) => {
  // Focus directly: Radix turns pointer events on only after the dialog's opening frame.
  within(dialog).getByLabelText('…or paste its contents').focus()
  await user.paste(text)
}

describe('import of what runs today, and the upgrade', () => {
  it('reads a 1.0.7 bundle zip, offers only later releases (newest first) and lands on Review to upgrade', async () => {
    const { user } = renderApp()
    const dialog = await openDialog(user)
    const zip = await buildBundle(at('1.0.7'))
    const file = new File([new Uint8Array(zip)], 'portkey-portkey-ai-bundle.zip', { type: 'application/zip' })
    await user.upload(within(dialog).getByLabelText('values.yaml file'), file)
    expect(await within(dialog).findByTestId('import-zip')).toHaveTextContent('portkey-portkey-ai-bundle.zip')
    await user.click(within(dialog).getByTestId('import-submit'))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())

    const banner = screen.getByTestId('import-warnings')
    expect(within(banner).getByTestId('import-version-source')).toHaveTextContent(
      'Chart 1.0.7 runs today, as the values.yaml header of the bundle zip says.',
    )
    const select = (await within(banner).findByLabelText('Upgrade to')) as HTMLSelectElement
    const offered = [...select.options].map((o) => o.value)
    expect(offered[0]).toBe('1.7.7')
    expect(select.options[0]?.textContent).toBe('1.7.7 (newest, default)')
    expect(offered).not.toContain('1.0.7')
    expect(offered.at(-1)).toBe('1.1.0')
    expect(select).toHaveValue('1.7.7')
    // The values-level diff: what the 1.7.7 bundle writes against what runs (comments and layout aside).
    const diff = await within(banner).findByRole('region', { name: /values running 1\.0\.7 compared with/ })
    expect(diff.textContent).toMatch(/^\+/m)
    expect(diff.textContent).not.toContain('Chart:')

    await user.click(within(banner).getByRole('button', { name: 'Upgrade to 1.7.7 and review' }))
    await stepHeading('Review & download')
    const note = await screen.findByTestId('upgrade-note')
    expect(note).toHaveTextContent('Upgrading from 1.0.7 to 1.7.7')
    expect(note).toHaveTextContent('run scripts/upgrade.sh instead of scripts/install.sh')
    expect(
      within(note)
        .getAllByTestId('command-block')
        .map((b) => b.textContent),
    ).toEqual([
      expect.stringContaining('scripts/upgrade.sh --diff'),
      expect.stringContaining('portkey-setup upgrade values.yaml --to 1.7.7 --manifests'),
      expect.stringContaining('scripts/upgrade.sh'),
    ])
  })

  it('asks for the version when the input does not say it, and reads it from pasted helm list output', async () => {
    const { user } = renderApp()
    const dialog = await openDialog(user)
    await paste(user, dialog, `USER-SUPPLIED VALUES:\n${withoutHeader(renderValuesYaml(at('1.3.1')))}`)
    await user.click(within(dialog).getByTestId('import-submit'))
    const question = await within(dialog).findByTestId('import-version')
    expect(within(question).getByLabelText('Running chart version')).toHaveValue('')

    // Neither chosen nor pasted: the dialog says what is missing and stays open.
    await user.click(within(dialog).getByRole('button', { name: 'Import at this version' }))
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Choose the chart version that runs today')

    within(question).getByLabelText('…or paste helm list output').focus()
    await user.paste(
      'NAME\tNAMESPACE\tREVISION\tUPDATED\tSTATUS\tCHART\tAPP VERSION\nportkey-ai\tportkeyai\t3\t2026-03-01\tdeployed\tgateway-1.3.1\t1.12.0\n',
    )
    await user.click(within(dialog).getByRole('button', { name: 'Import at this version' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const banner = screen.getByTestId('import-warnings')
    expect(within(banner).getByTestId('import-version-source')).toHaveTextContent(
      'Chart 1.3.1 runs today, as the helm list output you pasted says.',
    )
    // The importer's "newest assumed" warning gave way to the question.
    expect(banner).not.toHaveTextContent('is assumed')
    expect(await within(banner).findByLabelText('Upgrade to')).toHaveValue('1.7.7')
  })

  it('takes the version the user picks, and says the newest release has nothing to upgrade to', async () => {
    const { user } = renderApp()
    const dialog = await openDialog(user)
    await paste(user, dialog, withoutHeader(renderValuesYaml(at('1.7.7'))))
    await user.click(within(dialog).getByTestId('import-submit'))
    await user.selectOptions(await within(dialog).findByLabelText('Running chart version'), '1.7.7')
    await user.click(within(dialog).getByRole('button', { name: 'Import at this version' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const banner = screen.getByTestId('import-warnings')
    expect(banner).toHaveTextContent('Chart 1.7.7 runs today, as you confirmed.')
    expect(await within(banner).findByTestId('upgrade-none')).toHaveTextContent('1.7.7 is the newest release')
  })

  it('names what to fix first when the config cannot be deployed at the target, linking to its step', async () => {
    const { user } = renderApp()
    const dialog = await openDialog(user)
    // An Ingress path other than / works on 1.0.3 and 1.0.4, not again before 1.3.0.
    await paste(user, dialog, renderValuesYaml(at('1.0.4', 'ingress-path')))
    await user.click(within(dialog).getByTestId('import-submit'))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const banner = screen.getByTestId('import-warnings')
    await user.selectOptions(await within(banner).findByLabelText('Upgrade to'), '1.1.0')
    const summary = await within(banner).findByTestId('validation-summary')
    await user.click(within(summary).getByRole('button', { name: 'Go to Exposure' }))
    await stepHeading('Exposure')
  })

  it('says so when a zip is not a bundle', async () => {
    const { user } = renderApp()
    const dialog = await openDialog(user)
    const bogus = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])
    await user.upload(within(dialog).getByLabelText('values.yaml file'), new File([bogus], 'x.zip'))
    await within(dialog).findByTestId('import-zip')
    await user.click(within(dialog).getByTestId('import-submit'))
    await waitFor(() =>
      expect(within(dialog).getByRole('alert')).toHaveTextContent('This zip cannot be opened'),
    )
  })
})
