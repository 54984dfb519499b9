import { fixtures, SENTINEL } from '@portkey-setup/schema/fixtures'
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { DRAFT_KEY, loadDraft, saveDraft } from '../lib/draft'
import { renderApp, stepHeading } from '../test/render-app'

const draftText = () => window.localStorage.getItem(DRAFT_KEY) ?? ''

describe('draft in localStorage', () => {
  it('saves what the user types but never a secret, and says so next to each secret field', async () => {
    const { user } = renderApp({ step: 'registry' })
    await stepHeading('Image registry')
    await user.type(await screen.findByLabelText('Username'), 'acme-docker')
    await user.type(screen.getByLabelText('Password or access token'), `${SENTINEL}-registry`)
    expect(screen.getByLabelText('Password or access token')).toHaveAccessibleDescription(
      /not saved in the draft/,
    )
    await waitFor(() => expect(draftText()).toContain('acme-docker'))
    expect(draftText()).not.toContain(SENTINEL)
    expect(screen.getByTestId('draft-status')).toHaveTextContent(/Draft saved.*Secrets are never saved/)
  })

  it('keeps every secret of a full config out of the draft', () => {
    for (const config of Object.values(fixtures)) {
      saveDraft(config)
      expect(draftText()).not.toContain(SENTINEL)
    }
  })

  it('restores the draft on load, with secret fields empty', async () => {
    const { user, unmount } = renderApp({ step: 'registry' })
    await user.type(await screen.findByLabelText('Username'), 'acme-docker')
    await user.type(screen.getByLabelText('Password or access token'), 'p4ssw0rd')
    await waitFor(() => expect(draftText()).toContain('acme-docker'))
    unmount()

    renderApp({ step: 'registry' })
    expect(await screen.findByLabelText('Username')).toHaveValue('acme-docker')
    expect(screen.getByLabelText('Password or access token')).toHaveValue('')
  })

  it('drops a corrupt draft instead of failing', async () => {
    window.localStorage.setItem(DRAFT_KEY, '{not json')
    expect(loadDraft()).toBeUndefined()
    expect(window.localStorage.getItem(DRAFT_KEY)).toBeNull()
    renderApp()
    await stepHeading('Cluster & chart')
  })

  it('starts fresh: clears the draft and every field', async () => {
    const { user } = renderApp()
    const release = await screen.findByLabelText('Release name')
    await user.clear(release)
    await user.type(release, 'acme')
    await waitFor(() => expect(draftText()).toContain('"releaseName":"acme"'))
    await user.click(screen.getByTestId('start-fresh'))
    const dialog = await screen.findByRole('alertdialog', { name: 'Start fresh?' })
    await user.click(within(dialog).getByRole('button', { name: 'Start fresh' }))
    await waitFor(() => expect(screen.getByLabelText('Release name')).toHaveValue('portkey-ai'))
    expect(window.localStorage.getItem(DRAFT_KEY)).toBeNull()
    // A reset is not an edit: the draft stays cleared until the user types again.
    await new Promise((r) => setTimeout(r, 800))
    expect(window.localStorage.getItem(DRAFT_KEY)).toBeNull()
  })
})
