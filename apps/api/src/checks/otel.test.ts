import { beforeAll, describe, expect, it } from 'vitest'
import { configWith, ports, requirePeers, runOptions } from '../test-support/peers.js'
import { expectFailure, networkFailureCases } from '../test-support/test-cases.js'
import { checkTarget } from './catalog.js'
import { logsUrl } from './otel.js'

const O = ports.otlp
const otel = (endpoint: string) => configWith({ otel: { enabled: true, endpoint, resourceAttributes: {} } })
const run = (c: ReturnType<typeof otel>, over = {}) => checkTarget(c, 'otel', runOptions(over))

const stats = async () => {
  const res = await fetch(`http://127.0.0.1:${O.port}/_stats`)
  return ((await res.json()) as { accepted?: { logs?: number } }).accepted?.logs ?? 0
}

beforeAll(() => requirePeers({ otlp: O.port, 'otlp-tls': O.tlsPort }))

describe('otel: an empty OTLP logs export', () => {
  it('passes against the OTLP receiver, which really decoded the export', async () => {
    const before = await stats()
    const r = await run(otel(`http://127.0.0.1:${O.port}`))
    expect(r.status, JSON.stringify(r)).toBe('pass')
    expect(r.steps.map((s) => s.name)).toEqual(['resolve', 'connect', 'export'])
    expect(await stats()).toBeGreaterThan(before)
  })

  it('a receiver that wants a bearer token: AUTH_FAILED after a verified TLS handshake', async () => {
    const r = await run(otel(`https://localhost:${O.tlsPort}`))
    expectFailure(r, 'AUTH_FAILED', ['otel', 'endpoint'])
    expect(r.steps.find((s) => s.name === 'tls')?.status).toBe('pass')
  })

  it('wrong CA: TLS_FAILED', async () => {
    const r = await run(otel(`https://localhost:${O.tlsPort}`), { env: { extraCa: [] } })
    expectFailure(r, 'TLS_FAILED', ['otel', 'endpoint'])
  })

  it('an endpoint with a path the receiver does not serve: NOT_FOUND with the base-URL hint', async () => {
    const r = await run(otel(`http://127.0.0.1:${O.port}/otlp`))
    expectFailure(r, 'NOT_FOUND', ['otel', 'endpoint'])
    expect(r.error?.hint).toMatch(/base URL/)
  })

  it('not an OTLP receiver (ClickHouse answers): PROTOCOL_ERROR or NOT_FOUND', async () => {
    const r = await run(otel(`http://127.0.0.1:${ports.clickhouse.httpPort}`))
    expect(r.status).toBe('fail')
    expect(['PROTOCOL_ERROR', 'NOT_FOUND']).toContain(r.error?.code)
  })

  networkFailureCases('otel', (host, port) => ({ config: otel(`http://${host}:${port}`) }), [
    'otel',
    'endpoint',
  ])

  it('off: skipped', async () => {
    const r = await checkTarget(configWith({ otel: { enabled: false } }), 'otel', runOptions())
    expect(r.status).toBe('skipped')
  })

  it('appends /v1/logs to the base URL', () => {
    expect(logsUrl('http://collector:4318')).toBe('http://collector:4318/v1/logs')
    expect(logsUrl('http://collector:4318/')).toBe('http://collector:4318/v1/logs')
  })
})
