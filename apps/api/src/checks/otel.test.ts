import { beforeAll, describe, expect, it } from 'vitest'
import { configWith, ports, requirePeers, runOptions } from '../test-support/peers.js'
import { expectFailure, networkFailureCases } from '../test-support/test-cases.js'
import { checkTarget } from './catalog.js'
import { logsUrl, parseOtlpHeaders } from './otel.js'

const O = ports.otlp
const otel = (endpoint: string, more: { headers?: string; protocol?: 'http/json' | 'http/protobuf' } = {}) =>
  configWith({ otel: { enabled: true, endpoint, resourceAttributes: {}, ...more } })
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

  it('a receiver that wants a bearer token: AUTH_FAILED after a verified TLS handshake, pointing at the headers', async () => {
    const r = await run(otel(`https://localhost:${O.tlsPort}`))
    expectFailure(r, 'AUTH_FAILED', ['otel', 'headers'])
    expect(r.steps.find((s) => s.name === 'tls')?.status).toBe('pass')
    expect(r.error?.hint).toMatch(/Exporter headers/)
  })

  it('sends the exporter headers: the bearer token the TLS receiver wants passes', async () => {
    const r = await run(
      otel(`https://localhost:${O.tlsPort}`, { headers: `Authorization=Bearer ${O.tlsBearerToken}` }),
    )
    expect(r.status, JSON.stringify(r)).toBe('pass')
    expect(r.steps.at(-1)?.detail).toMatch(/with the configured headers/)
  })

  it('a wrong token in the headers: AUTH_FAILED, and the token is in no message', async () => {
    const token = 'not-the-token-0123456789'
    const r = await run(otel(`https://localhost:${O.tlsPort}`, { headers: `Authorization=Bearer ${token}` }))
    expectFailure(r, 'AUTH_FAILED', ['otel', 'headers'])
    expect(JSON.stringify(r)).not.toContain(token)
  })

  it('protobuf as the configured encoding: accepted and decoded', async () => {
    const before = await stats()
    const r = await run(otel(`http://127.0.0.1:${O.port}`, { protocol: 'http/protobuf' }))
    expect(r.status, JSON.stringify(r)).toBe('pass')
    expect(await stats()).toBeGreaterThan(before)
  })

  it('reads the header list as the exporter does', () => {
    expect(parseOtlpHeaders('Authorization=Bearer%20abc,x-api-key=k=v, X-Team = platform')).toEqual({
      authorization: 'Bearer abc',
      'x-api-key': 'k=v',
      'x-team': 'platform',
    })
    expect(parseOtlpHeaders(undefined)).toEqual({})
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
