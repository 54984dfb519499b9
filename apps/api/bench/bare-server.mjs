// The yardstick: a bare Fastify instance with one JSON route, nothing else.
import Fastify from 'fastify'

const app = Fastify({ logger: false })
app.post('/bare', async () => ({ ok: true }))
await app.listen({ port: 0, host: '127.0.0.1' })
process.stdout.write(`listening on ${app.server.address().port}\n`)
process.on('SIGTERM', () => app.close().then(() => process.exit(0)))
