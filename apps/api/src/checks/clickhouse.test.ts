import { beforeAll, describe, expect, it } from 'vitest'
import { configWith, ports, requirePeers, runOptions } from '../test-support/peers.js'
import { expectFailure, networkFailureCases } from '../test-support/test-cases.js'
import { checkTarget } from './catalog.js'
import { quoteTable } from './clickhouse.js'

const C = ports.clickhouse
const db = C.database
const clickhouse = (endpoint: string, over: Record<string, string> = {}) =>
  configWith({
    analytics: {
      store: 'clickhouse',
      endpoint,
      user: C.user,
      password: C.password,
      logTable: `${db}.generations`,
      feedbackTable: `${db}.feedbacks`,
      generationHooksTable: `${db}.generation_hooks`,
      ...over,
    },
  })
const http = `http://127.0.0.1:${C.httpPort}`
const run = (c: ReturnType<typeof clickhouse>, over = {}) => checkTarget(c, 'analytics', runOptions(over))

beforeAll(() => requirePeers({ clickhouse: C.httpPort, 'clickhouse-https': C.httpsPort }))

describe('analytics: ClickHouse 18.16 over its HTTP interface', () => {
  it('passes: SELECT 1 with the credentials, version, EXISTS TABLE for the three tables', async () => {
    const r = await run(clickhouse(http))
    expect(r.status, JSON.stringify(r)).toBe('pass')
    expect(r.kind).toBe('clickhouse')
    expect(r.steps.map((s) => s.name)).toEqual(['resolve', 'connect', 'authenticate', 'version', 'tables'])
    expect(r.steps.find((s) => s.name === 'version')?.detail).toMatch(/^ClickHouse \d+\.\d+/)
  })

  it('passes over HTTPS with the certificate verified for localhost', async () => {
    const r = await run(clickhouse(`https://localhost:${C.httpsPort}`))
    expect(r.status, JSON.stringify(r)).toBe('pass')
    expect(r.steps.find((s) => s.name === 'tls')?.status).toBe('pass')
  })

  it('wrong password: AUTH_FAILED on analytics.password, with the ClickHouse code only', async () => {
    const r = await run(clickhouse(http, { password: 'wrong-password' }))
    expectFailure(r, 'AUTH_FAILED', ['analytics', 'password'])
    expect(r.error?.message).toMatch(/code 193/)
    // The server's text ("Wrong password for user ...") is never echoed.
    expect(JSON.stringify(r)).not.toMatch(/Wrong password|DB::Exception/)
  })

  it('unknown user: AUTH_FAILED', async () => {
    const r = await run(clickhouse(http, { user: 'nobody-here' }))
    expectFailure(r, 'AUTH_FAILED', ['analytics', 'password'])
  })

  it('missing table: NOT_FOUND naming the table field', async () => {
    const r = await run(clickhouse(http, { feedbackTable: `${db}.no_such_table` }))
    expectFailure(r, 'NOT_FOUND', ['analytics', 'feedbackTable'])
    expect(r.error?.message).toContain(`${db}.no_such_table`)
  })

  it('a table without its database prefix looks in the default database: NOT_FOUND', async () => {
    const r = await run(clickhouse(http, { logTable: 'generations' }))
    expectFailure(r, 'NOT_FOUND', ['analytics', 'logTable'])
  })

  it('missing database: NOT_FOUND', async () => {
    const r = await run(clickhouse(http, { generationHooksTable: 'no_such_db.generation_hooks' }))
    expectFailure(r, 'NOT_FOUND', ['analytics', 'generationHooksTable'])
  })

  it('wrong CA (test CA not trusted): TLS_FAILED', async () => {
    const r = await run(clickhouse(`https://localhost:${C.httpsPort}`), { env: { extraCa: [] } })
    expectFailure(r, 'TLS_FAILED', ['analytics', 'endpoint'])
  })

  it('not ClickHouse (an OTLP receiver): PROTOCOL_ERROR', async () => {
    const r = await run(clickhouse(`http://127.0.0.1:${ports.otlp.port}`))
    expectFailure(r, 'PROTOCOL_ERROR', ['analytics', 'endpoint'])
  })

  networkFailureCases('analytics', (host, port) => ({ config: clickhouse(`http://${host}:${port}`) }), [
    'analytics',
    'endpoint',
  ])

  it('control plane analytics are skipped with the reason', async () => {
    const r = await checkTarget(
      configWith({ analytics: { store: 'control_plane' } }),
      'analytics',
      runOptions(),
    )
    expect(r.status).toBe('skipped')
  })
})

describe('quoteTable', () => {
  it('quotes database and table with backticks', () => {
    expect(quoteTable('portkey.generations')).toBe('`portkey`.`generations`')
    expect(quoteTable('generations')).toBe('`generations`')
  })
  it('refuses anything that is not a plain identifier (defence behind the schema)', () => {
    for (const bad of ['a`b', 'a.b.c', 'x; DROP TABLE y', 'a b', '']) expect(() => quoteTable(bad)).toThrow()
  })
})
