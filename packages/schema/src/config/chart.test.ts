import { describe, expect, it } from 'vitest'
import { chartLayout } from '../chart/layouts.js'
import { CHART_RELEASES, CHART_VERSIONS, LATEST_CHART_VERSION } from '../chart/releases.js'
import { fixtures } from '../fixtures/index.js'
import { validateConfig } from '../validate.js'

const withChart = (version: unknown, extra: object = {}) =>
  validateConfig({ ...fixtures.s3, chart: { ...fixtures.s3.chart, version }, ...extra })

const issuesAt = (r: ReturnType<typeof validateConfig>, path: string) =>
  r.valid ? [] : r.issues.filter((i) => i.path.join('.') === path).map((i) => i.message)

describe('chart version', () => {
  it.each(CHART_VERSIONS)('accepts the released %s', (v) => {
    expect(withChart(v).valid).toBe(true)
  })

  it('defaults to the newest release', () => {
    const { chart, ...rest } = fixtures.s3
    const r = validateConfig({
      ...rest,
      chart: { releaseName: chart?.releaseName, namespace: chart?.namespace },
    })
    expect(r.valid && r.config.chart.version).toBe(LATEST_CHART_VERSION)
    expect(LATEST_CHART_VERSION).toBe(CHART_RELEASES[0]?.version)
  })

  it.each(['1.0.0', '1.0.2', '1.7.8', '2.0.0', '0.9.9', '1.07.0', '1.7', 'v1.7.7', '1.7.7-rc1', ' 1.7.7', 7])(
    'refuses %j, naming the released range',
    (v) => {
      expect(issuesAt(withChart(v), 'chart.version')).toEqual([
        `Chart version is not a released portkey-ai/gateway chart: choose a release from 1.0.3 to ${LATEST_CHART_VERSION} (the newest, ${LATEST_CHART_VERSION}, is the default).`,
      ])
    },
  )

  it('picks the values layout the importer and the defaults view know', () => {
    expect(['1.0.3', '1.2.0', '1.3.0', '1.3.1', '1.7.7'].map(chartLayout)).toEqual([
      '1.0.7',
      '1.0.7',
      '1.0.7',
      '1.7.7',
      '1.7.7',
    ])
  })

  it('refuses an existing Secret before chart 1.3.1, naming the versions that work', () => {
    const r = withChart('1.3.0', { secrets: { mode: 'existingSecret', secretName: 'gw' } })
    expect(issuesAt(r, 'secrets.mode')).toEqual([
      'An existing Secret (environment.existingSecret with secretKeys) needs chart 1.3.1 or later, and chart 1.3.0 is selected: choose one of those versions or keep secrets inline or in Vault.',
    ])
    expect(withChart('1.3.1', { secrets: { mode: 'existingSecret', secretName: 'gw' } }).valid).toBe(true)
  })

  it('refuses IRSA before 1.0.6 at the auth method', () => {
    const r = validateConfig({
      ...fixtures['s3-assume-irsa'],
      chart: { ...fixtures.s3.chart, version: '1.0.5' },
    })
    expect(issuesAt(r, 'logStore.auth.method')[0]).toMatch(
      /^IRSA .* needs chart 1\.0\.6 or later, and chart 1\.0\.5 is selected/,
    )
  })

  it('refuses the data service only on 1.0.5, whose template is broken', () => {
    const at = (version: string) =>
      validateConfig({ ...fixtures['data-service'], chart: { ...fixtures.s3.chart, version } })
    expect(issuesAt(at('1.0.5'), 'dataService.enabled')).toEqual([
      'The data service needs chart 1.0.3\u20131.0.4, 1.0.6 or later, and chart 1.0.5 is selected: choose one of those versions or turn the data service off.',
    ])
    expect(at('1.0.4').valid && at('1.0.6').valid).toBe(true)
  })

  it('refuses Vault with the data service before 1.1.1', () => {
    const r = validateConfig({
      ...fixtures['data-service'],
      secrets: fixtures['secrets-vault'].secrets,
      chart: { ...fixtures.s3.chart, version: '1.1.0' },
    })
    expect(issuesAt(r, 'secrets.mode')[0]).toMatch(
      /needs chart 1\.1\.1 or later, and chart 1\.1\.0 is selected/,
    )
  })
})
