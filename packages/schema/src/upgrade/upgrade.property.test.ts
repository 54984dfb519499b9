import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CHART_VERSIONS, compareVersions } from '../chart/releases.js'
import { type DeploymentConfig, DeploymentConfigSchema } from '../config/index.js'
import { fixtures } from '../fixtures/index.js'
import { importValues } from '../import-values.js'
import { renderValuesYaml } from '../render/values-yaml.js'
import { parseConfig } from '../validate.js'
import { upgradeConfig } from './index.js'

const at = (input: unknown, version: string) => {
  const c = structuredClone(input) as { chart: { version: string } }
  c.chart = { ...c.chart, version }
  return parseConfig(c)
}

/** What a user gets by reading a values.yaml back: the config the importer makes of it. */
const roundTrip = (c: DeploymentConfig) => {
  const imported = importValues(renderValuesYaml(c)).config as DeploymentConfig
  // The Mongo CA's PEM is not in values.yaml (the CA volume holds it).
  if (c.logStore.type === 'mongo' && c.logStore.tlsCa && imported.logStore.type === 'mongo')
    imported.logStore.tlsCa = c.logStore.tlsCa
  return DeploymentConfigSchema.safeParse(imported)
}

const names = Object.keys(fixtures) as (keyof typeof fixtures)[]

describe('an upgrade equals the config made directly at the target', () => {
  it('import(render(config at A)) upgraded to B = import(render(config at B)), but for what the change list says', () => {
    let compared = 0
    let refused = 0
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.constantFrom(...CHART_VERSIONS),
        fc.constantFrom(...CHART_VERSIONS),
        (name, a, b) => {
          if (compareVersions(a, b) >= 0) return
          const atA = at(fixtures[name], a)
          if (!atA.valid) return
          const read = roundTrip(atA.config)
          if (!read.success) return
          const up = upgradeConfig(read.data, b)
          const direct = at(fixtures[name], b)
          if (!direct.valid) {
            // Refused at B: the upgrade says so, at a field, and a 'lost' change or a problem names it.
            refused++
            expect(up.problems.length).toBeGreaterThan(0)
            return
          }
          const directRead = roundTrip(direct.config)
          if (!directRead.success) return
          compared++
          expect(up.problems).toEqual([])
          expect(up.config).toEqual(directRead.data)
          expect(up.from).toBe(a)
          expect(up.to).toBe(b)
          for (const c of up.changes) {
            expect(compareVersions(c.at, a)).toBeGreaterThan(0)
            expect(compareVersions(c.at, b)).toBeLessThanOrEqual(0)
          }
        },
      ),
      { numRuns: 300, seed: 12 },
    )
    // The walk rarely lands on a release that breaks an option; index.test.ts has that case.
    expect(compared + refused).toBeGreaterThan(60)
  })
})
