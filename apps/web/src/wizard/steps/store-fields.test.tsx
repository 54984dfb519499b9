import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { DRAFT_KEY } from '../../lib/draft'
import { fieldBox, renderApp, stepHeading } from '../../test/render-app'

const saved = () =>
  (
    JSON.parse(window.localStorage.getItem(DRAFT_KEY) ?? '{}') as {
      values?: Record<string, Record<string, unknown>>
    }
  ).values ?? {}

describe('stores added since chart 1.0.7', () => {
  it('s3_custom: base path, region and keys; the secret key never reaches the draft', async () => {
    const { user } = renderApp({ step: 'logStore' })
    await stepHeading('Log store')
    await user.click(await screen.findByRole('radio', { name: 'Another S3-compatible store' }))
    await user.type(
      screen.getByLabelText('Base path (endpoint and bucket)'),
      'https://s3.acme.internal/logs/gw',
    )
    await user.type(screen.getByLabelText('Access key ID'), 'CUSTOMKEY01')
    await user.type(screen.getByLabelText('Secret access key'), 'custom-secret-value')
    await waitFor(() =>
      expect(saved().logStore).toMatchObject({
        type: 's3_custom',
        basePath: 'https://s3.acme.internal/logs/gw',
      }),
    )
    expect(JSON.stringify(saved())).not.toContain('custom-secret-value')
    const panel = screen.getByTestId('guide-panel')
    await waitFor(() =>
      expect(panel.textContent).toContain("--bucket 'logs' --endpoint-url 'https://s3.acme.internal'"),
    )
  })

  it('s3_custom: a base path without a bucket gets a message with the fix', async () => {
    const { user } = renderApp({ step: 'logStore' })
    await stepHeading('Log store')
    await user.click(await screen.findByRole('radio', { name: 'Another S3-compatible store' }))
    await user.type(screen.getByLabelText('Base path (endpoint and bucket)'), 'https://s3.acme.internal')
    await user.click(screen.getByTestId('wizard-next'))
    expect(
      await within(fieldBox('logStore.basePath')).findByText(/must name the bucket after the host/),
    ).toBeInTheDocument()
  })

  it('the chart’s MinIO: credentials from the chart or a Secret, and the volume settings', async () => {
    const { user } = renderApp({ step: 'logStore' })
    await stepHeading('Log store')
    await user.click(await screen.findByRole('radio', { name: 'MinIO deployed by the chart' }))
    expect(screen.getByLabelText('Bucket')).toHaveValue('portkey-logs')
    expect(screen.getByRole('radio', { name: 'The chart creates them' })).toBeChecked()
    expect(screen.queryByLabelText('MinIO Secret name')).not.toBeInTheDocument()
    await user.click(screen.getByRole('radio', { name: 'A Secret you create' }))
    expect(screen.getByLabelText('MinIO Secret name')).toHaveValue('minio-credentials')
    expect(screen.getByLabelText('Volume size')).toHaveValue('10Gi')
    await user.click(screen.getByRole('switch', { name: 'Keep the data on a volume' }))
    expect(screen.queryByLabelText('Volume size')).not.toBeInTheDocument()
    await user.type(screen.getByLabelText('MinIO password'), 'short')
    await user.click(screen.getByTestId('wizard-next'))
    expect(
      await within(fieldBox('logStore.secretKey')).findByText(/at least 8 characters/),
    ).toBeInTheDocument()
    expect(JSON.stringify(saved())).not.toContain('short')
    await waitFor(() =>
      expect(saved().logStore).toMatchObject({ type: 'minio', credentials: { source: 'existingSecret' } }),
    )
  })

  it('OTEL exporter headers are a secret field, and the encoding a choice', async () => {
    const { user } = renderApp({ step: 'analytics' })
    await stepHeading('Analytics')
    await user.click(screen.getByRole('switch', { name: /OpenTelemetry/ }))
    await user.type(await screen.findByLabelText(/Exporter headers/), 'Authorization=Bearer tok-secret-42')
    await user.click(screen.getByRole('radio', { name: 'OTLP/HTTP with protobuf' }))
    await waitFor(() => expect(saved().otel).toMatchObject({ enabled: true, protocol: 'http/protobuf' }))
    expect(JSON.stringify(saved())).not.toContain('tok-secret-42')
  })

  it('cache: TLS is offered for your own Redis on chart 1.7.7, and the semantic cache opens its fields', async () => {
    const { user } = renderApp({ step: 'cache' })
    await stepHeading('Cache')
    await user.click(screen.getByRole('radio', { name: 'Another Redis you run' }))
    expect(screen.getByRole('switch', { name: 'Use TLS (rediss://)' })).toBeInTheDocument()
    await user.click(screen.getByRole('switch', { name: 'Semantic cache with Milvus' }))
    expect(screen.getByRole('radio', { name: 'Milvus deployed by the chart' })).toBeChecked()
    await user.click(screen.getByRole('radio', { name: 'A Milvus you run' }))
    await user.type(screen.getByLabelText('Milvus address'), 'https://milvus.acme.internal:19530')
    await user.type(screen.getByLabelText('Embeddings API key'), 'sk-embed-secret')
    await waitFor(() =>
      expect(saved().semanticCache).toMatchObject({ enabled: true, milvus: { source: 'external' } }),
    )
    expect(JSON.stringify(saved())).not.toContain('sk-embed-secret')
  })
})
