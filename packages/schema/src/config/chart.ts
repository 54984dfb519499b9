import { z } from 'zod'
import { CHART_CAPABILITIES } from '../chart/capabilities.js'
import { CHART_VERSIONS, compareVersions, LATEST_CHART_VERSION } from '../chart/releases.js'
import { dnsLabel } from './fields.js'

/** The two values.yaml dialects the importer and the chart-defaults view know (before and after 1.3.0). */
export const KNOWN_CHART_VERSIONS = ['1.0.7', '1.7.7'] as const
export const DEFAULT_CHART_VERSION = LATEST_CHART_VERSION
/** The first chart version that reads environment.existingSecret with secretKeys. */
export const EXISTING_SECRET_MIN_CHART = CHART_CAPABILITIES.existingSecret.since

/** Which of the known layouts a version renders with: the newest known one at or below it. */
export const chartLayout = (version: string): (typeof KNOWN_CHART_VERSIONS)[number] =>
  compareVersions(version, EXISTING_SECRET_MIN_CHART) >= 0 ? '1.7.7' : '1.0.7'

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
