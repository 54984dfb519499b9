import { CheckResultSchema } from '@portkey-setup/schema'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultSettings } from '../config.js'
import { isErrorShape, type LogCapture, testApp } from '../test-support/app.js'
import { fullPeerConfig, peerEnv, ports, requirePeers } from '../test-support/peers.js'
import type { ChecksRouteSettings } from './checks.js'

const checksSettings = (over: Partial<ChecksRouteSettings> = {}): ChecksRouteSettings => ({
  ...defaultSettings().checks,
  allowLoopback: true,
  timeoutMs: 8000,
  ...peerEnv(),
  ...over,
})

let app: FastifyInstance
let logs: LogCapture
beforeAll(async () => {
  await requirePeers({
    registry: ports.registry.port,
    clickhouse: ports.clickhouse.httpPort,
    otlp: ports.otlp.port,
  })
  ;({ app, logs } = await testApp({ checks: checksSettings() }))
})
afterAll(() => app?.close())

const post = (body: unknown, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/checks',
    payload: body as object,
    headers: { 'content-type': 'application/json', ...headers },
  })

describe('POST /api/checks', () => {
  it('runs the requested targets and answers { results } with Cache-Control: no-store', async () => {
    const res = await post({ config: fullPeerConfig(), targets: ['registry', 'analytics', 'otel'] })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    const { results } = res.json() as { results: unknown[] }
    expect(results).toHaveLength(3)
    for (const r of results) {
      expect(CheckResultSchema.parse(r).status).toBe('pass')
    }
  })

  it('streams NDJSON, one CheckResult per line, with Accept: application/x-ndjson', async () => {
    const res = await post(
      { config: fullPeerConfig(), targets: ['otel', 'registry'] },
      { accept: 'application/x-ndjson' },
    )
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/)
    expect(res.headers['cache-control']).toBe('no-store')
    const lines = res.body.trim().split('\n')
    expect(lines).toHaveLength(2)
    const targets = lines.map((l) => CheckResultSchema.parse(JSON.parse(l)).target).sort()
    expect(targets).toEqual(['otel', 'registry'])
  })

  it('422 for an invalid config, with the same issues as /api/validate', async () => {
    const config = { ...fullPeerConfig(), logStore: { type: 's3', region: 'nowhere', bucket: 'B' } }
    const res = await post({ config })
    expect(res.statusCode).toBe(422)
    expect(res.headers['cache-control']).toBe('no-store')
    const body = res.json() as { valid: boolean; issues: { path: unknown[] }[] }
    expect(body.valid).toBe(false)
    expect(isErrorShape(body)).toBe(true)
    const validate = await app.inject({ method: 'POST', url: '/api/validate', payload: config })
    expect(body.issues).toEqual((validate.json() as { issues: unknown }).issues)
    expect(body.issues.some((i) => i.path[0] === 'logStore')).toBe(true)
  })

  it('400 for an unknown target', async () => {
    const res = await post({ config: fullPeerConfig(), targets: ['mainframe'] })
    expect(res.statusCode).toBe(400)
    expect(isErrorShape(res.json())).toBe(true)
  })

  it('a failing check is a 200 with status fail; the secret never reaches the answer or the log', async () => {
    const secret = 'wrong-registry-password-7f3a'
    const config = {
      ...fullPeerConfig(),
      registry: {
        mode: 'create',
        server: `http://127.0.0.1:${ports.registry.port}`,
        username: 'portkey',
        password: secret,
      },
    }
    const res = await post({ config, targets: ['registry'] })
    expect(res.statusCode).toBe(200)
    const [r] = (res.json() as { results: { status: string; error?: { code: string } }[] }).results
    expect(r?.status).toBe('fail')
    expect(r?.error?.code).toBe('AUTH_FAILED')
    expect(res.body).not.toContain(secret)
    expect(logs.text).not.toContain(secret)
  })
})

describe('POST /api/checks: bounded concurrency per caller', () => {
  let small: FastifyInstance
  beforeAll(async () => {
    ;({ app: small } = await testApp({ checks: checksSettings({ concurrency: 1, timeoutMs: 1500 }) }))
  })
  afterAll(() => small?.close())

  it('a second request while one runs gets 429 with Retry-After; afterwards it is accepted again', async () => {
    const hanging = {
      config: {
        ...fullPeerConfig(),
        otel: { enabled: true, endpoint: `http://127.0.0.1:${ports.blackhole.port}`, resourceAttributes: {} },
      },
      targets: ['otel'],
    }
    const send = (body: object) =>
      small.inject({
        method: 'POST',
        url: '/api/checks',
        payload: body,
        headers: { 'content-type': 'application/json' },
      })
    const first = send(hanging)
    await new Promise((r) => setTimeout(r, 100))
    const second = await send(hanging)
    expect(second.statusCode).toBe(429)
    expect(second.headers['retry-after']).toBe('2')
    expect(isErrorShape(second.json())).toBe(true)
    const done = await first
    expect(done.statusCode).toBe(200)
    expect((done.json() as { results: { error?: { code: string } }[] }).results[0]?.error?.code).toBe(
      'TIMEOUT',
    )
    const third = await send({ config: fullPeerConfig(), targets: ['otel'] })
    expect(third.statusCode).toBe(200)
  })
})
