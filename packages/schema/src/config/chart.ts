import { z } from 'zod'
import { supports } from '../chart/capabilities.js'
import { CHART_VERSIONS, LATEST_CHART_VERSION } from '../chart/releases.js'
import { dnsLabel } from './fields.js'

/** The chart default files the wizard's values diff ships: one before secretKeys (1.3.1), one after. */
export const KNOWN_CHART_VERSIONS = ['1.0.7', '1.7.7'] as const
export const DEFAULT_CHART_VERSION = LATEST_CHART_VERSION

/** Which of those default files is closest to a release's. */
export const chartLayout = (version: string): (typeof KNOWN_CHART_VERSIONS)[number] =>
  supports(version, 'existingSecret') ? '1.7.7' : '1.0.7'

const OLDEST = CHART_VERSIONS[CHART_VERSIONS.length - 1]

export const ChartSchema = z
  .strictObject({
    version: z
      .enum(CHART_VERSIONS, {
        error: `Chart version is not a released portkey-ai/gateway chart: choose a release from ${OLDEST} to ${LATEST_CHART_VERSION} (the newest, ${LATEST_CHART_VERSION}, is the default).`,
      })
      .default(DEFAULT_CHART_VERSION)
      .describe(
        'Version of the portkey-ai/gateway Helm chart to install, one of its released versions; the scripts pin it with --version.',
      ),
    releaseName: dnsLabel('Release name', 53)
      .default('portkey-ai')
      .describe('Helm release name; install and uninstall use the same one.'),
    namespace: dnsLabel('Namespace')
      .default('portkeyai')
      .describe('Kubernetes namespace the gateway runs in; created on install if missing.'),
  })
  .describe('Which chart to install, and where.')

export const GatewaySchema = z
  .strictObject({
    serviceName: dnsLabel('Service name')
      .default('portkeyenterprise')
      .describe('SERVICE_NAME the gateway reports itself as.'),
  })
  .describe('Gateway identity.')

export type Chart = z.infer<typeof ChartSchema>
export type Gateway = z.infer<typeof GatewaySchema>
