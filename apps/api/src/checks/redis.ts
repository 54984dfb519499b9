import type { DeploymentConfig } from '@portkey-setup/schema'
import type { Redis as RedisClient } from 'ioredis'
import { TargetBlockedError } from './net/policy.js'
import { CheckFailure, fail, findCause, safeToken } from './runner/failure.js'
import { type CheckContext, defineCheck } from './runner/types.js'

/** The chart's minimum Redis version. */
export const MIN_REDIS = [6, 2] as const

export type RedisTarget = {
  host: string
  port: number
  username: string | undefined
  password: string | undefined
  db: number
  tls: boolean
}

/** Reads REDIS_URL the way ioredis does (user and password percent-decoded, db from the path). */
export const parseRedisUrl = (url: string, tlsSetting: boolean): RedisTarget => {
  const u = new URL(url)
  const dec = (s: string) => {
    try {
      return decodeURIComponent(s)
    } catch {
      return s
    }
  }
  const db = Number(u.pathname.replace(/^\//, '') || '0')
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: Number(u.port) || 6379,
    username: u.username ? dec(u.username) : undefined,
    password: u.password ? dec(u.password) : undefined,
    db: Number.isInteger(db) && db >= 0 ? db : 0,
    tls: tlsSetting || u.protocol === 'rediss:',
  }
}

export const versionAtLeast = (version: string, min: readonly number[]) => {
  const parts = version.split('.').map((p) => Number.parseInt(p, 10))
  for (let i = 0; i < min.length; i++) {
    const d = (parts[i] ?? 0) - min[i]!
    if (Number.isNaN(d)) return false
    if (d !== 0) return d > 0
  }
  return true
}

/** The first word of a Redis error reply (WRONGPASS, NOAUTH, NOPERM, ERR...), never the rest. */
const replyCode = (err: unknown) => {
  const m = err instanceof Error ? /^([A-Z]+)\b/.exec(err.message) : null
  return safeToken(m?.[1])
}

const replyFailure = (err: unknown): CheckFailure | undefined => {
  const code = replyCode(err)
  const msg = err instanceof Error ? err.message : ''
  if (code === 'WRONGPASS' || /invalid (username-)?password/i.test(msg))
    return new CheckFailure(
      'AUTH_FAILED',
      `Redis refused the user name or password (${code ?? 'ERR'}).`,
      'Check the user and password in cache.url (redis://user:password@host:6379; percent-encode special characters).',
      ['cache', 'url'],
    )
  if (code === 'NOAUTH')
    return new CheckFailure(
      'AUTH_FAILED',
      'Redis requires a password and cache.url carries none (NOAUTH).',
      'Add the password to cache.url: redis://:password@host:6379 or redis://user:password@host:6379.',
      ['cache', 'url'],
    )
  if (code === 'NOPERM')
    return new CheckFailure(
      'ACCESS_DENIED',
      'The Redis user may not run the commands the gateway needs (NOPERM).',
      'Give the ACL user in cache.url access to all commands and keys the gateway uses (e.g. +@all ~*).',
      ['cache', 'url'],
    )
  if (/^Connection is closed|^Stream isn't writeable|^Failed to refresh slots cache/.test(msg))
    return new CheckFailure(
      'CONNECTION_FAILED',
      'The Redis server closed the connection before answering.',
      'Check that cache.url points at Redis (and cache.tls matches the server), and that the server accepts this client.',
      ['cache', 'url'],
    )
  if (code === 'LOADING' || code === 'BUSY' || code === 'MASTERDOWN')
    return new CheckFailure(
      'PROTOCOL_ERROR',
      `Redis is not ready to serve (${code}).`,
      'Wait until the server has finished starting, then check cache.url again.',
      ['cache', 'url'],
    )
  return undefined
}

const clientOptions = (ctx: CheckContext) => ({
  // RESP2: AUTH stays a command of its own (a timed step with its own error), on every Redis ≥ 2.
  protocol: 2 as const,
  lazyConnect: true,
  retryStrategy: () => null,
  maxRetriesPerRequest: 0,
  enableReadyCheck: false,
  enableOfflineQueue: true,
  disableClientInfo: true,
  autoResubscribe: false,
  connectTimeout: ctx.libraryTimeoutMs(),
  commandTimeout: ctx.libraryTimeoutMs(),
})

const mapped = (err: unknown): never => {
  throw replyFailure(err) ?? err
}

export const redisCheck = defineCheck<DeploymentConfig>({
  target: 'cache',
  kind: (c) => (c.cache.mode === 'cluster' ? 'redis-cluster' : 'redis'),
  endpointField: () => ['cache', 'url'],
  async run(config, ctx) {
    const t = parseRedisUrl(config.cache.url, config.cache.tls)
    const { Redis, Cluster } = await import('ioredis')
    const opened = await ctx.open({ host: t.host, port: t.port, tls: t.tls ? {} : false })
    const Connector = await opened.redisConnector({ tls: t.tls, seedHost: t.host })

    const redis: RedisClient = new Redis({ ...clientOptions(ctx), host: t.host, port: t.port, Connector })
    redis.on('error', () => {})
    ctx.defer(() => redis.disconnect())

    // Commands are pipelined (one round trip for AUTH, PING, SELECT; one for INFO and CLUSTER
    // INFO) and their replies judged in order, so a distant server costs few round trips.
    let clusterInfo: Promise<unknown> | undefined
    await ctx.step('authenticate', async () => {
      await redis.connect()
      const [auth, ping, select] = await Promise.allSettled([
        t.password === undefined
          ? Promise.resolve(undefined)
          : t.username
            ? redis.auth(t.username, t.password)
            : redis.auth(t.password),
        redis.ping(),
        t.db ? redis.select(t.db) : Promise.resolve(undefined),
      ])
      let detail = 'no password configured; the server allows it'
      if (t.password !== undefined) {
        if (auth.status === 'fulfilled')
          detail = t.username ? `authenticated as ${t.username}` : 'password accepted'
        else {
          const msg = auth.reason instanceof Error ? auth.reason.message : ''
          // The gateway sends the password anyway; a server without one accepts the connection.
          if (/no password is set|without any password configured/i.test(msg))
            detail = 'the server has no password; the one in cache.url is ignored'
          else mapped(auth.reason)
        }
      }
      if (ping.status === 'rejected') mapped(ping.reason)
      if (select.status === 'rejected') mapped(select.reason)
      return detail
    })

    const info = await ctx.step(
      'version',
      async () => {
        const pending = redis.info('server')
        if (config.cache.mode === 'cluster') {
          clusterInfo = redis.cluster('INFO')
          clusterInfo.catch(() => {})
        }
        const text = await pending.catch(mapped)
        const field = (k: string) => new RegExp(`^${k}:([^\\r\\n]*)`, 'm').exec(text)?.[1]?.trim()
        const version = field('redis_version') ?? ''
        const mode = field('redis_mode')
        if (!/^\d+\.\d+(\.\d+)?$/.test(version))
          fail(
            'UNSUPPORTED',
            'The server did not report a Redis version.',
            'Point cache.url at Redis 6.2 or later (or a compatible server that reports redis_version).',
            ['cache', 'url'],
          )
        if (!versionAtLeast(version, MIN_REDIS))
          fail(
            'UNSUPPORTED',
            `Redis ${version} is older than ${MIN_REDIS.join('.')}, the chart's minimum.`,
            'Upgrade the server behind cache.url to Redis 6.2 or later.',
            ['cache', 'url'],
          )
        return { version, mode }
      },
      { detail: (i) => `Redis ${i.version}${i.mode ? `, ${i.mode} mode` : ''}` },
    )

    if (config.cache.mode !== 'cluster') {
      if (info.mode === 'cluster')
        fail(
          'UNSUPPORTED',
          'The server runs as part of a Redis Cluster, but cache.mode is standalone.',
          'Set cache.mode to cluster.',
          ['cache', 'mode'],
        )
      return
    }

    await ctx.step('cluster', async () => {
      let text: string
      try {
        text = (await (clusterInfo ?? redis.cluster('INFO'))) as string
      } catch (err) {
        if (/cluster support disabled/i.test(err instanceof Error ? err.message : ''))
          fail(
            'UNSUPPORTED',
            'The server is not a Redis Cluster node, but cache.mode is cluster.',
            'Set cache.mode to standalone, or point cache.url at the cluster configuration endpoint.',
            ['cache', 'mode'],
          )
        return mapped(err)
      }
      const state = /^cluster_state:(\w+)/m.exec(text)?.[1]
      if (state !== 'ok')
        fail(
          'UNAVAILABLE',
          `The cluster reports cluster_state:${safeToken(state) ?? 'unknown'}: some hash slots are not served.`,
          'Fix the cluster (all slots assigned, masters reachable) before installing; cache.url itself may be fine.',
          ['cache', 'url'],
        )
      return 'cluster_state:ok'
    })

    await ctx.step('cluster-nodes', async () => {
      const cluster = new Cluster([{ host: t.host, port: t.port }], {
        lazyConnect: true,
        // Every master answers PING below; a separate ready check would only add round trips.
        enableReadyCheck: false,
        clusterRetryStrategy: () => null,
        maxRedirections: 3,
        slotsRefreshTimeout: ctx.libraryTimeoutMs(),
        // Names stay names: the connector resolves them through the policy.
        dnsLookup: (address, cb) => cb(null, address),
        redisOptions: {
          ...clientOptions(ctx),
          Connector,
          ...(t.username ? { username: t.username } : {}),
          ...(t.password !== undefined ? { password: t.password } : {}),
        },
      })
      // A node the policy refuses surfaces only as a "node error"; report that, not the symptom.
      let blocked: ((err: unknown) => void) | undefined
      const nodeBlocked = new Promise<never>((_, reject) => {
        blocked = reject
      })
      nodeBlocked.catch(() => {})
      cluster.on('error', () => {})
      cluster.on('node error', (err: unknown) => {
        if (findCause(err, (e): e is TargetBlockedError => e instanceof TargetBlockedError)) blocked?.(err)
      })
      ctx.defer(() => cluster.disconnect())
      await Promise.race([cluster.connect(), nodeBlocked]).catch(mapped)
      const masters = cluster.nodes('master')
      await Promise.race([Promise.all(masters.map((n) => n.ping())), nodeBlocked]).catch(mapped)
      return `${masters.length} master node${masters.length === 1 ? '' : 's'} answered through the policy`
    })
  },
})
