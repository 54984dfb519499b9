import { secretFieldPaths, validateConfig } from '@portkey-setup/schema'
import { fixtures, SENTINEL } from '@portkey-setup/schema/fixtures'
import JSZip from 'jszip'
import { afterAll, describe, expect, it } from 'vitest'
import { BODY_LIMIT } from './app.js'
import { testApp } from './test-support/app.js'

/**
 * Sentinel secrets in every secret field never reach a response header, a log line, or a body
 * that is not meant to carry them (only values.yaml with inline secrets, and 0600 secret files).
 */

// Access key ids must be alphanumeric, so they get a sentinel without the hyphen.
const KEY_SENTINEL = 'SENTINELSECRETKEY'
const LEAK = /SENTINEL-?SECRET/

type Json = Record<string, unknown>

/** The fixture with every secret field it has set to a sentinel. */
const saturate = (fixture: unknown): Json => {
  const config = structuredClone(fixture) as Json
  for (const path of secretFieldPaths()) {
    const parent = path.slice(0, -1).reduce<unknown>((o, k) => (o as Json | undefined)?.[k], config) as
      | Json
      | undefined
    const key = path[path.length - 1]!
    const value = parent?.[key]
    if (typeof value !== 'string' || LEAK.test(value)) continue
    if (/^accessKey(Id)?$/.test(key)) parent![key] = `${KEY_SENTINEL}${path.length}`
    // The in-cluster Redis URL is fixed (redis://redis:6379) and holds no secret to hide.
    else if (!(path.join('.') === 'cache.url' && (config.cache as Json).store === 'redis'))
      parent![key] = `${SENTINEL}-${path.join('-')}`
  }
  return config
}

const saturated = Object.entries(fixtures).map(([name, f]) => [name, saturate(f)] as const)

/** Replaces every sentinel-bearing secret value through fn (to make it invalid in some way). */
const mapSecrets = (config: Json, fn: (v: string) => unknown): Json => {
  const copy = structuredClone(config)
  const walk = (o: unknown) => {
    if (!o || typeof o !== 'object') return
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'string' && LEAK.test(v)) (o as Json)[k] = fn(v)
      else walk(v)
    }
  }
  walk(copy)
  return copy
}

describe('sentinel secrets', async () => {
  const unlimited = { max: 1_000_000, windowMs: 60_000 }
  const { app, logs } = await testApp({ logLevel: 'trace', rateLimit: unlimited })
  const tokenApp = await testApp({
    logLevel: 'trace',
    rateLimit: unlimited,
    apiTokens: ['the-real-token-0123456789'],
  })
  afterAll(async () => {
    await app.close()
    await tokenApp.app.close()
  })

  const expectNoLeakInHeaders = (r: { headers: Record<string, unknown> }) => {
    expect(JSON.stringify(r.headers)).not.toMatch(LEAK)
  }

  it('every secret field of the schema holds a sentinel in some fixture, and each fixture stays valid', () => {
    const covered = new Set<string>()
    for (const [name, config] of saturated) {
      expect(validateConfig(config).valid, name).toBe(true)
      for (const path of secretFieldPaths()) {
        const v = path.reduce<unknown>((o, k) => (o as Json | undefined)?.[k], config)
        if (typeof v === 'string' && LEAK.test(v)) covered.add(path.join('.'))
      }
    }
    // keptValues is a tree of settings an import kept, not a text field: the draft test covers it.
    expect([...covered].sort()).toEqual(
      secretFieldPaths()
        .map((p) => p.join('.'))
        .filter((p) => p !== 'keptValues')
        .sort(),
    )
  })

  describe.each(saturated)('%s', (_name, config) => {
    const inline = (config.secrets as Json).mode === 'inline'

    it('success: validate never echoes a secret', async () => {
      const r = await app.inject({ method: 'POST', url: '/api/validate', payload: config })
      expect(r.statusCode).toBe(200)
      expect(r.body).not.toMatch(LEAK)
      expectNoLeakInHeaders(r)
    })

    it('success: render puts secrets only where they belong', async () => {
      const r = await app.inject({ method: 'POST', url: '/api/render', payload: config })
      expect(r.statusCode).toBe(200)
      expectNoLeakInHeaders(r)
      for (const f of r.json().files as { path: string; content: string; mode: number }[])
        if (LEAK.test(f.content))
          expect(f.mode === 0o600 || (inline && f.path === 'values.yaml'), f.path).toBe(true)
    })

    it('success: the bundle puts secrets only where they belong', async () => {
      const r = await app.inject({ method: 'POST', url: '/api/bundle', payload: config })
      expect(r.statusCode).toBe(200)
      expectNoLeakInHeaders(r)
      const zip = await JSZip.loadAsync(r.rawPayload)
      for (const entry of Object.values(zip.files)) {
        if (entry.dir) continue
        const text = await entry.async('string')
        const mode = (entry.unixPermissions as number) & 0o777
        if (LEAK.test(text))
          expect(mode === 0o600 || (inline && entry.name.endsWith('/values.yaml')), entry.name).toBe(true)
      }
    })

    it.each([
      [
        'an invalid non-secret field',
        (c: Json) => ({ ...c, chart: { version: '1.7.7', releaseName: 'NO', namespace: '!' } }),
      ],
      ['secrets with a line break', (c: Json) => mapSecrets(c, (v) => `${v}\n`)],
      ['secrets far too long', (c: Json) => mapSecrets(c, (v) => v.repeat(400))],
      ['secrets of the wrong type', (c: Json) => mapSecrets(c, (v) => ({ nested: v, list: [v] }))],
      [
        'secrets under unknown keys',
        (c: Json) => ({ ...c, extra: SENTINEL, registry: { ...(c.registry as Json), leak: SENTINEL } }),
      ],
      [
        'secrets moved into a non-secret field',
        (c: Json) => ({ ...c, gateway: { serviceName: `${SENTINEL}-svc` } }),
      ],
    ])('422 for %s carries no secret', async (_what, mutate) => {
      for (const url of ['/api/validate', '/api/render', '/api/bundle']) {
        const r = await app.inject({ method: 'POST', url, payload: mutate(config) })
        expect(r.statusCode).toBe(422)
        expect(r.body).not.toMatch(LEAK)
        expectNoLeakInHeaders(r)
      }
    })

    it.each([
      [
        'malformed JSON',
        (c: Json) => ({ payload: JSON.stringify(c).slice(0, -3), type: 'application/json', status: 400 }),
      ],
      [
        'a prototype-poisoning key',
        (c: Json) => ({
          payload: `{"__proto__":{"x":1},${JSON.stringify(c).slice(1)}`,
          type: 'application/json',
          status: 400,
        }),
      ],
      [
        'an oversize body',
        (c: Json) => ({
          payload: JSON.stringify({ ...c, pad: 'p'.repeat(BODY_LIMIT) }),
          type: 'application/json',
          status: 413,
        }),
      ],
      [
        'a form post',
        (c: Json) => ({
          payload: `config=${encodeURIComponent(JSON.stringify(c))}`,
          type: 'application/x-www-form-urlencoded',
          status: 415,
        }),
      ],
      ['text/plain', (c: Json) => ({ payload: JSON.stringify(c), type: 'text/plain', status: 415 })],
    ])('%s carries no secret', async (_what, make) => {
      const { payload, type, status } = make(config)
      for (const url of ['/api/validate', '/api/render', '/api/bundle', '/api/import']) {
        const r = await app.inject({ method: 'POST', url, payload, headers: { 'content-type': type } })
        expect(r.statusCode).toBe(status)
        expect(r.body).not.toMatch(LEAK)
        expectNoLeakInHeaders(r)
      }
    })
  })

  it('secrets in URLs, query strings and headers are never logged or echoed', async () => {
    const responses = [
      await app.inject({ url: `/api/${SENTINEL}/x?token=${SENTINEL}` }),
      await app.inject({ url: `/api/health?token=${SENTINEL}` }),
      await app.inject({
        url: `/missing?token=${SENTINEL}`,
        headers: { accept: 'text/html', 'x-api-key': SENTINEL },
      }),
      await app.inject({
        method: 'POST',
        url: `/api/validate?password=${SENTINEL}`,
        payload: fixtures.s3,
        headers: { cookie: `session=${SENTINEL}`, 'x-request-id': SENTINEL },
      }),
      await tokenApp.app.inject({
        url: '/api/schema',
        headers: { authorization: `Bearer ${SENTINEL}-token` },
      }),
      await tokenApp.app.inject({
        method: 'POST',
        url: '/api/validate',
        payload: fixtures.s3,
        headers: { authorization: `Bearer ${SENTINEL}` },
      }),
    ]
    for (const r of responses) {
      expect(r.statusCode).toBeLessThan(500)
      expect(r.body).not.toMatch(LEAK)
      expectNoLeakInHeaders(r)
    }
  })

  it('a values.yaml that does not parse is refused without quoting it', async () => {
    const valuesYaml = `environment:\n  data:\n    LOG_STORE_SECRET_KEY: "${SENTINEL}-yaml\n    other: [${SENTINEL}\n`
    const r = await app.inject({ method: 'POST', url: '/api/import', payload: { valuesYaml } })
    expect(r.statusCode).toBe(400)
    expect(r.body).not.toMatch(LEAK)
  })

  it('no log line, at trace level, ever held a secret', () => {
    expect(logs.lines.length).toBeGreaterThan(100)
    expect(logs.text).not.toMatch(LEAK)
    expect(tokenApp.logs.text).not.toMatch(LEAK)
    // And they say what happened: one line per request with method, route, status, duration.
    const completed = logs.parsed().filter((l) => l.msg === 'request completed')
    expect(completed.length).toBeGreaterThan(100)
    for (const l of completed)
      expect(Object.keys(l).sort()).toEqual([
        'durationMs',
        'hostname',
        'level',
        'method',
        'msg',
        'pid',
        'reqId',
        'route',
        'statusCode',
        'time',
      ])
  })
})
