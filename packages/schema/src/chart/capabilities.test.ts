import { describe, expect, it } from 'vitest'
import { type CapabilityId, CHART_CAPABILITIES, lacks, supports, versionsWith } from './capabilities.js'
import { chartDefaultEnv } from './default-env.js'
import { CHART_RELEASES, CHART_VERSIONS, chartRelease, compareVersions } from './releases.js'

describe('the release list', () => {
  it('holds every released version once, newest first, with its date', () => {
    expect(CHART_VERSIONS).toHaveLength(35)
    expect(new Set(CHART_VERSIONS).size).toBe(CHART_VERSIONS.length)
    expect([...CHART_VERSIONS].sort((a, b) => compareVersions(b, a))).toEqual(CHART_VERSIONS)
    const dates = CHART_RELEASES.map((r) => r.date)
    expect([...dates].sort().reverse()).toEqual(dates)
    expect(chartRelease('1.0.7')).toEqual({
      version: '1.0.7',
      date: '2025-04-25',
      appVersion: '1.0.7',
      gatewayImageTag: '1.10.20',
      dataServiceImageTag: '1.1.10',
    })
  })

  it('compares versions numerically', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBe(1)
    expect(compareVersions('1.0.7', '1.0.7')).toBe(0)
    expect(compareVersions('1.0.7', '1.1.0')).toBe(-1)
  })
})

describe('capabilities', () => {
  it('each names its first release or its broken ones, and those are released versions', () => {
    for (const c of Object.values(CHART_CAPABILITIES) as { since?: string; broken?: readonly string[] }[]) {
      expect(c.since !== undefined || (c.broken?.length ?? 0) > 0).toBe(true)
      for (const v of [c.since, ...(c.broken ?? [])].filter(Boolean)) expect(CHART_VERSIONS).toContain(v)
    }
  })

  it.each([
    ['existingSecret', '1.3.0', false],
    ['existingSecret', '1.3.1', true],
    ['dataService', '1.0.5', false],
    ['dataService', '1.0.4', true],
    ['pullSecretNames', '1.6.4', false],
    ['pullSecretNames', '1.7.0', true],
  ] as [CapabilityId, string, boolean][])('%s at %s: %s', (id, v, yes) => {
    expect(supports(v, id)).toBe(yes)
  })

  it('describes the versions that have one as ranges', () => {
    expect(versionsWith('existingSecret')).toBe('1.3.1 or later')
    expect(versionsWith('dataService')).toBe('1.0.3\u20131.0.4, 1.0.6 or later')
  })

  it('says what an old release lacks, and the newest lacks nothing', () => {
    expect(lacks(CHART_VERSIONS[0])).toEqual([])
    expect(lacks('1.0.5')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^IRSA .*: not available$/),
        'The data service: not available',
        expect.stringMatching(
          /^A ClusterIP service for the in-cluster Redis: the bundle adds a NetworkPolicy/,
        ),
      ]),
    )
  })
})

describe('chart default env', () => {
  it('follows the releases that changed it', () => {
    expect(chartDefaultEnv('1.1.7')).not.toHaveProperty('SERVER_MODE')
    expect(chartDefaultEnv('1.3.1').MCP_PORT).toBe(8788)
    expect(chartDefaultEnv('1.3.3').MCP_PORT).toBe('8788')
    expect(chartDefaultEnv('1.7.6')).not.toHaveProperty('AZURE_ENTRA_CLIENT_ID')
    expect(chartDefaultEnv('1.7.7').AZURE_ENTRA_CLIENT_ID).toBeNull()
  })
})
