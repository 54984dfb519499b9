import type http from 'node:http'
import type https from 'node:https'
import type tls from 'node:tls'
import { normalizeHost } from '../net/address-rules.js'
import type { TlsOptions } from '../net/policy.js'
import {
  policyDispatcher,
  policyHttpAgent,
  policyHttpsAgent,
  policyRedisConnector,
} from '../net/policy-clients.js'
import { openSocksGate } from '../net/socks-gate.js'
import type { CheckContext, OpenedTargets, OpenOptions, OpenTarget } from './types.js'

/** The target of a URL: its host, its port (or the scheme's), TLS for https. */
export const urlTarget = (url: string | URL, tlsOpts: TlsOptions = {}): OpenTarget => {
  const u = typeof url === 'string' ? new URL(url) : url
  const secure = u.protocol === 'https:'
  return {
    host: u.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: Number(u.port) || (secure ? 443 : 80),
    tls: secure ? tlsOpts : false,
  }
}

/**
 * What a resolve step found for one host: "name → addresses", or only the address when the host
 * already was one (there was nothing to look up, and "127.0.0.1: 127.0.0.1" reads like a mistake).
 */
export const resolvedDetail = (host: string, addresses: readonly string[]): string =>
  addresses.length === 1 && addresses[0]!.toLowerCase() === normalizeHost(host)
    ? addresses[0]!
    : `${host} → ${addresses.join(', ')}`

const distinct = <T>(items: readonly T[], key: (t: T) => string) => [
  ...new Map(items.map((t) => [key(t), t])).values(),
]

type Deps = Pick<CheckContext, 'policy' | 'signal' | 'step' | 'defer'>

/**
 * ctx.open: the same first steps for every check. `resolve` judges every host by the policy
 * (all of them, in parallel, before anything is dialled); `connect` and `tls` open each distinct
 * target, and the sockets are parked for the client library's first request to each.
 */
export const openTargets = async (
  ctx: Deps,
  given: OpenTarget | readonly OpenTarget[] | (() => Promise<readonly OpenTarget[]>),
  opts: OpenOptions = {},
): Promise<OpenedTargets> => {
  const { policy, signal } = ctx
  let targets: OpenTarget[] = []
  let hosts: string[] = []
  await ctx.step(
    'resolve',
    async () => {
      const list = typeof given === 'function' ? await given() : Array.isArray(given) ? given : [given]
      targets = distinct(
        list as OpenTarget[],
        (t) => `${normalizeHost(t.host)}|${t.port}|${t.tls ? 'tls' : 'tcp'}`,
      )
      hosts = distinct(
        targets.map((t) => t.host),
        normalizeHost,
      )
      return Promise.all(hosts.map((h) => policy.resolve(h, signal)))
    },
    {
      detail: (all) =>
        all
          .map((a, i) =>
            resolvedDetail(
              hosts[i]!,
              a.map((x) => x.address),
            ),
          )
          .join('; '),
    },
  )

  if (!opts.resolveOnly) {
    const sockets = await ctx.step(
      'connect',
      () => Promise.all(targets.map((t) => policy.connectTcp(t.host, t.port, signal))),
      { detail: (s) => s.map((x) => `${x.remoteAddress}:${x.remotePort}`).join(', ') },
    )
    const secure = targets.flatMap((t, i) => (t.tls ? [{ t, tlsOpts: t.tls, s: sockets[i]! }] : []))
    targets.forEach((t, i) => {
      if (!t.tls) policy.park(t.host, t.port, false, sockets[i]!)
    })
    if (secure.length) {
      const tlsSockets: tls.TLSSocket[] = await ctx.step(
        'tls',
        () => Promise.all(secure.map((x) => policy.startTls(x.s, x.t.host, x.tlsOpts, signal))),
        {
          detail: (s) =>
            `${[...new Set(s.map((x) => x.getProtocol() ?? 'TLS'))].join('/')}, certificate valid for ${secure.map((x) => x.t.host).join(', ')}`,
        },
      )
      secure.forEach((x, i) => {
        policy.park(x.t.host, x.t.port, true, tlsSockets[i]!)
      })
    }
  }

  const once = <T>(make: () => T) => {
    let made: T | undefined
    return () => {
      made ??= make()
      return made
    }
  }
  const agents = once(() => {
    const pair: { http: http.Agent; https: https.Agent } = {
      http: policyHttpAgent(policy, signal),
      https: policyHttpsAgent(policy, {}, signal),
    }
    ctx.defer(() => {
      pair.http.destroy()
      pair.https.destroy()
    })
    return pair
  })
  const dispatcher = once(async () => {
    const d = await policyDispatcher(policy, {}, signal)
    ctx.defer(() => d.destroy())
    return d
  })
  const socksGate = once(async () => {
    const gate = await openSocksGate(policy, signal)
    ctx.defer(() => gate.close())
    return gate
  })
  return {
    targets,
    agents,
    dispatcher,
    socksGate,
    redisConnector: (o) => policyRedisConnector(policy, signal, o.tls, o.seedHost),
  }
}
