import { supports } from './capabilities.js'
import { CHART_RELEASES, chartRelease } from './releases.js'

/** The images the chart deploys, as the values key that sets each (images.<key>). */
export const IMAGE_KEYS = {
  gateway: 'gatewayImage',
  dataService: 'dataserviceImage',
  redis: 'redisImage',
} as const
export type ImageId = keyof typeof IMAGE_KEYS

export type ImageRef = { repository: string; tag: string; pullPolicy: string }

/** Docker Hub's host as the chart's repositories spell it. */
export const DOCKER_HUB_HOST = 'docker.io'
export const DEFAULT_PULL_POLICY = 'IfNotPresent'

/** Repositories without their registry host, the part a mirror keeps. */
export const IMAGE_PATHS = {
  gateway: 'portkeyai/gateway_enterprise',
  dataService: 'portkeyai/data-service',
  redis: 'redis',
} as const satisfies Record<ImageId, string>

/**
 * Each image as the chosen release's values file sets it. Before 1.1.3 the Redis Deployment has no
 * images.redisImage and pulls redis:alpine itself.
 */
export const chartImageDefaults = (version: string): Record<ImageId, ImageRef> => {
  const r = chartRelease(version) ?? CHART_RELEASES[0]
  const at = (id: ImageId, tag: string): ImageRef => ({
    repository: `${DOCKER_HUB_HOST}/${IMAGE_PATHS[id]}`,
    tag,
    pullPolicy: DEFAULT_PULL_POLICY,
  })
  return {
    gateway: at('gateway', r?.gatewayImageTag ?? ''),
    dataService: at('dataService', r?.dataServiceImageTag ?? ''),
    redis: supports(version, 'redisImage')
      ? at('redis', '7.2-alpine')
      : { repository: 'redis', tag: 'alpine', pullPolicy: DEFAULT_PULL_POLICY },
  }
}
