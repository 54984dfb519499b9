import net from 'node:net'
import tls from 'node:tls'
import { type MockInstance, vi } from 'vitest'

/** A loopback TCP listener that counts the connections it receives (never answers). */
export const recordingListener = async () => {
  let connections = 0
  const sockets = new Set<net.Socket>()
  const server = net.createServer((s) => {
    connections++
    sockets.add(s)
    s.on('error', () => {})
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((r) => server.listen({ host: '127.0.0.1', port: 0 }, () => r()))
  const port = (server.address() as net.AddressInfo).port
  return {
    port,
    connections: () => connections,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy()
        server.close(() => r())
      }),
  }
}

/** Spies on every way Node opens a socket; the returned function lists the hosts dialled. */
export const socketSpies = () => {
  const spies: MockInstance[] = [
    vi.spyOn(net, 'connect'),
    vi.spyOn(net, 'createConnection'),
    vi.spyOn(tls, 'connect'),
  ]
  const hosts = () =>
    spies.flatMap((s) =>
      s.mock.calls.map((args) => {
        const o = args[0] as { host?: string; port?: number } | number | string
        return typeof o === 'object' && o !== null ? `${o.host ?? ''}:${o.port ?? ''}` : String(o)
      }),
    )
  return {
    hosts,
    count: () => hosts().length,
    restore: () => {
      for (const s of spies) s.mockRestore()
    },
  }
}

/** A port with nothing listening (bound, then released). */
export const closedPort = async () => {
  const server = net.createServer()
  await new Promise<void>((r) => server.listen({ host: '127.0.0.1', port: 0 }, () => r()))
  const port = (server.address() as net.AddressInfo).port
  await new Promise<void>((r) => server.close(() => r()))
  return port
}
