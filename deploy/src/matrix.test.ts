import { CHART_VERSIONS, LATEST_CHART_VERSION } from '@portkey-setup/schema'
import { comboFixtures, fixtures as options } from '@portkey-setup/schema/fixtures'
import { beforeAll, describe, expect, it } from 'vitest'
import { type CaseResult, pool, runCase } from './matrix.js'

/**
 * Every fixture (one per option path) at every released chart version: it deploys, or the config is
 * refused at the field that decides it with a message naming the versions that work.
 */
// DEPLOY_MATRIX_ONLY=name,name runs only those fixtures (for work on one option; npm test runs all).
const only = process.env.DEPLOY_MATRIX_ONLY?.split(',').filter(Boolean)
const fixtures = Object.fromEntries(
  Object.entries({ ...options, ...comboFixtures }).filter(([name]) => !only || only.includes(name)),
)
const cases = Object.entries(fixtures).flatMap(([name, fx]) => CHART_VERSIONS.map((v) => ({ name, fx, v })))
const results = new Map<string, CaseResult>()
const key = (name: string, v: string) => `${name}@${v}`

beforeAll(async () => {
  const done = await pool(cases, 2, (c) => runCase(c.fx, c.v))
  for (const [i, c] of cases.entries()) results.set(key(c.name, c.v), done[i] as CaseResult)
  const count = (o: string) => [...results.values()].filter((r) => r.outcome === o).length
  console.log(
    `Deploy matrix (${Object.keys(fixtures).length} fixtures x ${CHART_VERSIONS.length} released charts): deploy ${count('deploy')}, refused ${count('refused')}, broken ${count('broken')}`,
  )
  for (const [k, r] of results)
    if (r.outcome === 'broken')
      console.log(
        `  broken ${k}: ${r.why}${r.findings ? `\n    ${r.findings.map((f) => `${f.object}: ${f.problem}`).join('\n    ')}` : ''}`,
      )
})

describe('deploy matrix', () => {
  it.each(Object.keys(fixtures))('%s deploys at the newest chart', (name) => {
    expect(results.get(key(name, LATEST_CHART_VERSION))).toEqual({ outcome: 'deploy' })
  })

  it.each(Object.keys(fixtures))('%s is never broken at any released chart', (name) => {
    const broken = CHART_VERSIONS.filter((v) => results.get(key(name, v))?.outcome === 'broken')
    expect(broken.map((v) => ({ v, r: results.get(key(name, v)) }))).toEqual([])
  })

  it.each(Object.keys(fixtures))('%s is refused only with a message that names working versions', (name) => {
    for (const v of CHART_VERSIONS) {
      const r = results.get(key(name, v))
      if (r?.outcome !== 'refused') continue
      // A fixture is valid at its own version, so any refusal here comes from the chart version.
      for (const i of r.issues) expect(i.message).toMatch(/needs chart \d+\.\d+\.\d+/)
    }
  })
})
