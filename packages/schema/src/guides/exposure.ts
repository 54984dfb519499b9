import { GATEWAY_PORT } from '../chart/facts.js'
import { IngressOnSchema, SERVICE_TYPES } from '../config/exposure.js'
import { q, section, shell, step } from './blocks.js'
import type { GuideSection, GuideStep } from './types.js'
import { pick, rec, type View, valid } from './view.js'

const TITLE = 'Exposure'

const serviceSteps = (v: View, type: string): GuideStep[] => {
  const ns = q(v.namespace)
  const svc = q(v.fullname)
  if (type === 'LoadBalancer')
    return [
      step(
        'exposure.loadbalancer',
        'Find the load balancer address',
        `After the install your cloud provisions a load balancer for Service ${v.fullname}; this can take a few minutes. The address then answers on port ${GATEWAY_PORT}. For an internal load balancer your cloud reads annotations from service.annotations in values.yaml; the chart copies those onto its service accounts and the Ingress as well.`,
        [
          shell('Wait for the address', `kubectl get service ${svc} --namespace ${ns} --watch`),
          shell('Check health', `curl -fsS ${q(`http://<address>:${GATEWAY_PORT}/v1/health`)}`),
        ],
      ),
    ]
  if (type === 'NodePort')
    return [
      step(
        'exposure.nodeport',
        'Find the node port',
        `Kubernetes picks a port between 30000 and 32767 on every node for Service ${v.fullname}; your firewall must let clients reach it.`,
        [
          shell(
            'Show the node port',
            `kubectl get service ${svc} --namespace ${ns} -o jsonpath='{.spec.ports[0].nodePort}'`,
          ),
          shell('Check health', `curl -fsS ${q('http://<node-address>:<node-port>/v1/health')}`),
        ],
      ),
    ]
  return []
}

const ingressSteps = (v: View, ing: Record<string, unknown>): GuideStep[] => {
  const shape = IngressOnSchema.shape
  const ns = q(v.namespace)
  const host = pick(shape.host, ing.host, 'host')
  const cls = valid(shape.className, ing.className) ?? 'nginx'
  const path = valid(shape.path, ing.path) ?? '/'
  const tls =
    ing.tlsSecretName === undefined ? undefined : pick(shape.tlsSecretName, ing.tlsSecretName, 'tls-secret')
  const url = `${tls ? 'https' : 'http'}://${host}${path === '/' ? '' : path.replace(/\/$/, '')}`
  const steps: GuideStep[] = [
    step(
      'exposure.ingress.class',
      'Check the ingress controller',
      `The Ingress asks for IngressClass ${cls}: a controller serving that class must run in the cluster, or the Ingress is never picked up.`,
      [shell('List the classes', 'kubectl get ingressclass', `kubectl get ingressclass ${q(cls)}`)],
    ),
  ]
  if (tls)
    steps.push(
      step(
        'exposure.ingress.tls',
        'Provide the TLS certificate',
        `The controller reads the certificate for ${host} from Secret ${tls} in namespace ${v.namespace}. Create it from your certificate and key files (skip this if cert-manager or another tool makes it, e.g. through an annotation).`,
        [
          shell(
            'Create the TLS Secret',
            `kubectl create secret tls ${q(tls)} --namespace ${ns} \\`,
            `  --cert=${q('<certificate.pem>')} --key=${q('<private-key.pem>')}`,
          ),
        ],
      ),
    )
  steps.push(
    step(
      'exposure.ingress.dns',
      'Point the host name at the controller',
      `After the install the Ingress shows the controller's address. Make ${host} resolve to it in your DNS, then the gateway answers at ${url}.`,
      [
        shell('Show the Ingress and its address', `kubectl get ingress ${q(v.fullname)} --namespace ${ns}`),
        shell('Check health', `curl -fsS ${q(`${url}/v1/health`)}`),
      ],
    ),
  )
  return steps
}

export const exposureGuide = (v: View): GuideSection => {
  const e = rec(v.root.exposure)
  const type = (SERVICE_TYPES as readonly unknown[]).includes(e.serviceType)
    ? String(e.serviceType)
    : 'ClusterIP'
  const ing = rec(e.ingress)
  if (ing.enabled === true)
    return section(
      'exposure',
      'ingress',
      TITLE,
      `An Ingress routes ${pick(IngressOnSchema.shape.host, ing.host, 'host')} to the ${type} Service of the gateway.`,
      [...ingressSteps(v, ing), ...serviceSteps(v, type)],
    )
  const summary =
    type === 'ClusterIP'
      ? `The gateway Service stays inside the cluster; reach it with port-forward.sh, or from other pods on port ${GATEWAY_PORT}.`
      : `The gateway Service is a ${type}, reachable from outside the cluster.`
  return section('exposure', type, TITLE, summary, serviceSteps(v, type))
}
