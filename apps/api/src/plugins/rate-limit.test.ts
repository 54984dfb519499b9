import { afterAll, describe, expect, it } from 'vitest'
import { isErrorShape, testApp } from '../test-support/app.js'

const TOKENS = ['first-token-0123456789', 'second-token-0123456789']

describe('rate limit', async () => {
  const { app } = await testApp({ rateLimit: { max: 3, windowMs: 60_000 }, apiTokens: TOKENS })
  afterAll(() => app.close())
  const auth = (i: number) => ({ authorization: `Bearer ${TOKENS[i]}` })

  it('answers 429 in the error shape once a token has used its budget, per token', async () => {
    for (let i = 0; i < 3; i++)
      expect((await app.inject({ url: '/api/schema', headers: auth(0) })).statusCode).toBe(200)
    const limited = await app.inject({ url: '/api/schema', headers: auth(0) })
    expect(limited.statusCode).toBe(429)
    expect(isErrorShape(limited.json())).toBe(true)
    expect(limited.json().error.code).toBe('RATE_LIMITED')
    expect(limited.json().error.message).toMatch(/Try again in \d+ s/)
    expect(limited.headers['retry-after']).toBeDefined()
    // Another token has its own budget.
    expect((await app.inject({ url: '/api/schema', headers: auth(1) })).statusCode).toBe(200)
  })

  it('counts failed tokens against the address, so guessing does not reset the budget', async () => {
    const from = { remoteAddress: '10.9.9.9' }
    const statuses: number[] = []
    for (let i = 0; i < 5; i++)
      statuses.push(
        (
          await app.inject({
            url: '/api/schema',
            ...from,
            headers: { authorization: `Bearer guess-${i}-0000000000` },
          })
        ).statusCode,
      )
    expect(statuses).toEqual([401, 401, 401, 429, 429])
  })

  it('ignores X-Forwarded-For without TRUST_PROXY', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 4; i++)
      statuses.push(
        (
          await app.inject({
            url: '/api/health',
            remoteAddress: '10.8.8.8',
            headers: { 'x-forwarded-for': `203.0.113.${i}` },
          })
        ).statusCode,
      )
    expect(statuses).toEqual([200, 200, 200, 429])
  })

  it('does not limit the static wizard files', async () => {
    for (let i = 0; i < 6; i++)
      expect(
        (await app.inject({ url: '/', remoteAddress: '10.7.7.7', headers: { accept: 'text/html' } }))
          .statusCode,
      ).toBe(200)
  })
})

describe('rate limit behind a trusted proxy', async () => {
  const { app } = await testApp({ rateLimit: { max: 2, windowMs: 60_000 }, trustProxy: ['127.0.0.1'] })
  afterAll(() => app.close())

  it('keys on the client address the trusted proxy reports', async () => {
    const from = (client: string) =>
      app.inject({ url: '/api/health', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': client } })
    expect((await from('198.51.100.1')).statusCode).toBe(200)
    expect((await from('198.51.100.1')).statusCode).toBe(200)
    expect((await from('198.51.100.1')).statusCode).toBe(429)
    expect((await from('198.51.100.2')).statusCode).toBe(200)
  })
})
