import { randomBytes, timingSafeEqual } from 'node:crypto'
import net from 'node:net'
import { Socks5Server } from '@pondwader/socks5-server'
import ipaddr from 'ipaddr.js'
import type { NetworkPolicy } from './policy.js'
import { TargetBlockedError } from './policy.js'

/**
 * A per-check SOCKS5 gate on loopback for the MongoDB driver. The driver resolves and dials by
 * itself (including replica-set members the server reports, even as IP literals, where a lookup
 * hook would never run); pointed at this gate with its proxy options, every connection it makes
 * becomes a CONNECT request that the network policy judges and dials. TLS stays end to end: the
 * driver runs it over the tunnel with the member's own host name.
 *
 * The SOCKS5 protocol (RFC 1928, CONNECT only, with RFC 1929 user/password) is
 * @pondwader/socks5-server's: its connection handler is where we decide, after the policy has
 * resolved and judged the destination, and where we dial it ourselves. The listener is our own,
 * on loopback, so every socket of the gate can be closed when the check ends. Fresh random
 * credentials per gate keep other local processes from borrowing it during its short life.
 */
export type SocksGate = {
  host: string
  port: number
  username: string
  password: string
  /** The last failure per destination "host:port", for precise error messages. */
  failures: Map<string, unknown>
  /** Destinations that connected. */
  connected: Set<string>
  close: () => void
}

type Status =
  | 'CONNECTION_NOT_ALLOWED'
  | 'CONNECTION_REFUSED'
  | 'HOST_UNREACHABLE'
  | 'TTL_EXPIRED'
  | 'GENERAL_FAILURE'

const statusFor = (err: unknown): Status => {
  if (err instanceof TargetBlockedError) return 'CONNECTION_NOT_ALLOWED'
  const code = (err as { code?: string }).code
  if (code === 'ECONNREFUSED') return 'CONNECTION_REFUSED'
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EHOSTUNREACH') return 'HOST_UNREACHABLE'
  if (code === 'ETIMEDOUT') return 'TTL_EXPIRED'
  return 'GENERAL_FAILURE'
}

const same = (a: string | undefined, b: string) => {
  const x = Buffer.from(a ?? '')
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** The library spells IPv6 destinations out in full; the policy and our messages use the short form. */
const destHost = (address: string) => (net.isIPv6(address) ? ipaddr.parse(address).toString() : address)

export const openSocksGate = async (policy: NetworkPolicy, signal: AbortSignal): Promise<SocksGate> => {
  const username = randomBytes(12).toString('hex')
  const password = randomBytes(24).toString('hex')
  const failures = new Map<string, unknown>()
  const connected = new Set<string>()
  const sockets = new Set<net.Socket>()
  const track = (s: net.Socket) => {
    sockets.add(s)
    s.once('close', () => sockets.delete(s))
    s.on('error', () => {})
  }

  const socks = new Socks5Server()
    .setAuthHandler((c) => same(c.username, username) && same(c.password, password))
    .setConnectionHandler((c, sendStatus) => {
      const host = destHost(c.destAddress)
      const dest = `${host}:${c.destPort}`
      policy.connect({ host, port: c.destPort, tls: false, signal }).then(
        (s) => {
          const upstream = s as net.Socket
          track(upstream)
          if (c.socket.destroyed) return upstream.destroy()
          connected.add(dest)
          sendStatus('REQUEST_GRANTED')
          c.socket.pipe(upstream)
          upstream.pipe(c.socket)
          c.socket.once('close', () => upstream.destroy())
          upstream.once('close', () => c.socket.destroy())
        },
        (err: unknown) => {
          failures.set(dest, err)
          if (!c.socket.destroyed) sendStatus(statusFor(err))
        },
      )
    })

  const server = net.createServer((client) => {
    track(client)
    socks._handleConnection(client)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen({ host: '127.0.0.1', port: 0 }, () => resolve())
  })
  const address = server.address() as net.AddressInfo
  return {
    host: '127.0.0.1',
    port: address.port,
    username,
    password,
    failures,
    connected,
    close: () => {
      server.close()
      for (const s of sockets) s.destroy()
    },
  }
}
