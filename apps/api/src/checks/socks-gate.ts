import { randomBytes, timingSafeEqual } from 'node:crypto'
import net from 'node:net'
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
 * RFC 1928 (CONNECT only) with RFC 1929 user/password, fresh random credentials per gate, so no
 * other local process can borrow it during its short life.
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

const REPLY = {
  ok: 0,
  general: 1,
  notAllowed: 2,
  hostUnreachable: 4,
  refused: 5,
  ttl: 6,
  badCommand: 7,
  badAddress: 8,
}

const replyFor = (err: unknown) => {
  if (err instanceof TargetBlockedError) return REPLY.notAllowed
  const code = (err as { code?: string }).code
  if (code === 'ECONNREFUSED') return REPLY.refused
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EHOSTUNREACH') return REPLY.hostUnreachable
  if (code === 'ETIMEDOUT') return REPLY.ttl
  return REPLY.general
}

/** Reads exact byte counts from a socket during the handshake. */
const byteReader = (sock: net.Socket) => {
  let buf = Buffer.alloc(0)
  let wake: (() => void) | undefined
  let ended = false
  const onData = (d: Buffer) => {
    buf = Buffer.concat([buf, d])
    wake?.()
  }
  const onEnd = () => {
    ended = true
    wake?.()
  }
  sock.on('data', onData)
  sock.once('close', onEnd)
  sock.once('end', onEnd)
  return {
    read: async (n: number): Promise<Buffer> => {
      while (buf.length < n) {
        if (ended) throw new Error('socks client went away')
        await new Promise<void>((r) => {
          wake = r
        })
        wake = undefined
      }
      const out = buf.subarray(0, n)
      buf = buf.subarray(n)
      return out
    },
    /** Stops reading and returns what arrived beyond the handshake. */
    release: () => {
      sock.pause()
      sock.off('data', onData)
      return buf
    },
  }
}

const same = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b)

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

  const handle = async (client: net.Socket) => {
    track(client)
    const r = byteReader(client)
    const [ver, nMethods] = await r.read(2)
    if (ver !== 5) return client.destroy()
    const methods = await r.read(nMethods!)
    if (!methods.includes(2)) {
      client.end(Buffer.from([5, 0xff]))
      return
    }
    client.write(Buffer.from([5, 2]))
    const [authVer, ulen] = await r.read(2)
    const user = await r.read(ulen!)
    const [plen] = await r.read(1)
    const pass = await r.read(plen!)
    if (authVer !== 1 || !same(user, Buffer.from(username)) || !same(pass, Buffer.from(password))) {
      client.end(Buffer.from([1, 1]))
      return
    }
    client.write(Buffer.from([1, 0]))
    const [v, cmd, , atyp] = await r.read(4)
    const reply = (code: number) => Buffer.from([5, code, 0, 1, 0, 0, 0, 0, 0, 0])
    let host: string
    if (atyp === 1) host = [...(await r.read(4))].join('.')
    else if (atyp === 3) host = (await r.read((await r.read(1))[0]!)).toString('utf8')
    else if (atyp === 4) {
      host = ipaddr.fromByteArray([...(await r.read(16))]).toString()
    } else {
      client.end(reply(REPLY.badAddress))
      return
    }
    const port = (await r.read(2)).readUInt16BE(0)
    if (v !== 5 || cmd !== 1) {
      client.end(reply(REPLY.badCommand))
      return
    }
    const dest = `${host}:${port}`
    let upstream: net.Socket
    try {
      upstream = (await policy.connect({ host, port, tls: false, signal })) as net.Socket
    } catch (err) {
      failures.set(dest, err)
      client.end(reply(replyFor(err)))
      return
    }
    connected.add(dest)
    track(upstream)
    client.write(reply(REPLY.ok))
    const rest = r.release()
    if (rest.length) upstream.write(rest)
    client.pipe(upstream)
    upstream.pipe(client)
    client.once('close', () => upstream.destroy())
    upstream.once('close', () => client.destroy())
  }

  const server = net.createServer((client) => {
    handle(client).catch(() => client.destroy())
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
