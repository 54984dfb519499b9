import { readdirSync } from 'node:fs'
import {
  CHART_RELEASES,
  CHART_VERSIONS,
  chartDefaultEnv,
  chartImageDefaults,
  supports,
} from '@portkey-setup/schema'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { chartTgz, cluster, sh } from './cluster.js'
import { chartValues } from './helm.js'

/** The product's release list against the released packages themselves. */
describe('the release list matches the released charts', () => {
  it('lists exactly the versions the chart repository holds', () => {
    const inRepo = readdirSync(cluster().CHARTS_DIR)
      .map((f) => /^gateway-(\d+\.\d+\.\d+)\.tgz$/.exec(f)?.[1])
      .filter((v): v is string => Boolean(v))
    expect([...inRepo].sort()).toEqual([...CHART_VERSIONS].sort())
  })

  it.each(CHART_RELEASES.map((r) => [r.version, r] as const))(
    '%s: appVersion, gateway image tag and default env',
    async (version, r) => {
      const chart = parse((await sh(cluster().HELM_BIN, ['show', 'chart', chartTgz(version)])).stdout) as {
        version: string
        appVersion: string
      }
      expect(chart).toMatchObject({ version, appVersion: r.appVersion })
      const values = (await chartValues(version)) as {
        images: {
          gatewayImage: { tag: string }
          dataserviceImage: { tag: string }
          redisImage?: { repository: string; tag: string }
        }
        environment: { data: object }
      }
      expect(values.images.gatewayImage.tag).toBe(r.gatewayImageTag)
      expect(values.images.dataserviceImage.tag).toBe(r.dataServiceImageTag)
      const redis = chartImageDefaults(version).redis
      if (values.images.redisImage)
        expect(`${values.images.redisImage.repository}:${values.images.redisImage.tag}`).toBe(
          `${redis.repository}:${redis.tag}`,
        )
      else expect(supports(version, 'redisImage')).toBe(false)
      expect(chartDefaultEnv(version)).toEqual(values.environment.data)
    },
  )
})
