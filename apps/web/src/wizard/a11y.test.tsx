import { screen, waitFor } from '@testing-library/react'
import axe from 'axe-core'
import { describe, expect, it } from 'vitest'
import { renderApp, stepHeading } from '../test/render-app'
import { STEPS } from './steps'

/**
 * axe on every step in jsdom. jsdom cannot compute colours or layout, so colour contrast is checked in
 * the browser (e2e); everything about names, roles, labels and ARIA is checked here.
 */
const violations = async () => {
  const result = await axe.run(document.body, {
    rules: { 'color-contrast': { enabled: false }, region: { enabled: true } },
    resultTypes: ['violations'],
  })
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

describe('accessibility', () => {
  it.each(STEPS.map((s) => [s.id, s.title] as const))('%s step has no axe violations', async (id, title) => {
    renderApp({ step: id })
    await stepHeading(title)
    await waitFor(() => expect(screen.queryByText('Loading this step…')).not.toBeInTheDocument())
    expect(await violations()).toEqual([])
  })

  it('keeps the exposure step free of violations with the Ingress on, by path and by host', async () => {
    const { user } = renderApp({ step: 'exposure' })
    await user.click(await screen.findByRole('switch', { name: /through an Ingress/ }))
    expect(await violations()).toEqual([])
    await user.click(screen.getByRole('radio', { name: /By host/ }))
    expect(await violations()).toEqual([])
  })

  it('keeps every branch of the log store free of violations', async () => {
    const { user } = renderApp({ step: 'logStore' })
    const group = await screen.findByRole('radiogroup', { name: 'Log store' })
    for (const radio of Array.from(group.querySelectorAll<HTMLElement>('[role="radio"]'))) {
      await user.click(radio)
      expect(await violations()).toEqual([])
    }
  })

  it('can be driven with the keyboard alone: Enter moves on, arrows pick a card, Space toggles a switch', async () => {
    const { user } = renderApp()
    await stepHeading('Cluster & chart')
    await user.click(screen.getByLabelText('Release name'))
    await user.keyboard('{Enter}')
    expect(await stepHeading('Image registry')).toHaveFocus()
    await screen.findByRole('radiogroup', { name: 'Image pull credentials' })
    // From the heading, Tab reaches the chosen card; the arrow key picks the other one.
    await user.tab()
    expect(screen.getByRole('radio', { name: 'Use the credentials Portkey sent' })).toHaveFocus()
    // Hold the key while Radix moves focus (it does so on the next tick), as a real key press would.
    await user.keyboard('{ArrowDown>}')
    await waitFor(() =>
      expect(screen.getByRole('radio', { name: 'Use a pull secret I already have' })).toBeChecked(),
    )
    await user.keyboard('{/ArrowDown}')
    await user.tab()
    expect(screen.getByLabelText('Pull secret name')).toHaveFocus()
    await user.keyboard('my-pull-secret{Enter}')
    await stepHeading('Log store')
    await user.click(screen.getByTestId('stepper-analytics'))
    await stepHeading('Analytics')
    const otel = await screen.findByRole('switch', { name: /OpenTelemetry collector/ })
    otel.focus()
    await user.keyboard(' ')
    expect(otel).toBeChecked()
    expect(await screen.findByLabelText('OTLP/HTTP endpoint')).toBeInTheDocument()
  })
})
