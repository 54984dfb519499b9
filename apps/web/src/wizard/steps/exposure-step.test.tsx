import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { DRAFT_KEY } from '../../lib/draft'
import { fieldBox, renderApp, stepHeading } from '../../test/render-app'

const saved = () =>
  (JSON.parse(window.localStorage.getItem(DRAFT_KEY) ?? '{}') as { values?: Record<string, unknown> }).values

describe('exposure step', () => {
  it('shows ClusterIP as the default and the Ingress fields only when turned on', async () => {
    const { user } = renderApp({ step: 'exposure' })
    await stepHeading('Exposure')
    expect(screen.getByRole('radio', { name: /ClusterIP \(default\)/ })).toBeChecked()
    expect(screen.queryByLabelText('Host name')).not.toBeInTheDocument()
    await user.click(screen.getByRole('switch', { name: /through an Ingress/ }))
    expect(screen.getByLabelText('Ingress class')).toHaveValue('nginx')
    expect(screen.getByLabelText('Gateway path')).toHaveValue('/')
    expect(screen.getByRole('radio', { name: /By path/ })).toBeChecked()
    await user.type(screen.getByLabelText('Host name'), 'Gateway_Acme')
    await user.type(screen.getByLabelText(/TLS Secret/), 'gateway-tls')
    await user.click(screen.getByRole('radio', { name: 'LoadBalancer' }))
    await user.click(screen.getByTestId('wizard-next'))
    expect(
      await within(fieldBox('exposure.ingress.host')).findByText(
        /Host name is not valid: use a lowercase DNS name/,
      ),
    ).toBeInTheDocument()
    await user.clear(screen.getByLabelText('Host name'))
    await user.type(screen.getByLabelText('Host name'), 'gateway.acme.example.com')
    await waitFor(() =>
      expect(saved()?.exposure).toMatchObject({
        serviceType: 'LoadBalancer',
        ingress: { enabled: true, host: 'gateway.acme.example.com', tlsSecretName: 'gateway-tls' },
      }),
    )
  })

  it('routing by host asks for the MCP host name instead of the MCP path', async () => {
    const { user } = renderApp({ step: 'exposure' })
    await stepHeading('Exposure')
    await user.click(screen.getByRole('switch', { name: /through an Ingress/ }))
    expect(screen.getByLabelText('MCP path')).toHaveValue('/mcp')
    await user.click(screen.getByRole('radio', { name: /By host/ }))
    expect(screen.queryByLabelText('MCP path')).not.toBeInTheDocument()
    expect(screen.getByLabelText(/MCP host name/)).toBeInTheDocument()
  })
})

describe('images in the registry step', () => {
  it('shows the chosen chart’s tags as defaults and keeps an empty tag unset', async () => {
    const { user } = renderApp({ step: 'registry' })
    await stepHeading('Image registry')
    const images = await screen.findByTestId('images-fields')
    expect(within(images).getByLabelText(/^Gateway tag/)).toHaveAttribute('placeholder', '2.13.0')
    expect(within(images).getByLabelText(/^Redis tag/)).toHaveAttribute('placeholder', '7.2-alpine')
    await user.type(within(images).getByLabelText(/^Image mirror/), 'registry.acme.internal:5000')
    await waitFor(() => expect(saved()?.images).toMatchObject({ registry: 'registry.acme.internal:5000' }))
    const savedImages = (saved()?.images ?? {}) as { gateway?: { tag?: string } }
    expect(savedImages.gateway?.tag).toBeUndefined()
  })
})
