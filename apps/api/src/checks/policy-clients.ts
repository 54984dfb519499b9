import http from 'node:http'
import https from 'node:https'
import type { Duplex } from 'node:stream'
import type { Agent as UndiciAgent } from 'undici'
import type { NetworkPolicy, TlsOptions } from './policy.js'

/**
 * Adapters that make client libraries dial through the network policy: Node http(s) agents
 * (AWS SDK through @smithy/node-http-handler, Azure SDK through its pipeline) and an undici
 * dispatcher (registry, ClickHouse, OTLP). Each replaces the library's own connect step, so
 * the library never resolves a name or opens a socket by itself.
 */

type ConnArgs = { host?: string | null; hostname?: string | null; port?: number | string | null }

const hostOf = (o: ConnArgs) => (o.hostname ?? o.host ?? '').replace(/^\[(.*)\]$/, '$1')
const portOf = (o: ConnArgs, fallback: number) => Number(o.port) || fallback

export const policyHttpAgent = (policy: NetworkPolicy, signal?: AbortSignal): http.Agent => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 })
  agent.createConnection = (options: ConnArgs, cb?: (err: Error | null, s: Duplex) => void) => {
    policy.connect({ host: hostOf(options), port: portOf(options, 80), tls: false, signal }).then(
      (s) => cb?.(null, s),
      (err: Error) => cb?.(err, undefined as unknown as Duplex),
    )
    return undefined
  }
  return agent
}

export const policyHttpsAgent = (
  policy: NetworkPolicy,
  tlsOpts: TlsOptions = {},
  signal?: AbortSignal,
): https.Agent => {
  const agent = new https.Agent({ keepAlive: true, maxSockets: 4 })
  agent.createConnection = (options: ConnArgs, cb?: (err: Error | null, s: Duplex) => void) => {
    policy.connect({ host: hostOf(options), port: portOf(options, 443), tls: tlsOpts, signal }).then(
      (s) => cb?.(null, s),
      (err: Error) => cb?.(err, undefined as unknown as Duplex),
    )
    return undefined
  }
  return agent
}

/** An undici Agent whose every connection goes through the policy; undici follows no redirects. */
export const policyDispatcher = async (
  policy: NetworkPolicy,
  tlsOpts: TlsOptions = {},
  signal?: AbortSignal,
): Promise<UndiciAgent> => {
  const { Agent } = await import('undici')
  return new Agent({
    connections: 4,
    connect: (opts, cb) => {
      const secure = opts.protocol === 'https:'
      policy
        .connect({
          host: hostOf(opts),
          port: portOf(opts, secure ? 443 : 80),
          tls: secure ? { alpn: ['http/1.1'], ...tlsOpts } : false,
          signal,
        })
        .then(
          (s) => cb(null, s),
          (err: Error) => cb(err, null),
        )
    },
  })
}
