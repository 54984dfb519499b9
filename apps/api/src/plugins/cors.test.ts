import { afterAll, describe, expect, it } from 'vitest'
import { testApp } from '../test-support/app.js'

const PORTAL = 'https://portal.example.com'

describe('CORS with CORS_ORIGINS', async () => {
  const { app } = await testApp({ corsOrigins: [PORTAL] })
  afterAll(() => app.close())

  it('allows a listed origin, with the headers a portal needs', async () => {
    const r = await app.inject({
      method: 'OPTIONS',
      url: '/api/validate',
      headers: {
        origin: PORTAL,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    })
    expect(r.statusCode).toBe(204)
    expect(r.headers['access-control-allow-origin']).toBe(PORTAL)
    expect(String(r.headers['access-control-allow-headers'])).toMatch(/Authorization/)
    expect(String(r.headers['access-control-allow-methods'])).toMatch(/POST/)
    expect(r.headers['access-control-allow-credentials']).toBeUndefined()

    const get = await app.inject({ url: '/api/health', headers: { origin: PORTAL } })
    expect(get.headers['access-control-allow-origin']).toBe(PORTAL)
    expect(String(get.headers['access-control-expose-headers'])).toMatch(/Content-Disposition/)
  })

  it('sends no allow-origin to any other origin', async () => {
    for (const origin of ['https://evil.example.com', 'https://portal.example.com.evil.com', 'null']) {
      const r = await app.inject({ url: '/api/health', headers: { origin } })
      expect(r.headers['access-control-allow-origin']).toBeUndefined()
      const pre = await app.inject({
        method: 'OPTIONS',
        url: '/api/validate',
        headers: { origin, 'access-control-request-method': 'POST' },
      })
      expect(pre.headers['access-control-allow-origin']).toBeUndefined()
    }
  })
})

describe('CORS without CORS_ORIGINS', async () => {
  const { app } = await testApp()
  afterAll(() => app.close())
  it('sends no CORS headers at all', async () => {
    const r = await app.inject({ url: '/api/health', headers: { origin: PORTAL } })
    expect(r.headers['access-control-allow-origin']).toBeUndefined()
  })
})
