import { fixtures } from '@portkey-setup/schema/fixtures'
import { afterAll, describe, expect, it } from 'vitest'
import { testApp } from '../test-support/app.js'

const directives = (csp: unknown) =>
  Object.fromEntries(
    String(csp)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  )

describe('security headers', async () => {
  const { app } = await testApp()
  afterAll(() => app.close())

  it('sends a CSP that lets the built SPA load its own files only', async () => {
    const r = await app.inject({ url: '/', headers: { accept: 'text/html' } })
    const csp = directives(r.headers['content-security-policy'])
    expect(csp['default-src']).toEqual(["'self'"])
    expect(csp['script-src']).toEqual(["'self'"])
    expect(csp['connect-src']).toEqual(["'self'"])
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"])
    expect(csp['object-src']).toEqual(["'none'"])
    expect(csp['frame-ancestors']).toEqual(["'none'"])
    // Plain HTTP on an internal address must keep working.
    expect(csp['upgrade-insecure-requests']).toBeUndefined()
  })

  it('sends the REST header set on API answers, and no HSTS over plain HTTP', async () => {
    const r = await app.inject({ url: '/api/health' })
    expect(r.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'")
    expect(r.headers['x-content-type-options']).toBe('nosniff')
    expect(r.headers['x-frame-options']).toBe('DENY')
    expect(r.headers['referrer-policy']).toBe('no-referrer')
    expect(r.headers['cross-origin-resource-policy']).toBe('same-origin')
    expect(r.headers['strict-transport-security']).toBeUndefined()
    expect(r.headers['x-powered-by']).toBeUndefined()
  })

  it('sends helmet page headers on the wizard', async () => {
    const r = await app.inject({ url: '/', headers: { accept: 'text/html' } })
    expect(r.headers['x-frame-options']).toBe('SAMEORIGIN')
    expect(r.headers['cross-origin-opener-policy']).toBe('same-origin')
    expect(directives(r.headers['content-security-policy'])['script-src']).toEqual(["'self'"])
    expect(r.headers['strict-transport-security']).toBeUndefined()
  })

  it('allows exactly the reference page inline script, by nonce', async () => {
    const r = await app.inject({ url: '/api/docs/' })
    expect(r.statusCode).toBe(200)
    const scriptSrc = directives(r.headers['content-security-policy'])['script-src'] as string[]
    const nonce = scriptSrc.find((s) => s.startsWith("'nonce-"))?.slice(7, -1)
    expect(nonce).toBeTruthy()
    const inline = [...r.body.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)]
    expect(inline.length).toBeGreaterThan(0)
    for (const [, attrs] of inline) expect(attrs).toContain(`nonce="${nonce}"`)
    expect(scriptSrc).not.toContain("'unsafe-inline'")
  })

  it.each([
    ['POST', '/api/validate', fixtures.s3],
    ['POST', '/api/render', fixtures.s3],
    ['POST', '/api/bundle', fixtures.s3],
    ['POST', '/api/validate', { bad: true }],
    ['POST', '/api/import', { valuesYaml: 'a: 1' }],
    ['GET', '/api/health', undefined],
    ['GET', '/api/schema', undefined],
    ['GET', '/api/nothing', undefined],
  ] as const)('%s %s is never cached', async (method, url, payload) => {
    const r = await app.inject({ method, url, ...(payload ? { payload } : {}) })
    expect(r.headers['cache-control']).toBe('no-store')
  })
})
