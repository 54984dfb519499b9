import { z } from 'zod'
import { CHART_VERSIONS, LATEST_CHART_VERSION } from '../chart/releases.js'
import { count, dnsLabel, doc } from './fields.js'

export const DEFAULT_CHART_VERSION = LATEST_CHART_VERSION

const OLDEST = CHART_VERSIONS[CHART_VERSIONS.length - 1]

export const ChartSchema = z
  .strictObject({
    version: z
      .enum(CHART_VERSIONS, {
        error: `Chart version is not a released portkey-ai/gateway chart: choose a release from ${OLDEST} to ${LATEST_CHART_VERSION} (the newest, ${LATEST_CHART_VERSION}, is the default).`,
      })
      .default(DEFAULT_CHART_VERSION)
      .meta({
        title: 'Chart version',
        ...doc(
          'The release of the portkey-ai/gateway Helm chart to install; the scripts pin it with --version.',
        ),
      }),
    releaseName: dnsLabel('Release name', 53)
      .default('portkey-ai')
      .meta(doc('The Helm release name; install and uninstall use the same one.')),
    namespace: dnsLabel('Namespace')
      .default('portkeyai')
      .meta(doc('The Kubernetes namespace the gateway runs in; install creates it when missing.')),
  })
  .describe('Which chart to install, and where.')

export const GatewaySchema = z
  .strictObject({
    serviceName: dnsLabel('Gateway service name')
      .default('portkeyenterprise')
      .meta(doc('The name the gateway reports itself as.', { env: 'SERVICE_NAME' })),
    requestTimeoutMs: count('Request timeout (ms)', 1000, 3_600_000)
      .optional()
      .meta(
        doc(
          'How long the gateway waits for a provider before it gives up; raise it for long-running requests.',
          {
            env: 'REQUEST_TIMEOUT',
            placeholder: '300000',
          },
        ),
      ),
  })
  .describe('Gateway identity.')

export type Chart = z.infer<typeof ChartSchema>
export type Gateway = z.infer<typeof GatewaySchema>
