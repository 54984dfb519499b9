import { renderBundleFiles, validateConfig } from '@portkey-setup/schema'
import { fixtures } from '@portkey-setup/schema/fixtures'
import { afterAll, describe, expect, it } from 'vitest'
import { isErrorShape, testApp } from '../test-support/app.js'

const valid = (input: unknown) => {
  const r = validateConfig(input)
  if (!r.valid) throw new Error('fixture is invalid')
  return r.config
}

describe('POST /api/render', async () => {
  const { app } = await testApp()
  afterAll(() => app.close())
  const post = (payload: unknown) =>
    app.inject({ method: 'POST', url: '/api/render', payload: payload as object })

  it.each(Object.entries(fixtures))('previews every file of the bundle for %s', async (_name, config) => {
    const r = await post(config)
    expect(r.statusCode).toBe(200)
    const { files } = r.json()
    expect(files).toEqual(renderBundleFiles(valid(config)))
    expect(files.map((f: { path: string }) => f.path)).toContain('values.yaml')
    for (const f of files)
      expect(f).toEqual({ path: expect.any(String), content: expect.any(String), mode: expect.any(Number) })
  })

  it('answers 422 for an invalid config', async () => {
    const r = await post({
      ...fixtures.s3,
      chart: { version: '1.7.7', releaseName: 'Bad Name', namespace: 'x' },
    })
    expect(r.statusCode).toBe(422)
    expect(r.json()).toMatchObject({ valid: false, issues: [{ path: ['chart', 'releaseName'] }] })
    expect(isErrorShape(r.json())).toBe(true)
  })
})
