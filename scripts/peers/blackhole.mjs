#!/usr/bin/env node
// A TCP "blackhole" for TIMEOUT tests: accepts connections on loopback and never answers
// (no bytes, no close). Usage: node blackhole.mjs <port>
import net from 'node:net'

const port = Number(process.argv[2] ?? 17999)
const sockets = new Set()
const server = net.createServer((socket) => {
  sockets.add(socket)
  socket.on('error', () => {})
  socket.on('close', () => sockets.delete(socket))
  socket.on('data', () => {}) // swallow input, never reply
})
server.listen({ host: '127.0.0.1', port }, () => {
  console.log(`blackhole listening on 127.0.0.1:${port}`)
})
const stop = () => {
  for (const s of sockets) s.destroy()
  server.close(() => process.exit(0))
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
