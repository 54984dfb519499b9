import { fixtures } from '@portkey-setup/schema/fixtures'
import { afterAll, describe, expect, it } from 'vitest'
import { isErrorShape, testApp } from '../test-support/app.js'
import { createTokenMatcher, requiresAuth } from './auth.js'

const TOKENS = ['first-token-0123456789', 'second-token-0123456789']

describe('createTokenMatcher', () => {
  const match = createTokenMatcher(TOKENS)
  it('finds the token in a Bearer header, any case of the scheme', () => {
    expect(match(`Bearer ${TOKENS[0]}`)).toBe(0)
    expect(match(`bearer ${TOKENS[1]}`)).toBe(1)
    expect(match(`BEARER   ${TOKENS[1]} `)).toBe(1)
  })
  it.each([
    undefined,
    '',
    TOKENS[0],
    `Basic ${TOKENS[0]}`,
    `Bearer ${TOKENS[0]}x`,
    `Bearer ${TOKENS[0]!.slice(0, -1)}`,
    `Bearer ${TOKENS[0]} ${TOKENS[1]}`,
    'Bearer ',
  ])('rejects %j', (header) => {
    expect(match(header)).toBe(-1)
  })
  it('matches nothing when no tokens are configured', () => {
    expect(createTokenMatcher([])(`Bearer ${TOKENS[0]}`)).toBe(-1)
  })
})

describe('requiresAuth', () => {
  it('covers every /api route but health', () => {
    expect(requiresAuth('/api/validate')).toBe(true)
    expect(requiresAuth('/api/docs/')).toBe(true)
    expect(requiresAuth('/api')).toBe(true)
    expect(requiresAuth('/api/health')).toBe(false)
    expect(requiresAuth('/')).toBe(false)
    expect(requiresAuth('/assets/index.js')).toBe(false)
    expect(requiresAuth('/apiary')).toBe(false)
  })
})

describe('bearer auth with API_TOKENS set', async () => {
  const { app } = await testApp({ apiTokens: TOKENS })
  afterAll(() => app.close())

  const routes = [
    { method: 'GET', url: '/api/schema' },
    { method: 'GET', url: '/api/openapi.json' },
    { method: 'GET', url: '/api/docs/' },
    { method: 'GET', url: '/api/docs/js/scalar.js' },
    { method: 'POST', url: '/api/validate', payload: fixtures.s3 },
    { method: 'POST', url: '/api/render', payload: fixtures.s3 },
    { method: 'POST', url: '/api/bundle', payload: fixtures.s3 },
    { method: 'POST', url: '/api/import', payload: { valuesYaml: 'a: 1' } },
    { method: 'GET', url: '/api/unknown' },
    { method: 'HEAD', url: '/api/schema' },
  ] as const

  it.each(routes)('$method $url answers 401 without a token', async (route) => {
    const r = await app.inject({ ...route })
    expect(r.statusCode).toBe(401)
    expect(r.headers['www-authenticate']).toBe('Bearer')
    if (route.method !== 'HEAD') {
      expect(isErrorShape(r.json())).toBe(true)
      expect(r.json().error.code).toBe('UNAUTHORIZED')
    }
  })

  it.each(routes)('$method $url answers 401 with a wrong token', async (route) => {
    const r = await app.inject({ ...route, headers: { authorization: 'Bearer not-the-right-token-000' } })
    expect(r.statusCode).toBe(401)
  })

  it.each(routes.filter((r) => r.url !== '/api/unknown'))(
    '$method $url passes with either token',
    async (route) => {
      for (const token of TOKENS) {
        const r = await app.inject({ ...route, headers: { authorization: `Bearer ${token}` } })
        expect(r.statusCode, r.body.slice(0, 200)).not.toBe(401)
        expect(r.statusCode).toBeLessThan(500)
      }
    },
  )

  it('answers an unknown /api path with 404 once authenticated', async () => {
    const r = await app.inject({ url: '/api/unknown', headers: { authorization: `Bearer ${TOKENS[0]}` } })
    expect(r.statusCode).toBe(404)
  })

  it('leaves /api/health and the wizard open', async () => {
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200)
    expect((await app.inject({ url: '/', headers: { accept: 'text/html' } })).statusCode).toBe(200)
  })

  it('documents the bearer scheme in OpenAPI', async () => {
    const doc = (
      await app.inject({ url: '/api/openapi.json', headers: { authorization: `Bearer ${TOKENS[1]}` } })
    ).json()
    expect(doc.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' })
    expect(doc.security).toEqual([{ bearer: [] }])
  })
})

describe('without API_TOKENS', async () => {
  const { app } = await testApp()
  afterAll(() => app.close())
  it('needs no token (loopback only, enforced at boot)', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/validate', payload: fixtures.s3 })
    expect(r.statusCode).toBe(200)
  })
})
