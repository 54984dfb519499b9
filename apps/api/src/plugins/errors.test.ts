import { fixtures, SENTINEL } from '@portkey-setup/schema/fixtures'
import Fastify from 'fastify'
import { afterAll, describe, expect, it } from 'vitest'
import { app as appPlugin, BODY_LIMIT, serverOptions } from '../app.js'
import { defaultSettings } from '../config.js'
import { isErrorShape, LogCapture, NO_WEB_ROOT, testApp } from '../test-support/app.js'

const POST_ROUTES = ['/api/validate', '/api/render', '/api/bundle', '/api/import']
const json = { 'content-type': 'application/json' }

describe('4xx paths of every POST route', async () => {
  const { app } = await testApp()
  afterAll(() => app.close())

  const expectError = (r: Awaited<ReturnType<typeof app.inject>>, status: number, code: string) => {
    expect(r.statusCode).toBe(status)
    expect(r.headers['content-type']).toMatch(/^application\/json/)
    expect(isErrorShape(r.json(), r.headers['x-request-id'] as string)).toBe(true)
    expect(r.json().error.code).toBe(code)
    expect(r.headers['cache-control']).toBe('no-store')
  }

  describe.each(POST_ROUTES)('%s', (url) => {
    it.each([
      ['text/plain', 'hello'],
      ['application/x-www-form-urlencoded', 'a=1&b=2'],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
      ],
      ['application/xml', '<a/>'],
      ['application/yaml', 'a: 1'],
    ])('refuses %s with 415', async (type, payload) => {
      expectError(
        await app.inject({ method: 'POST', url, payload, headers: { 'content-type': type } }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      )
    })

    it('refuses a POST without Content-Type with 415', async () => {
      expectError(await app.inject({ method: 'POST', url }), 415, 'UNSUPPORTED_MEDIA_TYPE')
      expectError(
        await app.inject({ method: 'POST', url, payload: Buffer.from('{}') }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      )
    })

    it('refuses a body over 256 KiB with 413', async () => {
      const payload = JSON.stringify({ ...fixtures.s3, pad: 'x'.repeat(BODY_LIMIT) })
      expectError(await app.inject({ method: 'POST', url, payload, headers: json }), 413, 'BODY_TOO_LARGE')
    })

    it.each(['{"a":', '{a: 1}', "{'a': 1}", '{"a": 1,}', 'nul', '\u0000'])(
      'refuses malformed JSON %j with 400',
      async (payload) => {
        expectError(await app.inject({ method: 'POST', url, payload, headers: json }), 400, 'INVALID_JSON')
      },
    )

    it('refuses an empty JSON body with 400', async () => {
      expectError(await app.inject({ method: 'POST', url, payload: '', headers: json }), 400, 'EMPTY_BODY')
    })

    it.each([
      '{"__proto__": {"isAdmin": true}}',
      '{"registry": {"__proto__": {"mode": "existing"}}}',
      '{"constructor": {"prototype": {"polluted": 1}}}',
      '{"logStore": {"constructor": {"prototype": {"x": 1}}}}',
    ])('refuses prototype poisoning %s with 400', async (payload) => {
      expectError(await app.inject({ method: 'POST', url, payload, headers: json }), 400, 'INVALID_JSON')
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()
    })

    it('answers GET with 405 and Allow: POST in the error shape', async () => {
      const r = await app.inject({ method: 'GET', url })
      expectError(r, 405, 'METHOD_NOT_ALLOWED')
      expect(r.headers.allow).toBe('POST')
    })
  })

  it('accepts JSON with a charset parameter', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/validate',
      payload: JSON.stringify(fixtures.s3),
      headers: { 'content-type': 'application/json; charset=utf-8' },
    })
    expect(r.statusCode).toBe(200)
  })

  it.each(['/api/nope', '/api/', '/api', '/api/validate/extra', '/nope.js'])(
    'answers unknown %s with 404',
    async (url) => {
      expectError(await app.inject({ url }), 404, 'NOT_FOUND')
      expectError(await app.inject({ method: 'POST', url, payload: {} }), 404, 'NOT_FOUND')
    },
  )

  it('answers other methods on known routes with 405 and Allow in the error shape', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH', 'TRACE'] as const) {
      const r = await app.inject({ method, url: '/api/validate', payload: {} })
      expectError(r, 405, 'METHOD_NOT_ALLOWED')
      expect(r.headers.allow).toBe('POST')
    }
    const health = await app.inject({ method: 'TRACE', url: '/api/health?x=1' })
    expectError(health, 405, 'METHOD_NOT_ALLOWED')
    expect(health.headers.allow).toBe('GET, HEAD')
  })
})

describe('5xx', async () => {
  const logs = new LogCapture()
  const settings = defaultSettings()
  const app = Fastify(serverOptions(settings, logs))
  await app.register(appPlugin, { settings, webRoot: NO_WEB_ROOT })
  // A route that fails the way a bug would: an error whose message quotes user input.
  app.post('/api/boom', async (request) => {
    throw new Error(`cannot handle ${JSON.stringify(request.body)}`)
  })
  await app.ready()
  afterAll(() => app.close())

  it('hides the internal message behind a generic one with the request id, and logs no message', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/boom', payload: { secret: `${SENTINEL}-boom` } })
    expect(r.statusCode).toBe(500)
    expect(r.json()).toEqual({
      error: {
        code: 'INTERNAL_ERROR',
        message: 'Something went wrong on the server. Quote the request id when you report it.',
        requestId: r.headers['x-request-id'],
      },
    })
    expect(r.body).not.toContain(SENTINEL)
    const errorLine = logs.parsed().find((l) => l.level === 50)
    expect(errorLine).toMatchObject({ reqId: r.headers['x-request-id'], err: { type: 'Error' } })
    expect((errorLine?.err as { stack?: string } | undefined)?.stack).toMatch(/at /)
    expect(logs.text).not.toContain(SENTINEL)
  })
})
