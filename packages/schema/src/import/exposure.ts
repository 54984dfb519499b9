import { SERVICE_TYPES } from '../config/exposure.js'
import { type ImportContext, isObject, isTrue, type Loose, own, ownArray, ownObject } from './reader.js'

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined

/** service.type, with a warning when the in-cluster Redis Service is opened up. */
const readServiceType = (ctx: ImportContext): string | undefined => {
  const service = own(ctx.root, 'service')
  const type = text(own(service, 'type'))
  // Other Service keys (annotations, labels...) are kept as written; the Redis Service type is the wizard's.
  const redisType = own(own(ctx.root, 'redis'), 'serviceType')
  if (redisType !== undefined && redisType !== 'ClusterIP')
    ctx.warn(
      ['exposure'],
      `redis.serviceType ${String(redisType)} is not carried over: the in-cluster Redis has no password, so portkey-setup keeps its Service inside the cluster.`,
    )
  if (type === undefined) {
    if (service !== undefined) return undefined
    ctx.warn(
      ['exposure', 'serviceType'],
      'service.type is not set, so the chart would make the gateway Service a NodePort; ClusterIP is chosen here: pick another type if you rely on it.',
    )
    return undefined
  }
  if ((SERVICE_TYPES as readonly string[]).includes(type)) return type
  ctx.warn(
    ['exposure', 'serviceType'],
    `service.type ${type} is not one portkey-setup sets up: choose ClusterIP, NodePort or LoadBalancer.`,
  )
  return undefined
}

const stringRecord = (ctx: ImportContext, v: unknown, path: (string | number)[]): Record<string, string> => {
  const out: Record<string, string> = {}
  if (!isObject(v)) return out
  for (const [k, x] of Object.entries(v)) {
    if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') out[k] = String(x)
    else ctx.warn(path, `The annotation ${k} is not text; it is not carried over.`)
  }
  return out
}

/** The Ingress in either layout: one host name (1.0.5 on), or the older hosts list. */
const readIngress = (ctx: ImportContext): Loose | undefined => {
  const ing = ownObject(ctx.root, 'ingress')
  if (!ing || !isTrue(own(ing, 'enabled'))) return ing ? { enabled: false } : undefined
  const base = ['exposure', 'ingress']
  const hosts = ownArray(ing, 'hosts')
  const first = hosts?.[0]
  const firstPath = ownArray(first, 'paths')?.[0]
  if ((hosts?.length ?? 0) > 1 || (ownArray(first, 'paths')?.length ?? 0) > 1)
    ctx.warn(base, 'Only the first host and path of ingress.hosts are carried over.')
  const tls = ownArray(ing, 'tls') ?? []
  if (tls.length > 1)
    ctx.warn([...base, 'tlsSecretName'], 'Only the first ingress.tls entry is carried over.')
  const host = text(own(ing, 'hostname')) ?? text(own(first, 'host'))
  if (!host) ctx.warn([...base, 'host'], 'The Ingress names no host: enter the host name clients use.')
  const hostBased = own(ing, 'hostBased')
  return {
    enabled: true,
    className: text(own(ing, 'ingressClassName')) ?? text(own(ing, 'className')),
    host,
    path: text(own(ing, 'gatewayPath')) ?? text(own(firstPath, 'path')),
    tlsSecretName: text(own(tls[0], 'secretName')),
    annotations: stringRecord(ctx, own(ing, 'annotations'), [...base, 'annotations']),
    routing: hostBased === undefined ? undefined : isTrue(hostBased) ? 'host' : 'path',
    mcpPath: text(own(ing, 'mcpPath')),
    mcpHost: text(own(ing, 'mcpHostname')),
  }
}

export const readExposure = (ctx: ImportContext): Loose | undefined => {
  const serviceType = readServiceType(ctx)
  const ingress = readIngress(ctx)
  if (serviceType === undefined && ingress === undefined) return undefined
  return { serviceType, ingress }
}
