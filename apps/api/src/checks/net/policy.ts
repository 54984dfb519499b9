import dns from 'node:dns'
import net from 'node:net'
import tls from 'node:tls'
import {
  type Address,
  addressJudge,
  isRefusedName,
  normalizeHost,
  type PolicySettings,
  parseAddressLiteral,
} from './address-rules.js'

export type { PolicySettings } from './address-rules.js'

/** The host (or one of its addresses) is not allowed by the network policy. */
export class TargetBlockedError extends Error {
  override name = 'TargetBlockedError'
  readonly code = 'TARGET_BLOCKED'
  constructor(
    readonly host: string,
    readonly reason: string,
  ) {
    super(`connection to ${host} refused by the network policy: ${reason}`)
  }
}

export type CheckedAddress = { address: string; family: 4 | 6 }

export type LookupFn = (host: string) => Promise<CheckedAddress[]>

const systemLookup: LookupFn = async (host) => {
  const all = await dns.promises.lookup(host, { all: true, verbatim: true })
  return all.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }))
}

export type TlsOptions = {
  /** Replaces the trust store (the Mongo CA from the config); otherwise system roots + extra CAs. */
  ca?: string | string[]
  /** ALPN protocols to offer. */
  alpn?: string[]
  /** Verify the certificate for this name instead of the dialled host (cluster nodes reported by IP). */
  servername?: string
}

export type ConnectOptions = {
  host: string
  port: number
  tls?: TlsOptions | false
  signal?: AbortSignal
}

type Socket = net.Socket | tls.TLSSocket

const abortError = (signal: AbortSignal) =>
  signal.reason instanceof Error ? signal.reason : new Error('aborted')

/** Resolves when the socket connects; destroys it on error or abort. */
const settle = (socket: Socket, event: 'connect' | 'secureConnect', signal?: AbortSignal): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const cleanup = () => {
      socket.off(event, onOk)
      socket.off('error', onErr)
      signal?.removeEventListener('abort', onAbort)
    }
    const onOk = () => {
      cleanup()
      resolve(socket)
    }
    const onErr = (err: Error) => {
      cleanup()
      socket.destroy()
      reject(err)
    }
    const onAbort = () => onErr(abortError(signal!))
    socket.once(event, onOk)
    socket.once('error', onErr)
    if (signal?.aborted) onAbort()
    else signal?.addEventListener('abort', onAbort, { once: true })
  })

/** Errors after which the next address of the same host is worth a try. */
const TRY_NEXT = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'EAFNOSUPPORT'])

/**
 * One network policy per check run: every host is resolved once (cached for the run), every
 * address is judged, and only a judged address is dialled. TLS verifies the certificate against
 * the host name the user wrote, and sends it as SNI.
 */
export class NetworkPolicy {
  private readonly judge: ReturnType<typeof addressJudge>
  private readonly cache = new Map<string, Promise<CheckedAddress[]>>()
  private readonly parked = new Map<string, Socket>()
  /** Every socket this policy opened, so a check's end (or timeout) can close them all. */
  private readonly sockets = new Set<Socket>()
  readonly extraCa: string[]

  constructor(
    readonly settings: PolicySettings,
    private readonly lookupFn: LookupFn = systemLookup,
    extraCa: string[] = [],
  ) {
    this.judge = addressJudge(settings)
    this.extraCa = extraCa
  }

  /** Judges a host without DNS when it is a literal or a refused name; throws TargetBlockedError. */
  precheck(host: string): Address | undefined {
    const h = normalizeHost(host)
    if (!h) throw new TargetBlockedError(host, 'the host is empty')
    if (h.includes('%'))
      throw new TargetBlockedError(host, 'scoped IPv6 addresses (with %zone) are not accepted')
    if (isRefusedName(h)) throw new TargetBlockedError(host, `${h} is a cloud metadata service`)
    const literal = parseAddressLiteral(h)
    if (literal) {
      const v = this.judge(literal)
      if (!v.allowed) throw new TargetBlockedError(host, v.reason)
    }
    return literal
  }

  /** The judged addresses of a host, resolved once per policy; all must pass or none is used. */
  resolve(host: string, signal?: AbortSignal): Promise<CheckedAddress[]> {
    const key = normalizeHost(host)
    let p = this.cache.get(key)
    if (!p) {
      p = this.doResolve(host)
      this.cache.set(key, p)
      p.catch(() => {})
    }
    if (!signal) return p
    if (signal.aborted) return Promise.reject(abortError(signal))
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(abortError(signal))
      signal.addEventListener('abort', onAbort, { once: true })
      p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
    })
  }

  private async doResolve(host: string): Promise<CheckedAddress[]> {
    const literal = this.precheck(host)
    if (literal) return [{ address: literal.toString(), family: literal.kind() === 'ipv6' ? 6 : 4 }]
    const found = await this.lookupFn(normalizeHost(host))
    if (found.length === 0) throw Object.assign(new Error(`no address for ${host}`), { code: 'ENOTFOUND' })
    for (const a of found) {
      const parsed = parseAddressLiteral(a.address)
      if (!parsed) throw new TargetBlockedError(host, `the resolver returned an unreadable address`)
      const v = this.judge(parsed)
      // One refused answer refuses the host: a name must not mix allowed and refused addresses.
      if (!v.allowed) throw new TargetBlockedError(host, `${normalizeHost(host)} resolves to ${v.reason}`)
    }
    return found
  }

  /** TCP to a judged address of the host, trying the next address when one refuses. */
  async connectTcp(host: string, port: number, signal?: AbortSignal): Promise<net.Socket> {
    const addrs = await this.resolve(host, signal)
    let last: unknown
    for (const a of addrs) {
      // Small request/answer exchanges: no Nagle delay between a request's head and body.
      const socket = net.connect({ host: a.address, port, family: a.family, noDelay: true })
      this.track(socket)
      try {
        return (await settle(socket, 'connect', signal)) as net.Socket
      } catch (err) {
        last = err
        const code = (err as { code?: string }).code
        if (!code || !TRY_NEXT.has(code)) throw err
      }
    }
    throw last
  }

  /** Upgrades a connected socket to TLS, verifying the certificate for the host the user named. */
  async startTls(socket: net.Socket, host: string, opts: TlsOptions = {}, signal?: AbortSignal) {
    const name = normalizeHost(opts.servername ?? host)
    const literal = net.isIP(name) !== 0
    const ca = opts.ca ?? (this.extraCa.length ? [...tls.rootCertificates, ...this.extraCa] : undefined)
    const secure = tls.connect({
      socket,
      ...(literal ? {} : { servername: name }),
      ...(ca ? { ca } : {}),
      ...(opts.alpn ? { ALPNProtocols: opts.alpn } : {}),
      rejectUnauthorized: true,
      checkServerIdentity: (_h, cert) => tls.checkServerIdentity(name, cert),
    })
    this.track(secure)
    return (await settle(secure, 'secureConnect', signal)) as tls.TLSSocket
  }

  /** TCP, then TLS when asked; a socket parked for this host and port is handed out first. */
  async connect(o: ConnectOptions): Promise<Socket> {
    const key = parkKey(o.host, o.port, !!o.tls)
    const parked = this.parked.get(key)
    if (parked) {
      this.parked.delete(key)
      if (!parked.destroyed && parked.writable) return parked
    }
    const socket = await this.connectTcp(o.host, o.port, o.signal)
    if (!o.tls) return socket
    return this.startTls(socket, o.host, o.tls, o.signal)
  }

  /**
   * Keeps a socket the check opened in its own timed steps, so the client library's first
   * connection to that host reuses it instead of dialling again.
   */
  park(host: string, port: number, tlsOn: boolean, socket: Socket) {
    this.parked.get(parkKey(host, port, tlsOn))?.destroy()
    this.parked.set(parkKey(host, port, tlsOn), socket)
  }

  /** A dns.lookup-compatible function that answers only with judged addresses. */
  readonly lookup = (
    hostname: string,
    options: dns.LookupOptions | number | ((...a: unknown[]) => void),
    callback?: (...a: unknown[]) => void,
  ) => {
    const cb = (typeof options === 'function' ? options : callback) as (
      err: Error | null,
      address?: string | dns.LookupAddress[],
      family?: number,
    ) => void
    const all = typeof options === 'object' && options !== null && options.all === true
    this.resolve(hostname).then(
      (addrs) => (all ? cb(null, addrs) : cb(null, addrs[0]!.address, addrs[0]!.family)),
      (err: Error) => cb(err),
    )
  }

  private track(socket: Socket) {
    this.sockets.add(socket)
    socket.once('close', () => this.sockets.delete(socket))
  }

  /** Closes every socket this policy opened (the check is over). */
  destroyAll() {
    for (const s of this.parked.values()) s.destroy()
    this.parked.clear()
    for (const s of this.sockets) s.destroy()
    this.sockets.clear()
  }
}

const parkKey = (host: string, port: number, tlsOn: boolean) =>
  `${normalizeHost(host)}|${port}|${tlsOn ? 'tls' : 'tcp'}`

export const createNetworkPolicy = (
  settings: PolicySettings,
  opts: { lookup?: LookupFn; extraCa?: string[] } = {},
) => new NetworkPolicy(settings, opts.lookup, opts.extraCa)
