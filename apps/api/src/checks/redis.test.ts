import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { configWith, ports, requirePeers, runOptions } from '../test-support/peers.js'
import { expectFailure, networkFailureCases } from '../test-support/test-cases.js'
import { closedPort } from '../test-support/test-listener.js'
import { checkTarget } from './catalog.js'
import { NetworkPolicy } from './net/policy.js'
import { parseRedisUrl, versionAtLeast } from './redis.js'

const R = ports.redis
type Store = 'custom' | 'aws-elastic-cache' | 'redis'
const cache = (url: string, o: { store?: Store; tls?: boolean; mode?: 'standalone' | 'cluster' } = {}) =>
  configWith({
    cache: {
      store: o.store ?? (o.tls ? 'aws-elastic-cache' : 'custom'),
      url,
      tls: o.tls ?? false,
      mode: o.mode ?? 'standalone',
    },
  })
const run = (c: ReturnType<typeof cache>, over = {}) => checkTarget(c, 'cache', runOptions(over))
const H = '127.0.0.1'

beforeAll(() =>
  requirePeers({
    redis: R.port,
    'redis-tls': ports.redisTls.port,
    ...Object.fromEntries(ports.redisCluster.ports.map((p, i) => [`redis-cluster-${i}`, p])),
  }),
)

describe('cache: standalone Redis (Debian redis-server)', () => {
  it('password from the URL: AUTH, PING, INFO version ≥ 6.2', async () => {
    const r = await run(cache(`redis://:${R.password}@${H}:${R.port}`))
    expect(r.status, JSON.stringify(r)).toBe('pass')
    expect(r.steps.map((s) => s.name)).toEqual(['resolve', 'connect', 'authenticate', 'version'])
    expect(r.steps.at(-1)?.detail).toMatch(/^Redis \d+\.\d+\.\d+, standalone mode$/)
  })

  it('ACL user and password from the URL', async () => {
    const r = await run(cache(`redis://${R.aclUser}:${R.aclPassword}@${H}:${R.port}`))
    expect(r.status, JSON.stringify(r)).toBe('pass')
    expect(r.steps.find((s) => s.name === 'authenticate')?.detail).toBe(`authenticated as ${R.aclUser}`)
  })

  it('wrong password: AUTH_FAILED on cache.url, nothing of the server reply echoed', async () => {
    const r = await run(cache(`redis://:not-the-password@${H}:${R.port}`))
    expectFailure(r, 'AUTH_FAILED', ['cache', 'url'])
    expect(JSON.stringify(r)).not.toContain('not-the-password')
    expect(JSON.stringify(r)).not.toMatch(/username-password pair/)
  })

  it('no password against a server that needs one: AUTH_FAILED (NOAUTH)', async () => {
    const r = await run(cache(`redis://${H}:${R.port}`))
    expectFailure(r, 'AUTH_FAILED', ['cache', 'url'])
    expect(r.error?.message).toContain('NOAUTH')
  })

  it('an ACL user without INFO rights: ACCESS_DENIED (NOPERM) at the version step', async () => {
    const r = await run(cache(`redis://${R.limitedUser}:${R.limitedPassword}@${H}:${R.port}`))
    expectFailure(r, 'ACCESS_DENIED', ['cache', 'url'])
    expect(r.steps.at(-1)?.name).toBe('version')
  })

  it('cluster mode against a standalone server: UNSUPPORTED on cache.mode', async () => {
    const r = await run(cache(`redis://:${R.password}@${H}:${R.port}`, { mode: 'cluster' }))
    expectFailure(r, 'UNSUPPORTED', ['cache', 'mode'])
  })

  it('the in-cluster redis store is skipped with the reason', async () => {
    const r = await checkTarget(configWith({}), 'cache', runOptions())
    expect(r.status).toBe('skipped')
    expect(r.kind).toBe('redis-in-cluster')
  })

  networkFailureCases('cache', (host, port) => ({ config: cache(`redis://:pw@${host}:${port}`) }), [
    'cache',
    'url',
  ])
})

describe('cache: TLS (aws-elastic-cache)', () => {
  const T = ports.redisTls
  it('rediss:// with the certificate verified for localhost', async () => {
    const r = await run(cache(`rediss://:${T.password}@localhost:${T.port}`, { tls: true }))
    expect(r.status, JSON.stringify(r)).toBe('pass')
    expect(r.steps.map((s) => s.name)).toEqual(['resolve', 'connect', 'tls', 'authenticate', 'version'])
  })

  it('your own Redis over TLS (allowed from chart 1.1.0): the same verified handshake', async () => {
    const c = cache(`rediss://:${T.password}@localhost:${T.port}`, { tls: true, store: 'custom' })
    expect(c.chart.version).toBe('1.7.7')
    const r = await run(c)
    expect(r.status, JSON.stringify(r)).toBe('pass')
    expect(r.steps.map((s) => s.name)).toEqual(['resolve', 'connect', 'tls', 'authenticate', 'version'])
  })

  it('wrong CA (test CA not trusted): TLS_FAILED', async () => {
    const r = await run(cache(`rediss://:${T.password}@localhost:${T.port}`, { tls: true }), {
      env: { extraCa: [] },
    })
    expectFailure(r, 'TLS_FAILED', ['cache', 'url'])
  })

  it('TLS against a plain port: Redis never answers the handshake, TIMEOUT in the tls step', async () => {
    const r = await run(cache(`rediss://:${R.password}@localhost:${R.port}`, { tls: true }), {
      timeoutMs: 1500,
    })
    expectFailure(r, 'TIMEOUT', ['cache', 'url'])
    expect(r.steps.at(-1)?.name).toBe('tls')
    expect(r.error?.hint).toMatch(/TLS handshake/)
  })

  it('plain against a TLS-only port: the server hangs up, CONNECTION_FAILED', async () => {
    const r = await run(cache(`redis://:${T.password}@${H}:${T.port}`))
    expectFailure(r, 'CONNECTION_FAILED', ['cache', 'url'])
  })
})

describe('cache: Redis Cluster (3 masters)', () => {
  const C = ports.redisCluster
  it('CLUSTER INFO ok, and every master reached through the network policy', async () => {
    const spy = vi.spyOn(NetworkPolicy.prototype, 'connect')
    try {
      const r = await run(cache(`redis://:${C.password}@${H}:${C.ports[0]}`, { mode: 'cluster' }))
      expect(r.status, JSON.stringify(r)).toBe('pass')
      expect(r.kind).toBe('redis-cluster')
      expect(r.steps.map((s) => s.name)).toEqual([
        'resolve',
        'connect',
        'authenticate',
        'version',
        'cluster',
        'cluster-nodes',
      ])
      const dialled = new Set(spy.mock.calls.map(([o]) => o.port))
      for (const p of C.ports) expect(dialled.has(p)).toBe(true)
    } finally {
      spy.mockRestore()
    }
  })

  it('standalone mode against a cluster node: UNSUPPORTED on cache.mode', async () => {
    const r = await run(cache(`redis://:${C.password}@${H}:${C.ports[0]}`))
    expectFailure(r, 'UNSUPPORTED', ['cache', 'mode'])
  })

  it('wrong password for the cluster: AUTH_FAILED', async () => {
    const r = await run(cache(`redis://:wrong@${H}:${C.ports[1]}`, { mode: 'cluster' }))
    expectFailure(r, 'AUTH_FAILED', ['cache', 'url'])
  })
})

describe('cache: a cluster node of our own (redis-server started by this test)', () => {
  let proc: ChildProcess | undefined
  let dir = ''
  let port = 0
  const cli = (...args: string[]) =>
    spawnSync('redis-cli', ['-h', H, '-p', String(port), ...args], { encoding: 'utf8' }).stdout.trim()

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portkey-redis-node-'))
    port = await closedPort()
    // The node announces 127.0.0.2: CLUSTER SLOTS reports that address, which the test policy refuses.
    proc = spawn(
      'redis-server',
      [
        '--bind',
        H,
        '--port',
        String(port),
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        join(dir, 'nodes.conf'),
        '--dir',
        dir,
        '--save',
        '',
        '--appendonly',
        'no',
        '--cluster-announce-ip',
        '127.0.0.2',
      ],
      { stdio: 'ignore' },
    )
    const deadline = Date.now() + 10_000
    while (cli('ping') !== 'PONG') {
      if (Date.now() > deadline)
        throw new Error('redis-server (installed by scripts/peers/up.sh) did not start')
      await new Promise((r) => setTimeout(r, 50))
    }
  })
  afterAll(() => {
    proc?.kill()
    rmSync(dir, { recursive: true, force: true })
  })

  it('a cluster without its slots assigned: UNAVAILABLE (cluster_state:fail)', async () => {
    const r = await run(cache(`redis://${H}:${port}`, { mode: 'cluster' }))
    expectFailure(r, 'UNAVAILABLE', ['cache', 'url'])
    expect(r.error?.message).toContain('cluster_state:fail')
  })

  it('a node address reported by the cluster goes through the policy: TARGET_BLOCKED', async () => {
    expect(cli('cluster', 'addslotsrange', '0', '16383')).toBe('OK')
    const deadline = Date.now() + 10_000
    while (!cli('cluster', 'info').includes('cluster_state:ok')) {
      if (Date.now() > deadline) throw new Error('cluster_state did not become ok')
      await new Promise((r) => setTimeout(r, 50))
    }
    const r = await run(cache(`redis://${H}:${port}`, { mode: 'cluster' }), {
      policy: { allowLoopback: true, denyPrivate: false, allowCidrs: [], denyCidrs: ['127.0.0.2/32'] },
    })
    expectFailure(r, 'TARGET_BLOCKED', ['cache', 'url'])
    expect(r.steps.at(-1)?.name).toBe('cluster-nodes')
    expect(r.error?.message).toContain('127.0.0.2')
  })
})

describe('redis helpers', () => {
  it('reads REDIS_URL like ioredis', () => {
    expect(parseRedisUrl('rediss://u%40x:p%3Aw@cache.example:6380/2', false)).toEqual({
      host: 'cache.example',
      port: 6380,
      username: 'u@x',
      password: 'p:w',
      db: 2,
      tls: true,
    })
    expect(parseRedisUrl('redis://redis', true)).toMatchObject({ port: 6379, tls: true, password: undefined })
  })
  it('compares versions against the minimum', () => {
    expect(versionAtLeast('6.2.0', [6, 2])).toBe(true)
    expect(versionAtLeast('7.0.15', [6, 2])).toBe(true)
    expect(versionAtLeast('6.0.16', [6, 2])).toBe(false)
    expect(versionAtLeast('5.9.9', [6, 2])).toBe(false)
  })
})
