import { importValues, renderBundleFiles, validateConfig } from '@portkey-setup/schema'
import { fixtures, SENTINEL } from '@portkey-setup/schema/fixtures'
import { afterAll, describe, expect, it } from 'vitest'
import { isErrorShape, testApp } from '../test-support/app.js'

const valuesYamlOf = (input: unknown) => {
  const r = validateConfig(input)
  if (!r.valid) throw new Error('fixture is invalid')
  const file = renderBundleFiles(r.config).find((f) => f.path === 'values.yaml')
  if (!file) throw new Error('no values.yaml')
  return file.content
}

describe('POST /api/import', async () => {
  const { app, logs } = await testApp()
  afterAll(() => app.close())
  const post = (payload: unknown) =>
    app.inject({ method: 'POST', url: '/api/import', payload: payload as object })

  it.each(['s3', 'mongo', 'azure-entra', 'analytics-clickhouse'] as const)(
    'reads the values.yaml rendered for %s back into a config',
    async (name) => {
      const valuesYaml = valuesYamlOf(fixtures[name])
      const r = await post({ valuesYaml })
      expect(r.statusCode).toBe(200)
      expect(r.json()).toEqual(JSON.parse(JSON.stringify(importValues(valuesYaml))))
      expect(r.json()).toMatchObject({ config: expect.any(Object), warnings: expect.any(Array) })
    },
  )

  it.each([
    ['an unclosed flow sequence', 'environment:\n  data: [unclosed\n'],
    ['a bad indentation', 'a:\n  b: 1\n c: 2\n'],
    ['a scalar instead of a mapping', 'just some text'],
  ])('answers 400 INVALID_VALUES_YAML for %s', async (_what, valuesYaml) => {
    const r = await post({ valuesYaml })
    expect(r.statusCode).toBe(400)
    expect(isErrorShape(r.json(), r.headers['x-request-id'] as string)).toBe(true)
    expect(r.json().error.code).toBe('INVALID_VALUES_YAML')
  })

  it('never echoes the offending line, which may hold a secret', async () => {
    const secret = `${SENTINEL}-in-yaml`
    const valuesYaml = `environment:\n  data:\n    LOG_STORE_SECRET_KEY: ${secret}: [oops\n`
    const r = await post({ valuesYaml })
    expect(r.statusCode).toBe(400)
    expect(r.body).not.toContain(SENTINEL)
    expect(logs.text).not.toContain(SENTINEL)
  })

  it.each([
    ['a missing valuesYaml', {}],
    ['a valuesYaml that is not text', { valuesYaml: 42 }],
    ['an unknown field', { valuesYaml: 'a: 1', other: true }],
  ])('answers 400 INVALID_REQUEST with issues for %s', async (_what, payload) => {
    const r = await post(payload)
    expect(r.statusCode).toBe(400)
    expect(isErrorShape(r.json())).toBe(true)
    expect(r.json().error.code).toBe('INVALID_REQUEST')
    expect(r.json().issues.length).toBeGreaterThan(0)
  })
})
