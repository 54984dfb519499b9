import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { testApp } from '../test-support/app.js'

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))

describe('GET /api/health', async () => {
  const { app } = await testApp()
  afterAll(() => app.close())

  it('answers ok with the package version', async () => {
    const r = await app.inject({ url: '/api/health' })
    expect(r.statusCode).toBe(200)
    expect(r.json()).toEqual({ status: 'ok', version })
    expect(r.headers['content-type']).toMatch(/^application\/json/)
    expect(r.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('answers HEAD too', async () => {
    const r = await app.inject({ method: 'HEAD', url: '/api/health' })
    expect(r.statusCode).toBe(200)
  })
})
