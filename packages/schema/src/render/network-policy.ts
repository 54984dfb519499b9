import { Scalar } from 'yaml'
import { supports } from '../chart/capabilities.js'
import { CHART_NAME } from '../chart/facts.js'
import type { DeploymentConfig } from '../config/index.js'
import { documentText, entry, manifest, map, seq, str, word } from './yaml-doc.js'

export const NETWORK_POLICY_PATH = 'network-policy.yaml'

export const redisPolicyName = (c: DeploymentConfig) => `${c.chart.releaseName}-redis-gateway-only`

/**
 * Before chart 1.4.0 the in-cluster Redis, which has no password, always gets a NodePort Service.
 * This policy lets only the release's gateway and data service pods (both labelled with the chart's
 * name) reach it, so the open node port leads nowhere. Null when the chart can make Redis ClusterIP
 * or no in-cluster Redis is deployed.
 */
export const renderNetworkPolicy = (c: DeploymentConfig): string | null => {
  if (c.cache.store !== 'redis' || supports(c.chart.version, 'redisServiceType')) return null
  const instance = (name: string) =>
    map(
      entry('app.kubernetes.io/name', str(name)),
      entry('app.kubernetes.io/instance', str(c.chart.releaseName)),
    )
  return documentText(
    manifest(
      'networking.k8s.io/v1',
      'NetworkPolicy',
      redisPolicyName(c),
      c.chart.namespace,
      entry(
        'spec',
        map(
          entry('podSelector', map(entry('matchLabels', instance('redis')))),
          entry('policyTypes', seq(word('Ingress'))),
          entry(
            'ingress',
            seq(
              map(
                entry(
                  'from',
                  seq(map(entry('podSelector', map(entry('matchLabels', instance(CHART_NAME)))))),
                ),
                entry('ports', seq(map(entry('protocol', word('TCP')), entry('port', new Scalar(6379))))),
              ),
            ),
          ),
        ),
      ),
    ),
    [
      `Chart ${c.chart.version} exposes the in-cluster Redis (no password) on a NodePort and cannot be told`,
      'otherwise; this NetworkPolicy admits only the gateway and data service pods of the release.',
      'install.sh applies it before the chart; it needs a network plugin that enforces policies.',
    ],
  )
}
