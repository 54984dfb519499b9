import { configWarnings, validateConfig } from '@portkey-setup/schema'
import { baseConfig, fixtures } from '@portkey-setup/schema/fixtures'
import { afterAll, describe, expect, it } from 'vitest'
import { isErrorShape, testApp } from '../test-support/app.js'

describe('POST /api/validate', async () => {
  const { app } = await testApp()
  afterAll(() => app.close())
  const post = (payload: unknown) =>
    app.inject({ method: 'POST', url: '/api/validate', payload: payload as object })

  it.each(Object.entries(fixtures))('accepts the %s fixture with its warnings', async (_name, config) => {
    const r = await post(config)
    expect(r.statusCode).toBe(200)
    const expected = validateConfig(config)
    if (!expected.valid) throw new Error('fixture is invalid')
    expect(r.json()).toEqual({ valid: true, warnings: configWarnings(expected.config) })
  })

  it('accepts a config with only what the user touched (defaults fill the rest)', async () => {
    const { registry, logStore, otel, sync, bedrock, dataService, secrets } = baseConfig
    const r = await post({ registry, logStore, otel, sync, bedrock, dataService, secrets })
    expect(r.statusCode).toBe(200)
    expect(r.json().valid).toBe(true)
  })

  it('answers 422 with the issues of validateConfig, word for word, plus the error shape', async () => {
    const bad = { ...fixtures.s3, logStore: { ...fixtures.s3.logStore, bucket: 'Not_A..Bucket' }, extra: 1 }
    const r = await post(bad)
    expect(r.statusCode).toBe(422)
    const body = r.json()
    const expected = validateConfig(bad)
    if (expected.valid) throw new Error('expected invalid')
    expect(body.valid).toBe(false)
    expect(body.issues).toEqual(expected.issues)
    expect(body.issues.map((i: { path: unknown }) => i.path)).toEqual(
      expect.arrayContaining([['logStore', 'bucket'], []]),
    )
    expect(isErrorShape(body, r.headers['x-request-id'] as string)).toBe(true)
    expect(body.error.code).toBe('INVALID_CONFIG')
    expect(body.error.message).toMatch(/2 problems/)
  })

  it('answers 422 for a JSON body that is not an object', async () => {
    for (const payload of ['[]', '"text"', '42', 'null', 'true']) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/validate',
        payload,
        headers: { 'content-type': 'application/json' },
      })
      expect(r.statusCode).toBe(422)
      expect(r.json()).toMatchObject({ valid: false, issues: [expect.objectContaining({ path: [] })] })
    }
  })
})
