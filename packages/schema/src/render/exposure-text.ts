import { GATEWAY_PORT } from '../chart/facts.js'
import type { DeploymentConfig } from '../config/index.js'
import { gatewayDeploymentName } from './scripts/common.js'
import { shellQuote as q } from './shell.js'

/**
 * Where a user reaches the gateway once it runs, in the words the README, install.sh,
 * port-forward.sh and the guide share: the Ingress URL, the load balancer's address, a node port,
 * or (the default) a port-forward from this machine.
 */
export type GatewayAddress =
  | { kind: 'ingress'; url: string; health: string }
  | { kind: 'LoadBalancer' | 'NodePort'; service: string; lookup: string }
  | { kind: 'port-forward' }

/** The Ingress URL: https when a TLS Secret is named; the gateway path unless it is /. */
export const ingressUrl = (c: DeploymentConfig): string | undefined => {
  const ing = c.exposure.ingress
  if (!ing.enabled) return undefined
  return `${ing.tlsSecretName ? 'https' : 'http'}://${ing.host}${ing.path === '/' ? '' : ing.path.replace(/\/$/, '')}`
}

export const gatewayAddress = (c: DeploymentConfig): GatewayAddress => {
  const url = ingressUrl(c)
  if (url) return { kind: 'ingress', url, health: `${url}/v1/health` }
  const service = gatewayDeploymentName(c.chart.releaseName)
  const ns = q(c.chart.namespace)
  if (c.exposure.serviceType === 'LoadBalancer')
    return {
      kind: 'LoadBalancer',
      service,
      lookup: `kubectl get service ${q(service)} --namespace ${ns} -o jsonpath='{.status.loadBalancer.ingress[0].hostname}{.status.loadBalancer.ingress[0].ip}'`,
    }
  if (c.exposure.serviceType === 'NodePort')
    return {
      kind: 'NodePort',
      service,
      lookup: `kubectl get service ${q(service)} --namespace ${ns} -o jsonpath='{.spec.ports[0].nodePort}'`,
    }
  return { kind: 'port-forward' }
}

/** One sentence on where to open the gateway, for the README and the scripts (no secrets, no markup). */
export const reachSentence = (a: GatewayAddress): string => {
  if (a.kind === 'ingress')
    return `Open ${a.url} once DNS for the host points at your ingress controller (health: ${a.health}).`
  if (a.kind === 'LoadBalancer')
    return `The Service ${a.service} gets an external address from your cloud: call http://<address>:${GATEWAY_PORT} once it is assigned.`
  if (a.kind === 'NodePort')
    return `The Service ${a.service} opens a port on every node: call http://<node-address>:<node-port>.`
  return `Reach it on http://localhost:${GATEWAY_PORT} with ./port-forward.sh`
}
