import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect } from 'vitest'
import { App } from '../app'

/** Renders the whole wizard at a step, as a browser would open /?step=<id>. */
export const renderApp = ({ step, apiBaseUrl }: { step?: string; apiBaseUrl?: string } = {}) => {
  window.history.replaceState(null, '', step ? `/?step=${step}` : '/')
  // No pause between keystrokes: typing is what these tests do most, and the pauses add nothing.
  const user = userEvent.setup({ delay: null })
  const utils = render(<App apiBaseUrl={apiBaseUrl} />)
  return { user, ...utils }
}

/** The field wrapper of a config path, which holds its label, input, help and error. */
export const fieldBox = (name: string): HTMLElement => {
  const el = document.querySelector<HTMLElement>(`[data-field="${name}"]`)
  if (!el) throw new Error(`no field ${name}`)
  return el
}

/** Waits for a step: its heading, and its code (steps after the first load lazily). */
export const stepHeading = async (name: string | RegExp) => {
  const heading = await screen.findByRole('heading', { level: 2, name })
  await waitFor(() => expect(screen.queryByText('Loading this step…')).not.toBeInTheDocument())
  return heading
}
