import { describe, expect, it } from 'vitest'
import { CHART_VERSIONS, LATEST_CHART_VERSION } from '../chart/releases.js'
import { DeploymentConfigSchema } from '../config/index.js'
import { fixtures } from '../fixtures/index.js'
import { upgradeConfig, upgradeTargets } from './index.js'

const at = (name: keyof typeof fixtures, version: string) =>
  DeploymentConfigSchema.parse({ ...fixtures[name], chart: { ...fixtures[name].chart, version } })

describe('upgradeTargets', () => {
  it('offers every later release, newest first, and nothing after the newest', () => {
    expect(upgradeTargets('1.7.5')).toEqual(['1.7.7', '1.7.6'])
    expect(upgradeTargets(LATEST_CHART_VERSION)).toEqual([])
    expect(upgradeTargets('1.0.3')).toHaveLength(CHART_VERSIONS.length - 1)
  })
})

describe('upgradeConfig', () => {
  it('moves the seed 1.0.7 config to 1.7.7, keeping every setting but the version', () => {
    const c = at('chart-1.0.7', '1.0.7')
    const up = upgradeConfig(c, '1.7.7')
    expect(up.problems).toEqual([])
    expect(up.config).toEqual({ ...c, chart: { ...c.chart, version: '1.7.7' } })
    expect(up.changes.length).toBeGreaterThan(0)
    expect(up.changes.every((ch) => ch.at > '1.0.7' || ch.at.startsWith('1.'))).toBe(true)
  })

  it('refuses a target that is not later, naming the ones that are', () => {
    const up = upgradeConfig(at('chart-1.0.7', '1.7.6'), '1.7.0')
    expect(up.problems).toEqual([expect.objectContaining({ path: ['chart', 'version'], code: 'not_later' })])
    expect(up.problems[0]?.message).toMatch(/1\.7\.7/)
    expect(upgradeConfig(at('chart-1.0.7', '1.7.6'), '9.9.9').problems[0]?.message).toMatch(
      /not a released version/,
    )
  })

  it('says an option the target breaks is lost, at its field, and does not apply the upgrade', () => {
    const up = upgradeConfig(at('data-service', '1.0.4'), '1.0.5')
    expect(up.problems.map((p) => p.path)).toContainEqual(['dataService', 'enabled'])
    expect(up.changes).toContainEqual(
      expect.objectContaining({ kind: 'lost', at: '1.0.5', path: ['dataService', 'enabled'] }),
    )
    expect(upgradeConfig(at('data-service', '1.0.4'), '1.0.6').problems).toEqual([])
  })

  it('names the service account requirement of 1.7.7 and the pull secret move of 1.7.0 only when crossed', () => {
    const kinds = (from: string, to: string) =>
      upgradeConfig(at('chart-1.0.7', from), to).changes.map((c) => `${c.at} ${c.kind}`)
    expect(kinds('1.6.4', '1.7.7')).toEqual(
      expect.arrayContaining(['1.7.0 recreate-secret', '1.7.7 required']),
    )
    expect(kinds('1.7.0', '1.7.6')).not.toContain('1.7.0 recreate-secret')
    expect(kinds('1.7.0', '1.7.6')).not.toContain('1.7.7 required')
  })
})
