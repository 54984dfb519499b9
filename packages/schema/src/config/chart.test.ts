import { describe, expect, it } from 'vitest'
import { fixtures } from '../fixtures/index.js'
import { validateConfig } from '../validate.js'
import { chartLayout } from './chart.js'

const withChart = (version: string, extra: object = {}) =>
  validateConfig({ ...fixtures.s3, chart: { ...fixtures.s3.chart, version }, ...extra })

const issuesAt = (r: ReturnType<typeof validateConfig>, path: string) =>
  r.valid ? [] : r.issues.filter((i) => i.path.join('.') === path).map((i) => i.message)

describe('chart version', () => {
  it.each(['1.0.0', '1.0.7', '1.3.0', '1.7.7', '2.0.0', '10.20.30'])('accepts %s', (v) => {
    expect(withChart(v).valid).toBe(true)
  })

  it.each(['0.9.9', '0.0.1'])('refuses %s as older than any known layout', (v) => {
    expect(issuesAt(withChart(v), 'chart.version')).toEqual([
      'Chart version must be 1.0.0 or later: portkey-setup does not know older layouts.',
    ])
  })

  it.each(['1.07.0', '1.7', 'v1.7.7', '1.7.7-rc1', ' 1.7.7', '1.7.7\n'])('refuses the malformed %j', (v) => {
    expect(issuesAt(withChart(v), 'chart.version')[0]).toMatch(/^Chart version is not valid/)
  })

  it('picks the newest known layout at or below the version', () => {
    expect(['1.0.0', '1.2.9', '1.3.0', '1.7.7', '3.0.0'].map(chartLayout)).toEqual([
      '1.0.7',
      '1.0.7',
      '1.7.7',
      '1.7.7',
      '1.7.7',
    ])
  })

  it('refuses an existing Secret before chart 1.3.0, naming the version', () => {
    const r = withChart('1.2.0', { secrets: { mode: 'existingSecret', secretName: 'gw' } })
    expect(issuesAt(r, 'secrets.mode')[0]).toMatch(
      /needs chart 1\.3\.0 or later, and chart 1\.2\.0 is selected/,
    )
    expect(withChart('1.3.0', { secrets: { mode: 'existingSecret', secretName: 'gw' } }).valid).toBe(true)
  })
})
