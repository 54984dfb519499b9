import { CHART_VERSIONS } from '@portkey-setup/schema'
import { afterAll, describe, expect, it } from 'vitest'
import { testApp } from '../test-support/app.js'

describe('GET /api/charts', async () => {
  const { app } = await testApp()
  afterAll(() => app.close())

  it('lists every released chart newest first, with what each lacks', async () => {
    const r = await app.inject({ url: '/api/charts' })
    expect(r.statusCode).toBe(200)
    const body = r.json() as { latest: string; releases: { version: string; lacks: string[] }[] }
    expect(body.latest).toBe('1.7.7')
    expect(body.releases.map((x) => x.version)).toEqual(CHART_VERSIONS)
    expect(body.releases[0]).toEqual({
      version: '1.7.7',
      date: '2026-07-20',
      appVersion: '2.13.0',
      gatewayImageTag: '2.13.0',
      dataServiceImageTag: '1.9.0',
      lacks: [],
    })
    expect(body.releases.find((x) => x.version === '1.0.5')?.lacks).toContain(
      'The data service: not available',
    )
  })

  it('is in the OpenAPI document', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> }
    expect(doc.paths).toHaveProperty('/api/charts')
  })
})
