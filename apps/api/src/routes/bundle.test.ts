import { buildBundle, renderBundleFiles, validateConfig } from '@portkey-setup/schema'
import { fixtures } from '@portkey-setup/schema/fixtures'
import JSZip from 'jszip'
import { afterAll, describe, expect, it } from 'vitest'
import { isErrorShape, testApp } from '../test-support/app.js'

const valid = (input: unknown) => {
  const r = validateConfig(input)
  if (!r.valid) throw new Error('fixture is invalid')
  return r.config
}

describe('POST /api/bundle', async () => {
  const { app } = await testApp()
  afterAll(() => app.close())
  const post = (payload: unknown) =>
    app.inject({ method: 'POST', url: '/api/bundle', payload: payload as object })

  it('returns the zip as an attachment named after the release, never cached', async () => {
    const r = await post(fixtures.s3)
    expect(r.statusCode).toBe(200)
    expect(r.headers['content-type']).toBe('application/zip')
    expect(r.headers['content-disposition']).toBe('attachment; filename="portkey-portkey-ai-bundle.zip"')
    expect(r.headers['cache-control']).toBe('no-store')
    expect(r.rawPayload.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]))
  })

  it.each(Object.entries(fixtures))('zips exactly buildBundle(config) for %s', async (_name, config) => {
    const r = await post(config)
    expect(r.statusCode).toBe(200)
    const expected = await buildBundle(valid(config))
    expect(Buffer.compare(r.rawPayload, Buffer.from(expected))).toBe(0)
    const zip = await JSZip.loadAsync(r.rawPayload)
    const names = Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name.replace(/^[^/]+\//, ''))
    expect(names.sort()).toEqual(
      renderBundleFiles(valid(config))
        .map((f) => f.path)
        .sort(),
    )
  })

  it('names the file after a custom release', async () => {
    const config = fixtures['chart-1.0.7-mongo-vault']
    const r = await post(config)
    expect(r.headers['content-disposition']).toBe('attachment; filename="portkey-gateway-legacy-bundle.zip"')
  })

  it('answers 422 with issues for an invalid config', async () => {
    const r = await post({ ...fixtures.s3, logStore: { type: 'nope' } })
    expect(r.statusCode).toBe(422)
    expect(r.headers['content-type']).toMatch(/^application\/json/)
    expect(r.json()).toMatchObject({ valid: false, issues: [{ path: ['logStore', 'type'] }] })
    expect(isErrorShape(r.json())).toBe(true)
  })
})
