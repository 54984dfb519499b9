#!/usr/bin/env node
/**
 * A loopback TCP proxy that holds every chunk for a fixed time in each direction, so the peers
 * answer like servers across a network instead of on the same machine. Used by
 * checks.bench.mjs (not a benchmark itself).
 *
 * Usage: node delay-proxy.mjs <delayMs> <targetPort>...   Prints {"<targetPort>": <proxyPort>} once listening.
 */
import net from 'node:net'

const [delayArg, ...targets] = process.argv.slice(2)
const delay = Number(delayArg)
const H = '127.0.0.1'

/** Forwards src to dst after the delay; equal delays keep the chunks in order. */
const pipeLate = (src, dst) => {
  src.on('data', (chunk) => setTimeout(() => dst.writable && dst.write(chunk), delay))
  src.on('end', () => setTimeout(() => dst.end(), delay))
  src.on('error', () => dst.destroy())
  src.on('close', () => setTimeout(() => dst.destroy(), delay))
}

const map = {}
await Promise.all(
  targets.map(
    (t) =>
      new Promise((resolve) => {
        const server = net.createServer((client) => {
          // The TCP handshake crosses the "network" too: the upstream connection starts late.
          setTimeout(() => {
            const upstream = net.connect({ host: H, port: Number(t), noDelay: true })
            pipeLate(client, upstream)
            pipeLate(upstream, client)
          }, delay)
        })
        server.listen({ host: H, port: 0 }, () => {
          map[t] = server.address().port
          resolve()
        })
      }),
  ),
)
process.stdout.write(`${JSON.stringify(map)}\n`)
