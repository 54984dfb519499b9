import { SERVICE_TYPES } from '../config/exposure.js'
import { type ImportContext, isObject, isTrue, type Loose, own, ownArray, ownObject } from './reader.js'

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined

/** service.type and the in-cluster Redis Service, with a warning for what is not modelled. */
const readServiceType = (ctx: ImportContext): string | undefined => {
  const service = own(ctx.root, 'service')
  const type = text(own(service, 'type'))
  const extra = isObject(service)
    ? Object.entries(service)
        .filter(([k, v]) => k !== 'type' && !(k === 'port' && Number(v) === 8787) && !isEmpty(v))
        .map(([k]) => `service.${k}`)
    : []
  const redis = own(ctx.root, 'redis')
  if (isObject(redis))
    for (const [k, v] of Object.entries(redis))
      if (!(k === 'serviceType' && v === 'ClusterIP')) extra.push(`redis.${k}`)
  if (extra.length)
    ctx.warn(
      ['exposure'],
      `${extra.join(', ')} ${extra.length > 1 ? 'are' : 'is'} not carried over: portkey-setup sets the gateway Service type only and keeps the in-cluster Redis inside the cluster.`,
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

const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === '' || (isObject(v) && Object.keys(v).length === 0)

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
  if (isObject(ownObject(ing, 'labels')) && Object.keys(ownObject(ing, 'labels') ?? {}).length)
    ctx.warn(base, 'ingress.labels is not carried over.')
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
