import { z } from 'zod'
import { dnsLabel, ident } from './fields.js'

/** Chart versions whose values.yaml layout portkey-setup knows; the newest is the default. */
export const KNOWN_CHART_VERSIONS = ['1.0.7', '1.7.7'] as const
export const DEFAULT_CHART_VERSION = '1.7.7'
/** The first chart version that reads environment.existingSecret. */
export const EXISTING_SECRET_MIN_CHART = '1.3.0'

export const compareVersions = (a: string, b: string): number => {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return Math.sign(d)
  }
  return 0
}

/** Which of the known layouts a version renders with: the newest known one at or below it. */
export const chartLayout = (version: string): (typeof KNOWN_CHART_VERSIONS)[number] =>
  compareVersions(version, EXISTING_SECRET_MIN_CHART) >= 0 ? '1.7.7' : '1.0.7'

export const ChartSchema = z
  .strictObject({
    version: ident(
      'Chart version',
      /^(0|[1-9]\d{0,3})\.(0|[1-9]\d{0,3})\.(0|[1-9]\d{0,3})$/,
      `use a release of the portkey-ai/gateway chart such as ${KNOWN_CHART_VERSIONS.join(' or ')}.`,
      14,
    )
      .refine((v) => !v.startsWith('0.'), {
        // The syntax above has no leading zeros, so below 1.0.0 means a major version of 0.
        error: 'Chart version must be 1.0.0 or later: portkey-setup does not know older layouts.',
      })
      .default(DEFAULT_CHART_VERSION)
      .describe(
        'Version of the portkey-ai/gateway Helm chart to install; the scripts pin it with --version.',
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
