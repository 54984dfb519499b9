import { connect } from 'node:net'
import { fixtures } from '@portkey-setup/schema/fixtures'
import { describe, expect, it } from 'vitest'
import { SERVER_ENTRY, spawnTs } from './test-support/spawn.js'

const TOKEN = 'server-test-token-0123456789'

describe.concurrent('server.ts', () => {
  it('refuses to start on 0.0.0.0 without API_TOKENS, says why, and exits 1', async () => {
    const p = spawnTs(SERVER_ENTRY, [], { env: { HOST: '0.0.0.0', PORT: '0' } })
    const { code } = await p.exit
    expect(code).toBe(1)
    expect(p.stderr()).toMatch(/HOST=0\.0\.0\.0 makes the API reachable from other machines/)
    expect(p.stderr()).toMatch(/Set API_TOKENS/)
    expect(p.stdout()).not.toMatch(/running at/)
  })

  it('exits 1 with a clear message for a bad setting', async () => {
    const p = spawnTs(SERVER_ENTRY, [], { env: { PORT: 'eighty', LOG_LEVEL: 'chatty' } })
    expect((await p.exit).code).toBe(1)
    expect(p.stderr()).toMatch(/PORT must be a whole number/)
    expect(p.stderr()).toMatch(/LOG_LEVEL must be one of/)
  })

  it('with tokens, serves on 0.0.0.0 and requires the bearer token on the API but not on health', async () => {
    const p = spawnTs(SERVER_ENTRY, [], { env: { HOST: '0.0.0.0', PORT: '0', API_TOKENS: TOKEN } })
    const [, port] = await p.waitFor(/running at http:\/\/0\.0\.0\.0:(\d+)/)
    const base = `http://127.0.0.1:${port}`
    try {
      expect((await fetch(`${base}/api/health`)).status).toBe(200)
      const post = (headers: Record<string, string>) =>
        fetch(`${base}/api/validate`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(fixtures.s3),
        })
      const denied = await post({})
      expect(denied.status).toBe(401)
      expect(((await denied.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED')
      expect((await post({ authorization: 'Bearer wrong-token-0000000000000' })).status).toBe(401)
      expect((await post({ authorization: `Bearer ${TOKEN}` })).status).toBe(200)
    } finally {
      p.child.kill('SIGTERM')
    }
    expect((await p.exit).code).toBe(0)
  })

  it('on SIGTERM, finishes the request in flight, refuses new connections, then exits 0', async () => {
    const p = spawnTs(SERVER_ENTRY, [], { env: { PORT: '0' } })
    const [, port] = await p.waitFor(/running at http:\/\/127\.0\.0\.1:(\d+)/)
    const body = JSON.stringify(fixtures.s3)
    const half = Math.floor(body.length / 2)

    // A request whose body is still arriving when the signal comes.
    const socket = connect(Number(port), '127.0.0.1')
    let response = ''
    socket.on('data', (d) => {
      response += d
    })
    const closed = new Promise((resolve) => socket.on('close', resolve))
    await new Promise((resolve) => socket.once('connect', resolve))
    socket.write(
      `POST /api/validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, half)}`,
    )
    await new Promise((resolve) => setTimeout(resolve, 200))

    p.child.kill('SIGTERM')
    await p.waitFor(/shutting down: waiting for in-flight requests/)
    // Still alive: it is waiting for this request.
    expect(p.child.exitCode).toBeNull()
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow()

    socket.write(body.slice(half))
    await closed
    expect(response).toMatch(/^HTTP\/1\.1 200 OK/)
    expect(response).toContain('"valid":true')
    const { code } = await p.exit
    expect(code).toBe(0)
  })
})
