import { configJsonSchema } from '@portkey-setup/schema'
import { afterAll, describe, expect, it } from 'vitest'
import { testApp } from '../test-support/app.js'

describe('GET /api/schema', async () => {
  const { app } = await testApp()
  afterAll(() => app.close())

  it('serves the JSON Schema of the deployment config as JSON', async () => {
    const r = await app.inject({ url: '/api/schema' })
    expect(r.statusCode).toBe(200)
    expect(r.headers['content-type']).toMatch(/^application\/json/)
    expect(r.json()).toEqual(configJsonSchema())
    expect(r.json()).toMatchObject({ type: 'object', properties: { logStore: expect.any(Object) } })
  })
})
