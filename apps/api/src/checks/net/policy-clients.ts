import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import type { Duplex } from 'node:stream'
import type { AbstractConnector } from 'ioredis'
import type { Agent as UndiciAgent } from 'undici'
import type { NetworkPolicy, TlsOptions } from './policy.js'

/**
 * Adapters that make client libraries dial through the network policy: Node http(s) agents
 * (AWS SDK through @smithy/node-http-handler, Azure SDK through its pipeline), an undici
 * dispatcher (registry, ClickHouse, OTLP) and an ioredis connector. Each replaces the library's
 * own connect step, so the library never resolves a name or opens a socket by itself. (The
 * MongoDB driver has no such hook: it goes through the SOCKS gate, socks-gate.ts.)
 */

type ConnArgs = { host?: string | null; hostname?: string | null; port?: number | string | null }

const hostOf = (o: ConnArgs) => (o.hostname ?? o.host ?? '').replace(/^\[(.*)\]$/, '$1')
const portOf = (o: ConnArgs, fallback: number) => Number(o.port) || fallback

/** An agent's createConnection that dials through the policy (TLS included when tls is set). */
const policyConnection =
  (policy: NetworkPolicy, tls: false | TlsOptions, defaultPort: number, signal?: AbortSignal) =>
  (options: ConnArgs, cb?: (err: Error | null, s: Duplex) => void) => {
    policy.connect({ host: hostOf(options), port: portOf(options, defaultPort), tls, signal }).then(
      (s) => cb?.(null, s),
      (err: Error) => cb?.(err, undefined as unknown as Duplex),
    )
    return undefined
  }

export const policyHttpAgent = (policy: NetworkPolicy, signal?: AbortSignal): http.Agent => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 })
  agent.createConnection = policyConnection(policy, false, 80, signal)
  return agent
}

export const policyHttpsAgent = (
  policy: NetworkPolicy,
  tlsOpts: TlsOptions = {},
  signal?: AbortSignal,
): https.Agent => {
  const agent = new https.Agent({ keepAlive: true, maxSockets: 4 })
  agent.createConnection = policyConnection(policy, tlsOpts, 443, signal)
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

export type RedisConnectorClass = new (options: unknown) => AbstractConnector

/** An ioredis connector that dials through the policy (the seed and every cluster node). */
export const policyRedisConnector = async (
  policy: NetworkPolicy,
  signal: AbortSignal,
  tlsOn: boolean,
  seedHost: string,
): Promise<RedisConnectorClass> => {
  const { AbstractConnector } = await import('ioredis')
  return class PolicyConnector extends AbstractConnector {
    private readonly o: { host?: string; port?: number }
    // ioredis passes the connection options of the instance (the seed or a cluster node).
    constructor(options: unknown) {
      super(1000)
      this.o = (options ?? {}) as { host?: string; port?: number }
    }
    connect() {
      this.connecting = true
      const host = this.o.host ?? seedHost
      // Cluster nodes are often reported by IP while the certificate names the configured host.
      const servername = tlsOn && net.isIP(host) && !net.isIP(seedHost) ? seedHost : undefined
      return policy
        .connect({
          host,
          port: this.o.port ?? 6379,
          tls: tlsOn ? (servername ? { servername } : {}) : false,
          signal,
        })
        .then((s) => {
          this.stream = s
          s.once('error', (e) => {
            this.firstError = e
          })
          return s
        })
    }
  }
}
