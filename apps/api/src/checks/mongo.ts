import dns from 'node:dns'
import tls from 'node:tls'
import type { DeploymentConfig, LogStore } from '@portkey-setup/schema'
import type { MongoClient } from 'mongodb'
import { parseMongoUrl, refuseUnsafeOptions, tlsRequested } from './mongo-url.js'
import type { SocksGate } from './net/socks-gate.js'
import { networkFailure } from './runner/classify.js'
import { CheckFailure, errorTag, fail } from './runner/failure.js'
import { type CheckContext, defineCheck } from './runner/types.js'

type Mongo = Extract<LogStore, { type: 'mongo' }>
type Cfg = DeploymentConfig & { logStore: Mongo }

const URL_FIELD = ['logStore', 'connectionUrl']
const CA_HINT =
  "Upload the CA that signed the server's certificate under logStore.tlsCa (for DocumentDB: the global-bundle.pem from AWS)."

type MongoErr = { name?: string; code?: unknown; codeName?: unknown; errorLabels?: unknown }

/** Auth and permission codes of the server (error_codes.yml). */
const AUTH_CODES = new Set([18, 11]) // AuthenticationFailed, UserNotFound
const DENIED_CODES = new Set([13, 8000]) // Unauthorized, Atlas AtlasError (no permission)

/** The driver only says "proxy rejected"; the gate knows what really happened at each member. */
const gateCause = (gate: SocksGate | undefined) => {
  if (!gate) return undefined
  for (const err of gate.failures.values()) return err
  return undefined
}

const mongoFailure = (err: unknown, gate: SocksGate | undefined): CheckFailure => {
  const fromGate = networkFailure(gateCause(gate), URL_FIELD, CA_HINT)
  if (fromGate && gate && gate.connected.size === 0) return fromGate
  const net = networkFailure(err, URL_FIELD, CA_HINT)
  if (net) return net
  const e = (err ?? {}) as MongoErr
  const code = typeof e.code === 'number' ? e.code : undefined
  const tag = errorTag(e.name, e.codeName, code)
  if ((code !== undefined && AUTH_CODES.has(code)) || e.codeName === 'AuthenticationFailed')
    return new CheckFailure(
      'AUTH_FAILED',
      `The server refused the user name or password${tag}.`,
      'Check the user, password and authSource in logStore.connectionUrl (percent-encode special characters in the password).',
      URL_FIELD,
    )
  if (code !== undefined && DENIED_CODES.has(code))
    return new CheckFailure(
      'ACCESS_DENIED',
      `The user may not write to the log database${tag}.`,
      'Grant the user in logStore.connectionUrl readWrite on logStore.database.',
      ['logStore', 'database'],
    )
  if (e.name === 'MongoParseError' || e.name === 'MongoInvalidArgumentError' || e.name === 'MongoAPIError')
    return new CheckFailure(
      'UNSUPPORTED',
      `The driver could not use the connection URL${tag}.`,
      'Check the options in logStore.connectionUrl against the MongoDB connection string reference.',
      URL_FIELD,
    )
  if (
    e.name === 'MongoServerSelectionError' ||
    e.name === 'MongoNetworkError' ||
    e.name === 'MongoNetworkTimeoutError'
  )
    return new CheckFailure(
      'CONNECTION_FAILED',
      `No usable server was found for the connection URL${tag}.`,
      'Check the hosts, replicaSet and tls options in logStore.connectionUrl, and that the servers are reachable from here.',
      URL_FIELD,
    )
  if (
    e.name === 'MongoServerError' ||
    e.name === 'MongoWriteConcernError' ||
    e.name === 'MongoBulkWriteError'
  )
    return new CheckFailure(
      'PROTOCOL_ERROR',
      `The server refused the operation${tag}.`,
      'Check logStore.database and the collection names, and the server logs.',
      ['logStore', 'database'],
    )
  throw err
}

/** SRV records of a mongodb+srv host, each target then judged by the policy like any host. */
const srvTargets = async (host: string) => {
  const records = await dns.promises.resolveSrv(`_mongodb._tcp.${host}`)
  return records.map((r) => ({ host: r.name, port: r.port }))
}

/** Rejects as soon as every seed has failed its first heartbeat, instead of waiting out selection. */
const allSeedsFailed = (client: MongoClient, seeds: number) =>
  new Promise<never>((_, reject) => {
    const failed = new Map<string, unknown>()
    client.on('serverHeartbeatFailed', (ev) => {
      failed.set(ev.connectionId, ev.failure)
      if (failed.size >= seeds) reject(ev.failure)
    })
  })

export const mongoCheck = defineCheck<Cfg>({
  target: 'logStore',
  kind: () => 'mongo',
  endpointField: () => URL_FIELD,
  async run(config, ctx: CheckContext) {
    const ls = config.logStore
    const url = await ctx.step(
      'parse',
      () => {
        const u = parseMongoUrl(ls.connectionUrl)
        refuseUnsafeOptions(u)
        return u
      },
      {
        detail: (u) =>
          `${u.srv ? 'mongodb+srv' : 'mongodb'}, ${u.hosts.length} host(s), TLS ${tlsRequested(u) ? 'on' : 'off'}`,
      },
    )

    // The driver dials by itself (through the gate), TLS included: only resolve here.
    const opened = await ctx.open(
      async () =>
        (url.srv ? await srvTargets(url.hosts[0]!.host) : url.hosts).map((h) => ({
          ...h,
          tls: false as const,
        })),
      { resolveOnly: true },
    )
    const seeds = opened.targets

    const { MongoClient } = await import('mongodb')
    const gate = await opened.socksGate()
    const remaining = ctx.libraryTimeoutMs()
    const client = new MongoClient(ls.connectionUrl, {
      proxyHost: gate.host,
      proxyPort: gate.port,
      proxyUsername: gate.username,
      proxyPassword: gate.password,
      serverSelectionTimeoutMS: remaining,
      connectTimeoutMS: remaining,
      socketTimeoutMS: remaining,
      maxPoolSize: 4,
      maxConnecting: 4,
      // The config's CA replaces the trust store, as tlsCAFile does for the gateway; extra CAs of
      // this server only add to the system roots.
      ...(ls.tlsCa
        ? { ca: ls.tlsCa.pem }
        : ctx.policy.extraCa.length
          ? { ca: [...tls.rootCertificates, ...ctx.policy.extraCa] }
          : {}),
    })
    ctx.defer(() => client.close(true))

    await ctx.step('connect', async () => {
      try {
        await Promise.race([client.connect(), allSeedsFailed(client, seeds.length)])
      } catch (err) {
        throw mongoFailure(err, gate)
      }
      return `${gate.connected.size} server connection(s) through the network policy${tlsRequested(url) ? ', TLS verified' : ''}`
    })
    const insecure = ['tlsallowinvalidcertificates', 'tlsallowinvalidhostnames', 'tlsinsecure'].filter((k) =>
      ['true', '1', 'yes'].includes((url.options.get(k) ?? '').toLowerCase()),
    )
    if (insecure.length)
      ctx.warn(
        `Connected, but the URL turns certificate checks off (${insecure.join(', ')}): anyone on the path could read the logs. Upload the CA under logStore.tlsCa and remove these options.`,
      )

    const admin = client.db(ls.database).admin()
    await ctx.step('authenticate', async () => {
      try {
        await admin.command({ ping: 1 }, { signal: ctx.signal } as object)
      } catch (err) {
        throw mongoFailure(err, gate)
      }
      return 'ping answered by an authenticated connection'
    })

    await ctx.step('version', async () => {
      let info: { version?: unknown }
      try {
        info = await admin.command({ buildInfo: 1 })
      } catch (err) {
        throw mongoFailure(err, gate)
      }
      const v =
        typeof info.version === 'string' && /^\d+(\.\d+){1,3}$/.test(info.version) ? info.version : undefined
      return v ? `MongoDB-compatible server ${v}` : 'server version not reported'
    })

    await ctx.step('write', async () => {
      const db = client.db(ls.database)
      const names = [...new Set([ls.collection, ls.hooksCollection])]
      try {
        await Promise.all(
          names.map(async (name) => {
            const coll = db.collection(name)
            const { insertedId } = await coll.insertOne({ portkeySetupProbe: true, at: new Date() })
            const { deletedCount } = await coll.deleteOne({ _id: insertedId })
            if (deletedCount !== 1)
              fail(
                'MISMATCH',
                `The probe document written to ${name} could not be deleted again.`,
                'Check for triggers or views on the log collections (logStore.collection, logStore.hooksCollection).',
                ['logStore', 'collection'],
              )
          }),
        )
      } catch (err) {
        if (err instanceof CheckFailure) throw err
        throw mongoFailure(err, gate)
      }
      return `inserted and deleted a probe document in ${names.join(' and ')}`
    })
  },
})
