import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { DRAFT_KEY } from '../../lib/draft'
import { fieldBox, renderApp, stepHeading } from '../../test/render-app'

const savedLogStore = () =>
  (
    JSON.parse(window.localStorage.getItem(DRAFT_KEY) ?? '{}') as {
      values?: { logStore?: Record<string, unknown> }
    }
  ).values?.logStore

describe('log store step', () => {
  it('resets the section when the type changes, so no stale key survives', async () => {
    const { user } = renderApp({ step: 'logStore' })
    await stepHeading('Log store')
    await user.click(await screen.findByRole('radio', { name: 'Amazon S3 with access keys' }))
    await user.type(screen.getByLabelText('Region'), 'us-east-1')
    await user.type(screen.getByLabelText('Bucket'), 'acme-logs')
    await waitFor(() => expect(savedLogStore()).toMatchObject({ type: 's3', bucket: 'acme-logs' }))

    await user.click(screen.getByRole('radio', { name: 'Azure Blob Storage' }))
    expect(screen.getByLabelText('Storage account')).toHaveValue('')
    expect(screen.queryByLabelText('Bucket')).not.toBeInTheDocument()
    // The azure branch starts with its own first auth method, and nothing from s3.
    expect(screen.getByRole('radio', { name: 'Storage account key' })).toBeChecked()
    await user.type(screen.getByLabelText('Container'), 'logs')
    await waitFor(() => expect(savedLogStore()?.type).toBe('azure'))
    expect(Object.keys(savedLogStore() ?? {}).sort()).toEqual(['account', 'auth', 'container', 'type'])

    await user.click(screen.getByRole('radio', { name: 'Amazon S3 with access keys' }))
    expect(screen.getByLabelText('Bucket')).toHaveValue('')
    expect(screen.getByLabelText('Region')).toHaveValue('')

    // Validation now reports only what the s3 branch needs — never an unknown key.
    await user.click(screen.getByTestId('wizard-next'))
    expect(await within(fieldBox('logStore.bucket')).findByText(/Bucket is required/)).toBeInTheDocument()
    expect(screen.queryByText(/Unknown field/)).not.toBeInTheDocument()
  })

  it('resets the auth method of an assumed role and shows only that method’s fields', async () => {
    const { user } = renderApp({ step: 'logStore' })
    await user.click(await screen.findByRole('radio', { name: 'Amazon S3 with an IAM role' }))
    expect(screen.getByRole('radio', { name: 'Keys from Portkey assume your role' })).toBeChecked()
    await user.type(screen.getByLabelText('External ID'), 'ext-123')
    await user.click(screen.getByRole('radio', { name: 'IRSA (EKS service account)' }))
    expect(screen.queryByLabelText('External ID')).not.toBeInTheDocument()
    expect(screen.getByLabelText('Role ARN')).toHaveValue('')
    expect(screen.getByLabelText(/EKS cluster name/)).toBeInTheDocument()
    await user.click(screen.getByRole('radio', { name: 'Node instance role (IMDS)' }))
    expect(screen.getByRole('switch', { name: 'Nodes use IMDSv1' })).not.toBeChecked()
    await user.click(screen.getByRole('radio', { name: 'Keys from Portkey assume your role' }))
    expect(screen.getByLabelText('External ID')).toHaveValue('')
  })

  it('fills the user’s bucket into the IAM policy the guide panel shows', async () => {
    const { user } = renderApp({ step: 'logStore' })
    await user.click(await screen.findByRole('radio', { name: 'Amazon S3 with access keys' }))
    await user.type(screen.getByLabelText('Region'), 'eu-west-2')
    await user.type(screen.getByLabelText('Bucket'), 'acme-gateway-logs-42')
    const panel = screen.getByTestId('guide-panel')
    await waitFor(() => {
      const blocks = within(panel).getAllByTestId('command-block')
      const policy = blocks.find((b) => b.dataset.kind === 'json')
      expect(policy?.textContent).toContain('arn:aws:s3:::acme-gateway-logs-42/*')
    })
    const shell = within(panel)
      .getAllByTestId('command-block')
      .filter((b) => b.dataset.kind === 'shell')
      .map((b) => b.textContent)
      .join('\n')
    expect(shell).toContain('acme-gateway-logs-42')
    expect(shell).toContain('eu-west-2')
  })

  it('copies a guide block and says so', async () => {
    const { user } = renderApp({ step: 'logStore' })
    await user.click(await screen.findByRole('radio', { name: 'Amazon S3 with access keys' }))
    await user.type(screen.getByLabelText('Bucket'), 'acme-copy-test')
    const block = await waitFor(() => {
      const b = within(screen.getByTestId('guide-panel'))
        .getAllByTestId('command-block')
        .find((x) => x.dataset.kind === 'json')
      if (!b) throw new Error('no json block yet')
      return b
    })
    await user.click(within(block).getByRole('button', { name: 'Copy' }))
    await waitFor(() => expect(within(block).getByRole('status')).toHaveTextContent('Copied'))
    expect(await navigator.clipboard.readText()).toContain('arn:aws:s3:::acme-copy-test')
  })

  it('takes a Mongo CA certificate from a file', async () => {
    const { user } = renderApp({ step: 'logStore' })
    await user.click(await screen.findByRole('radio', { name: 'MongoDB or Amazon DocumentDB' }))
    await user.click(screen.getByRole('switch', { name: /Trust a custom CA certificate/ }))
    const pem = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n'
    await user.upload(
      screen.getByLabelText('Upload the CA certificate file'),
      new File([pem], 'global-bundle.pem'),
    )
    await waitFor(() => expect(screen.getByLabelText(/paste the CA certificate/)).toHaveValue(pem))
    expect(screen.getByLabelText('CA file name')).toHaveValue('global-bundle.pem')
    expect(within(fieldBox('logStore.tlsCa.pem')).queryByText(/must be PEM/)).not.toBeInTheDocument()
  })
})
