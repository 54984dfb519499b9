import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { DRAFT_KEY } from '../../lib/draft'
import { fieldBox, renderApp, stepHeading } from '../../test/render-app'

const savedKubernetes = () =>
  (
    JSON.parse(window.localStorage.getItem(DRAFT_KEY) ?? '{}') as {
      values?: { kubernetes?: Record<string, unknown> }
    }
  ).values?.kubernetes

describe('Kubernetes step', () => {
  it('shows the suggested resources as placeholders and fills them on request', async () => {
    const { user } = renderApp({ step: 'kubernetes' })
    await stepHeading('Kubernetes')
    const cpu = await screen.findByLabelText(/CPU request/)
    expect(cpu).toHaveValue('')
    expect(cpu).toHaveAttribute('placeholder', '500m (suggested)')
    await user.click(screen.getByTestId('kubernetes-suggested-resources'))
    expect(cpu).toHaveValue('500m')
    expect(screen.getByLabelText(/Memory limit/)).toHaveValue('1Gi')
    await waitFor(() =>
      expect(savedKubernetes()?.resources).toEqual({
        requests: { cpu: '500m', memory: '512Mi' },
        limits: { cpu: '1', memory: '1Gi' },
      }),
    )
  })

  it('switches to autoscaling with its own fields, starting from the schema defaults', async () => {
    const { user } = renderApp({ step: 'kubernetes' })
    await stepHeading('Kubernetes')
    expect(await screen.findByRole('radio', { name: 'A fixed number of pods' })).toBeChecked()
    expect(within(fieldBox('kubernetes.scaling.replicas')).getByRole('spinbutton')).toHaveValue(1)
    await user.click(screen.getByRole('radio', { name: 'Autoscaling (HorizontalPodAutoscaler)' }))
    expect(document.querySelector('[data-field="kubernetes.scaling.replicas"]')).toBeNull()
    expect(screen.getByLabelText(/Minimum replicas/)).toHaveValue(2)
    await user.type(screen.getByLabelText(/CPU target/), '70')
    await waitFor(() =>
      expect(savedKubernetes()?.scaling).toEqual({
        mode: 'autoscaling',
        minReplicas: 2,
        maxReplicas: 10,
        targetCpuPercent: 70,
      }),
    )
  })

  it('checks a quantity at its field and adds a toleration row from the schema defaults', async () => {
    const { user } = renderApp({ step: 'kubernetes' })
    await stepHeading('Kubernetes')
    await user.type(await screen.findByLabelText(/Memory request/), '1 GB')
    await user.click(screen.getByTestId('kubernetes.tolerations-add'))
    const row = screen.getByTestId('kubernetes.tolerations-row-0')
    expect(within(row).getByLabelText(/Operator/)).toHaveValue('Equal')
    expect(within(row).getByLabelText(/Effect/)).toHaveValue('')
    await user.type(within(row).getByLabelText(/Taint key/), 'bad key!')
    await user.click(screen.getByTestId('wizard-next'))
    expect(
      await within(fieldBox('kubernetes.resources.requests.memory')).findByText(
        /Memory request is not valid/,
      ),
    ).toBeInTheDocument()
    expect(
      await within(fieldBox('kubernetes.tolerations.0.key')).findByText(/Taint key is not valid/),
    ).toBeInTheDocument()
  })
})
