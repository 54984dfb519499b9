import { supports } from '../../chart/capabilities.js'
import type { DeploymentConfig, IngressOn } from '../../config/index.js'
import { bool, type Entry, entry, map, seq, str, stringMap } from '../yaml-doc.js'

const SERVICE_COMMENT = {
  ClusterIP: 'Gateway Service: reachable inside the cluster only (the chart\u2019s default is NodePort).',
  NodePort:
    'Gateway Service: NodePort, so every node forwards a port to the gateway (kubectl get service shows it).',
  LoadBalancer:
    'Gateway Service: LoadBalancer, so your cloud gives the gateway an external address of its own.',
} as const

/** The gateway Service; and the in-cluster Redis stays inside the cluster whatever the gateway does. */
export const serviceEntries = (c: DeploymentConfig): Entry[] => [
  entry(
    'service',
    map(entry('type', str(c.exposure.serviceType))),
    SERVICE_COMMENT[c.exposure.serviceType],
    true,
  ),
  ...(c.cache.store === 'redis' && supports(c.chart.version, 'redisServiceType')
    ? [
        entry(
          'redis',
          map(entry('serviceType', str('ClusterIP'))),
          'The in-cluster Redis has no password: keep its Service inside the cluster (default NodePort).',
        ),
      ]
    : []),
]

/** The hosts the TLS certificate is used for: with host-based MCP routing, the MCP host too. */
export const tlsHosts = (c: DeploymentConfig, ing: IngressOn): string[] =>
  ing.routing === 'host' && supports(c.chart.version, 'ingressMcpRouting')
    ? [ing.host, ing.mcpHost ?? `mcp.${ing.host}`]
    : [ing.host]

const tlsEntry = (c: DeploymentConfig, ing: IngressOn): Entry =>
  entry(
    'tls',
    ing.tlsSecretName
      ? seq(
          map(entry('secretName', str(ing.tlsSecretName)), entry('hosts', seq(...tlsHosts(c, ing).map(str)))),
        )
      : seq(),
    ing.tlsSecretName
      ? 'TLS ends at the ingress controller, with the certificate in this Secret of the namespace.'
      : 'No TLS Secret: the controller serves this host over plain HTTP.',
  )

/**
 * The Ingress in the shape the chosen release reads: a hosts list before 1.0.5, one host name
 * after, and from 1.3.0 the gateway path and the MCP routing beside it.
 */
export const ingressEntries = (c: DeploymentConfig): Entry[] => {
  const ing = c.exposure.ingress
  if (!ing.enabled) return []
  const v = c.chart.version
  const annotations = entry('annotations', stringMap(ing.annotations))
  const comment = [
    `Ingress: ${ing.host}${ing.path === '/' ? '' : ing.path} is routed to the gateway Service on port 8787`,
    `by the controller of IngressClass ${ing.className}.`,
  ]
  if (!supports(v, 'ingressHostname'))
    return [
      entry(
        'ingress',
        map(
          entry('enabled', bool(true)),
          entry('className', str(ing.className)),
          annotations,
          entry(
            'hosts',
            seq(
              map(
                entry('host', str(ing.host)),
                entry('paths', seq(map(entry('path', str(ing.path)), entry('pathType', str('Prefix'))))),
              ),
            ),
            `Chart ${v} reads the Ingress as a list of hosts and paths.`,
          ),
          tlsEntry(c, ing),
        ),
        comment,
        true,
      ),
    ]
  const mcp = supports(v, 'ingressMcpRouting')
  return [
    entry(
      'ingress',
      map(
        entry('enabled', bool(true)),
        entry('ingressClassName', str(ing.className)),
        entry('hostname', str(ing.host)),
        annotations,
        tlsEntry(c, ing),
        mcp &&
          entry(
            'hostBased',
            bool(ing.routing === 'host'),
            'MCP routing: used only when the gateway runs its MCP server (SERVER_MODE all or mcp).',
          ),
        mcp && entry('gatewayPath', str(ing.path)),
        mcp && entry('mcpPath', str(ing.mcpPath)),
        mcp && ing.mcpHost !== undefined && entry('mcpHostname', str(ing.mcpHost)),
      ),
      comment,
      true,
    ),
  ]
}
