import { type KObject, labelsMatch, podTemplates } from './objects.js'

/** What the config asks of the gateway's exposure and images, for the readings below. */
export type ExposureWorld = {
  /** The type the gateway Service must have. */
  gatewayServiceType: string
  /** When an Ingress is asked for: its host, path and TLS Secret. */
  ingress?: { host: string; path: string; tlsSecretName?: string }
  /** Container name -> the image and pull policy it must run (gateway, dataservice, redis). */
  images: Record<string, { image: string; pullPolicy?: string }>
}

type Finding = { object: string; problem: string }
type ServicePort = { name?: string; port: number }
type Backend = { service?: { name?: string; port?: { number?: number; name?: string } } }
type IngressSpec = {
  rules?: { host?: string; http?: { paths?: { path?: string; backend?: Backend }[] } }[]
  tls?: { hosts?: string[]; secretName?: string }[]
}

/** True when the Service selects a pod with a container named gateway. */
export const isGatewayService = (manifests: KObject[], s: KObject) => {
  const selector = (s.spec as { selector?: Record<string, string> }).selector
  return podTemplates(manifests).some(
    (p) => labelsMatch(selector, p.labels) && (p.spec.containers ?? []).some((c) => c.name === 'gateway'),
  )
}

/**
 * Every Ingress backend names a Service that exists and a port that Service has (a typo or a port
 * the Service does not list routes nothing); the gateway Ingress carries the host, path and TLS
 * Secret asked for; the gateway Service has the type asked for.
 */
export const readExposure = (manifests: KObject[], x: ExposureWorld, out: Finding[]) => {
  const services = manifests.filter((o) => o.kind === 'Service')
  const ingresses = manifests.filter((o) => o.kind === 'Ingress')
  for (const ing of ingresses) {
    const where = `Ingress ${ing.metadata.name}`
    const spec = (ing.spec ?? {}) as IngressSpec
    for (const rule of spec.rules ?? [])
      for (const p of rule.http?.paths ?? []) {
        const b = p.backend?.service
        const svc = services.find((s) => s.metadata.name === b?.name)
        if (!svc) {
          out.push({
            object: where,
            problem: `routes ${p.path} to Service ${b?.name}, which nothing creates`,
          })
          continue
        }
        const ports = ((svc.spec as { ports?: ServicePort[] }).ports ?? []).map((sp) => sp)
        const has = ports.some(
          (sp) =>
            (b?.port?.number !== undefined && sp.port === b.port.number) ||
            (b?.port?.name && sp.name === b.port.name),
        )
        if (!has)
          out.push({
            object: where,
            problem: `routes ${p.path} to port ${b?.port?.number ?? b?.port?.name} of Service ${b?.name}, which has only ${ports.map((sp) => sp.port).join(', ') || 'no ports'}`,
          })
      }
  }
  if (x.ingress) {
    const want = x.ingress
    const routed = ingresses.some((ing) =>
      ((ing.spec ?? {}) as IngressSpec).rules?.some(
        (r) => r.host === want.host && r.http?.paths?.some((p) => p.path === want.path),
      ),
    )
    if (!routed) out.push({ object: 'Ingress', problem: `no Ingress routes ${want.host}${want.path}` })
    const tls = ingresses.flatMap((ing) => ((ing.spec ?? {}) as IngressSpec).tls ?? [])
    if (
      want.tlsSecretName &&
      !tls.some((t) => t.secretName === want.tlsSecretName && t.hosts?.includes(want.host))
    )
      out.push({
        object: 'Ingress',
        problem: `TLS for ${want.host} does not use Secret ${want.tlsSecretName}`,
      })
    if (!want.tlsSecretName && tls.length)
      out.push({ object: 'Ingress', problem: 'has TLS, which was not asked for' })
  } else if (ingresses.length)
    out.push({ object: 'Ingress', problem: 'an Ingress is rendered but none was asked for' })
  for (const s of services.filter((o) => isGatewayService(manifests, o))) {
    const type = (s.spec as { type?: string }).type ?? 'ClusterIP'
    if (type !== x.gatewayServiceType)
      out.push({
        object: `Service ${s.metadata.name}`,
        problem: `is ${type}, expected ${x.gatewayServiceType}`,
      })
  }
  for (const p of podTemplates(manifests))
    for (const c of p.spec.containers ?? []) {
      const want = x.images[c.name]
      if (!want) continue
      if (c.image !== want.image)
        out.push({
          object: `${p.kind} ${p.name}`,
          problem: `container ${c.name} runs ${c.image}, expected ${want.image}`,
        })
      if (want.pullPolicy && c.imagePullPolicy !== want.pullPolicy)
        out.push({
          object: `${p.kind} ${p.name}`,
          problem: `container ${c.name} pulls ${c.imagePullPolicy ?? '(kubelet default)'}, expected ${want.pullPolicy}`,
        })
    }
}
