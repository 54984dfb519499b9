import { configJsonSchema, renderBundleFiles, validateConfig } from '@portkey-setup/schema'
import { fixtures, SENTINEL } from '@portkey-setup/schema/fixtures'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import YAML from 'yaml'
import { isErrorShape, testApp } from './test-support/app.js'
import { type FuzzBody, fromJsonSchema, fuzzBody, mutatedFixture } from './test-support/arbitraries.js'

/**
 * Property: whatever the body, no route answers 5xx, and every non-2xx carries the error shape
 * (422s also carry valid:false and well-formed issues). At least 1000 bodies per route.
 */

const RUNS = 1000

const configValue = fc.oneof(
  { weight: 1, arbitrary: fromJsonSchema(configJsonSchema() as never) },
  { weight: 2, arbitrary: mutatedFixture(fixtures) },
)

const valuesYamlTexts = Object.values(fixtures).flatMap((f) => {
  const r = validateConfig(f)
  return r.valid
    ? renderBundleFiles(r.config)
        .filter((x) => x.path === 'values.yaml')
        .map((x) => x.content)
    : []
})

/** values.yaml-ish text: rendered files with lines dropped, duplicated or garbled, plus YAML of junk. */
const valuesYamlText = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...valuesYamlTexts),
      fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.string()), { maxLength: 5 }),
    )
    .map(([text, edits]) => {
      const lines = text.split('\n')
      for (const [at, op, s] of edits) {
        const i = at % lines.length
        if (op === 0) lines.splice(i, 1)
        else if (op === 1) lines.splice(i, 0, lines[i] ?? '')
        else if (op === 2) lines[i] = `${lines[i] ?? ''}${s}`
        else lines[i] = s
      }
      return lines.join('\n')
    }),
  fc.jsonValue({ maxDepth: 4 }).map((v) => YAML.stringify(v)),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom('', '---', '- a\n- b', 'a: &x [*x]', 'a: !!binary x', '{', 'a:\n\tb: 1', 'x: '.repeat(500)),
)

const importValue = fc.oneof(
  { weight: 8, arbitrary: valuesYamlText.map((valuesYaml) => ({ valuesYaml })) },
  { weight: 1, arbitrary: fc.record({ valuesYaml: fc.jsonValue() }) },
  { weight: 1, arbitrary: fc.jsonValue() },
)

describe('fuzzing every POST route', async () => {
  const { app, logs } = await testApp({ rateLimit: { max: 1_000_000, windowMs: 60_000 } })
  afterAll(() => app.close())

  const check = async (url: string, body: FuzzBody) => {
    const r = await app.inject({
      method: 'POST',
      url,
      payload: body.payload,
      headers: { 'content-type': body.contentType },
    })
    expect(r.statusCode, `${url} answered ${r.statusCode}: ${r.body.slice(0, 300)}`).toBeLessThan(500)
    if (r.statusCode >= 400) {
      const parsed = r.json()
      expect(isErrorShape(parsed, r.headers['x-request-id'] as string), r.body.slice(0, 300)).toBe(true)
      if (r.statusCode === 422) {
        expect(parsed.valid).toBe(false)
        expect(parsed.issues.length).toBeGreaterThan(0)
        for (const i of parsed.issues) {
          expect(Array.isArray(i.path)).toBe(true)
          expect(typeof i.code).toBe('string')
          expect(i.message.length).toBeGreaterThan(0)
        }
      }
    }
    return r.statusCode
  }

  it.each(['/api/validate', '/api/render', '/api/bundle'])(
    `${RUNS} bodies to %s: no 5xx, every error in the contract's shape`,
    async (url) => {
      const statuses = new Map<number, number>()
      await fc.assert(
        fc.asyncProperty(fuzzBody(configValue), async (body) => {
          const status = await check(url, body)
          statuses.set(status, (statuses.get(status) ?? 0) + 1)
        }),
        { numRuns: RUNS },
      )
      // The generators must reach every outcome, or the property proves little.
      expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([200, 400, 413, 415, 422]))
    },
  )

  it(`${RUNS} bodies to /api/import: no 5xx, every error in the contract's shape`, async () => {
    const statuses = new Map<number, number>()
    await fc.assert(
      fc.asyncProperty(fuzzBody(importValue), async (body) => {
        const status = await check('/api/import', body)
        statuses.set(status, (statuses.get(status) ?? 0) + 1)
      }),
      { numRuns: RUNS },
    )
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 400, 413, 415]))
  })

  it('logged nothing from any body', () => {
    expect(logs.lines.length).toBeGreaterThanOrEqual(4 * RUNS)
    expect(logs.text).not.toContain(SENTINEL)
    for (const line of logs.parsed())
      expect(Object.keys(line).sort()).toEqual(expect.arrayContaining(['level', 'time', 'reqId', 'msg']))
  })
})
