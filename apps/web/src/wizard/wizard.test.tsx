import { CHART_VERSIONS, ChartSchema, RegistryCreateSchema } from '@portkey-setup/schema'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { fieldBox, renderApp, stepHeading } from '../test/render-app'

describe('wizard steps', () => {
  it('starts on Cluster & chart with its fields, defaults and the schema’s help text', async () => {
    renderApp()
    await stepHeading('Cluster & chart')
    expect(screen.getByLabelText('Chart version')).toHaveValue('1.7.7')
    expect(screen.getByLabelText('Release name')).toHaveValue('portkey-ai')
    expect(screen.getByLabelText('Namespace')).toHaveValue('portkeyai')
    expect(screen.getByLabelText('Gateway service name')).toHaveValue('portkeyenterprise')
    // Help text comes from the schema's .describe(), and is wired to the input.
    expect(screen.getByLabelText('Release name')).toHaveAccessibleDescription(
      ChartSchema.shape.releaseName.description,
    )
  })

  it('offers every released chart, newest first, and says what an older one lacks', async () => {
    renderApp()
    await stepHeading('Cluster & chart')
    const select = screen.getByLabelText('Chart version') as HTMLSelectElement
    const options = [...select.options].map((o) => o.value)
    expect(options).toEqual(CHART_VERSIONS)
    expect(select.options[0]?.textContent).toMatch(/^1\.7\.7 — 2026-07-20 \(newest, default\)$/)
    expect(screen.getByText('This release has everything portkey-setup can configure.')).toBeInTheDocument()
    await userEvent.selectOptions(select, '1.0.5')
    expect(await screen.findByText('The data service: not available')).toBeInTheDocument()
    expect(select).toHaveAccessibleDescription(expect.stringContaining('this release lacks'))
  })

  it.each([
    ['registry', 'Image registry', ['Registry server', 'Username', 'Password or access token', /^Email/]],
    ['analytics', 'Analytics', ['Also push analytics to an OpenTelemetry collector']],
    ['cache', 'Cache', ['Redis URL']],
    ['sync', 'Sync', ['Client auth key', 'Organisation ID 1']],
    ['bedrock', 'Bedrock', ['Give the gateway access to Amazon Bedrock through an IAM role']],
    ['dataService', 'Data service', ['Deploy the data service (finetunes and log exports)']],
  ] as const)('renders the %s step with its fields', async (step, title, labels) => {
    renderApp({ step })
    await stepHeading(title)
    for (const label of labels) expect(await screen.findByLabelText(label)).toBeInTheDocument()
  })

  it('offers every log store as a radio card that says when to choose it', async () => {
    renderApp({ step: 'logStore' })
    const group = await screen.findByRole('radiogroup', { name: 'Log store' })
    const radios = within(group).getAllByRole('radio')
    expect(radios).toHaveLength(9)
    for (const r of radios) expect(r).toHaveAccessibleDescription(/Choose this|simplest/i)
  })

  it('shows each secrets mode with its own fields', async () => {
    const { user } = renderApp({ step: 'secrets' })
    await stepHeading('Secrets delivery')
    await user.click(await screen.findByRole('radio', { name: 'HashiCorp Vault' }))
    expect(screen.getByLabelText('Vault annotation prefix')).toHaveValue('vault.hashicorp.com')
    expect(screen.getByLabelText('Secret path')).toHaveValue('')
    await user.click(screen.getByRole('radio', { name: 'A Secret you create' }))
    expect(screen.getByLabelText('Secret name')).toHaveValue('portkey-gateway-secrets')
    expect(screen.queryByLabelText('Secret path')).not.toBeInTheDocument()
  })
})

describe('validation as you type', () => {
  it('puts the schema’s message under the field it names', async () => {
    const { user } = renderApp()
    const input = await screen.findByLabelText('Namespace')
    await user.clear(input)
    await user.type(input, 'Bad_NS')
    const box = fieldBox('chart.namespace')
    const error = await within(box).findByText(/Namespace is not valid/)
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input.getAttribute('aria-describedby')).toContain(error.closest('p')?.id)
    // Only this field complains.
    expect(within(fieldBox('chart.releaseName')).queryByText(/not valid/)).not.toBeInTheDocument()

    await user.clear(input)
    await user.type(input, 'good-ns')
    await waitFor(() => expect(within(box).queryByText(/Namespace is not valid/)).not.toBeInTheDocument())
    expect(input).not.toHaveAttribute('aria-invalid')
  })

  it('refuses to move on from an incomplete step, marks it in the stepper and focuses the first problem', async () => {
    const { user } = renderApp({ step: 'registry' })
    await stepHeading('Image registry')
    await user.click(screen.getByTestId('wizard-next'))
    const username = screen.getByLabelText('Username')
    await waitFor(() => expect(username).toHaveFocus())
    expect(within(fieldBox('registry.username')).getByText(/Username is required/)).toBeInTheDocument()
    expect(screen.getByTestId('stepper-registry')).toHaveAttribute('data-state', 'error')
    expect(screen.getByTestId('stepper-registry')).toHaveAccessibleName(/has errors/)
    expect(window.location.search).toBe('?step=registry')
  })

  it('focuses the log store choice when none is made, with the schema’s message under it', async () => {
    const { user } = renderApp({ step: 'logStore' })
    await stepHeading('Log store')
    await user.click(screen.getByTestId('wizard-next'))
    await waitFor(() =>
      expect(screen.getByRole('radio', { name: 'Amazon S3 with access keys' })).toHaveFocus(),
    )
    const group = screen.getByRole('radiogroup', { name: 'Log store' })
    expect(group).toHaveAttribute('aria-invalid', 'true')
    expect(group).toHaveAccessibleDescription(
      /^Log store (is required: choose|type must be) one of mongo, s3/,
    )
  })

  it('marks a completed step as done and an abandoned one as having errors', async () => {
    const { user } = renderApp()
    await stepHeading('Cluster & chart')
    await user.click(screen.getByTestId('wizard-next'))
    await stepHeading('Image registry')
    expect(screen.getByTestId('stepper-chart')).toHaveAttribute('data-state', 'done')
    // Leaving the registry step empty via the stepper records its errors.
    await user.click(screen.getByTestId('stepper-cache'))
    await stepHeading('Cache')
    await waitFor(() => expect(screen.getByTestId('stepper-registry')).toHaveAttribute('data-state', 'error'))
    expect(screen.getByTestId('stepper-cache')).toHaveAttribute('aria-current', 'step')
  })
})

describe('step in the URL', () => {
  it('keeps ?step= in sync with navigation and never puts values in the URL', async () => {
    const { user } = renderApp()
    await stepHeading('Cluster & chart')
    expect(window.location.search).toBe('?step=chart')
    const release = screen.getByLabelText('Release name')
    await user.clear(release)
    await user.type(release, 'acme-gw')
    await user.click(screen.getByTestId('wizard-next'))
    await stepHeading('Image registry')
    expect(window.location.search).toBe('?step=registry')
    await user.type(screen.getByLabelText('Password or access token'), 'hunter2-SECRET')
    await user.click(screen.getByTestId('stepper-logStore'))
    await stepHeading('Log store')
    expect(window.location.search).toBe('?step=logStore')
    expect(window.location.href).not.toMatch(/acme-gw|hunter2/)
    expect(JSON.stringify(window.history.state ?? null)).not.toMatch(/acme-gw|hunter2/)

    await user.click(screen.getByTestId('wizard-back'))
    await stepHeading('Image registry')
    expect(window.location.search).toBe('?step=registry')
    expect(screen.getByLabelText('Password or access token')).toHaveValue('hunter2-SECRET')
  })

  it('opens the step named in the URL and follows the browser’s back button', async () => {
    const { user } = renderApp({ step: 'cache' })
    await stepHeading('Cache')
    await user.click(screen.getByTestId('wizard-next'))
    await stepHeading('Sync')
    window.history.back()
    await stepHeading('Cache')
  })

  it('drops the skip link’s #step-heading when the step changes', async () => {
    const { user } = renderApp()
    await stepHeading('Cluster & chart')
    await user.click(screen.getByRole('link', { name: 'Skip to the current step' }))
    expect(window.location.hash).toBe('#step-heading')
    await user.click(screen.getByTestId('wizard-next'))
    await stepHeading('Image registry')
    expect(window.location.search).toBe('?step=registry')
    expect(window.location.hash).toBe('')
    await user.click(screen.getByTestId('stepper-cache'))
    await stepHeading('Cache')
    expect(window.location.href).toBe(`${window.location.origin}/?step=cache`)
  })

  it('falls back to the first step for an unknown ?step=', async () => {
    renderApp({ step: 'nope' })
    await stepHeading('Cluster & chart')
    expect(window.location.search).toBe('?step=chart')
  })

  it('moves focus to the new step’s heading', async () => {
    const { user } = renderApp()
    await stepHeading('Cluster & chart')
    await user.click(screen.getByTestId('wizard-next'))
    expect(await stepHeading('Image registry')).toHaveFocus()
    expect(RegistryCreateSchema.shape.username.description).toBeTruthy()
  })
})
