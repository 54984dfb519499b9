import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { startApiServer, streamLines } from '../test/api-server'
import { fieldBox, renderApp, stepHeading } from '../test/render-app'

type Server = Awaited<ReturnType<typeof startApiServer>>
let server: Server | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

const failingRegistry = {
  target: 'registry',
  kind: 'registry-v2',
  status: 'fail',
  durationMs: 412,
  steps: [
    { name: 'resolve', status: 'pass', durationMs: 3 },
    { name: 'connect', status: 'pass', durationMs: 20 },
    { name: 'authenticate', status: 'fail', durationMs: 389, detail: '401 from the token endpoint' },
  ],
  error: {
    code: 'AUTH_FAILED',
    message: 'The registry refused these credentials.',
    hint: 'Use the access token Portkey sent as the password, not your Docker Hub password.',
    field: ['registry', 'password'],
  },
}

const fillRegistry = async (user: ReturnType<typeof renderApp>['user']) => {
  await user.type(await screen.findByLabelText('Username'), 'acme-docker')
  await user.type(screen.getByLabelText('Password or access token'), 'wrong-token')
}

describe('Test connection', () => {
  it('streams progress, shows the timed steps and puts the hint under the field the check names', async () => {
    server = await startApiServer(async (_req, res) => {
      await new Promise((r) => setTimeout(r, 600))
      await streamLines(res, [failingRegistry])
    })
    const { user } = renderApp({ step: 'registry', apiBaseUrl: server.url })
    await stepHeading('Image registry')
    await fillRegistry(user)
    await user.click(screen.getByTestId('test-button-registry'))

    await waitFor(() =>
      expect(screen.getByTestId('check-live-registry')).toHaveTextContent('Testing registry access'),
    )
    expect(screen.getByTestId('test-button-registry')).toBeDisabled()
    expect(screen.getByTestId('check-status-registry')).toHaveAttribute('data-status', 'running')

    const status = await screen.findByTestId('check-status-registry')
    await waitFor(() => expect(status).toHaveAttribute('data-status', 'fail'))
    expect(within(status).getByText('AUTH_FAILED')).toBeInTheDocument()
    expect(within(status).getByText('authenticate')).toBeInTheDocument()
    expect(within(status).getByText('389 ms')).toBeInTheDocument()
    expect(screen.getByTestId('check-live-registry')).toHaveTextContent(/Failed/)

    const passwordBox = fieldBox('registry.password')
    expect(await within(passwordBox).findByText(/Use the access token Portkey sent/)).toBeInTheDocument()
    expect(screen.getByLabelText('Password or access token')).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByTestId('stepper-registry')).toHaveAttribute('data-state', 'error')

    // What went over the wire: one POST, only this target, secrets in the body and never in the URL.
    expect(server.requests).toHaveLength(1)
    const [req] = server.requests
    expect(req?.url).toBe('/api/checks')
    expect(req?.headers.accept).toBe('application/x-ndjson')
    const body = req?.body as { config: Record<string, unknown>; targets: string[] }
    expect(body.targets).toEqual(['registry'])
    expect(body.config.registry).toMatchObject({
      mode: 'create',
      username: 'acme-docker',
      password: 'wrong-token',
    })
    // Sections the user has not reached are sent as secret-free stand-ins, so the API accepts the config.
    expect(JSON.stringify(body.config.logStore)).not.toMatch(/secret|key/i)
  })

  it('does not call the API while the section itself is invalid', async () => {
    server = await startApiServer((_req, res) => {
      res.writeHead(500).end()
    })
    const { user } = renderApp({ step: 'registry', apiBaseUrl: server.url })
    await stepHeading('Image registry')
    await user.click(await screen.findByTestId('test-button-registry'))
    expect(await within(fieldBox('registry.username')).findByText(/Username is required/)).toBeInTheDocument()
    expect(screen.getByTestId('check-live-registry')).toHaveTextContent(/Fix the .*highlighted field/)
    expect(server.requests).toHaveLength(0)
  })

  it('says checks are unavailable when the server has no /api/checks', async () => {
    server = await startApiServer((_req, res) => {
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'Route POST:/api/checks not found' } }))
    })
    const { user } = renderApp({ step: 'registry', apiBaseUrl: server.url })
    await stepHeading('Image registry')
    await fillRegistry(user)
    await user.click(screen.getByTestId('test-button-registry'))
    expect(await screen.findByText(/Checks unavailable on this server: its API has no/)).toBeInTheDocument()
  })

  it('reports an unreachable API instead of failing silently', async () => {
    server = await startApiServer((_req, res) => {
      res.writeHead(200).end()
    })
    const url = server.url
    await server.close()
    server = undefined
    const { user } = renderApp({ step: 'registry', apiBaseUrl: url })
    await stepHeading('Image registry')
    await fillRegistry(user)
    await user.click(screen.getByTestId('test-button-registry'))
    expect(await screen.findByText(/Could not reach the portkey-setup API/)).toBeInTheDocument()
  })
})
