#!/usr/bin/env node
/**
 * Connectivity-check benchmark against the real peers (scripts/peers/up.sh first).
 *
 * 1. Parallelism: the wall time of a full config's checks (all seven targets at once) as a
 *    ratio to the slowest single check run alone. Target <= 1.15. Measured with the peers behind
 *    a delay proxy (--latency ms each way), i.e. answering like servers across a network: on bare
 *    loopback every check is CPU-bound and shares this machine's cores with every peer, so that
 *    figure (printed too) measures the machine, not the parallelism.
 * 2. Overhead: each check's time as a ratio to the same operations done with the bare client
 *    library (no policy, no steps), measured in the same run. Target <= 1.3.
 *
 * Every measurement is the median of --rounds runs after --warmup runs, alternating check and
 * bare so both see the same machine state. Needs the built API (npm run build).
 * Usage: node apps/api/bench/checks.bench.mjs [--rounds 15] [--warmup 3] [--latency 20] [--json] [--strict]
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    latency: { type: 'string', default: '20' },
    json: { type: 'boolean' },
    strict: { type: 'boolean' },
  },
})
const ROUNDS = Number(args.rounds)
const WARMUP = Number(args.warmup)
const LATENCY = Number(args.latency)
const PARALLEL_TARGET = 1.15
const OVERHEAD_TARGET = 1.3

const dist = (p) => fileURLToPath(new URL(`../dist/checks/${p}`, import.meta.url))
if (!existsSync(dist('catalog.js'))) {
  console.error('The API is not built: run "npm run build" first.')
  process.exit(1)
}
const { checkTarget, runChecks } = await import(dist('catalog.js'))
const { fullPeerConfig, motoSeed, ports, requirePeers, runOptions } = await import(
  dist('../test-support/peers.js')
)
const { CHECK_TARGETS } = await import(dist('runner/types.js'))

try {
  await requirePeers({
    registry: ports.registry.port,
    moto: ports.moto.port,
    clickhouse: ports.clickhouse.httpPort,
    otlp: ports.otlp.port,
    'redis-cluster': ports.redisCluster.ports[0],
  })
} catch (e) {
  console.error(e.message)
  process.exit(1)
}

const { request, Agent } = await import('undici')
const { S3Client, PutObjectCommand, GetObjectCommand } = await import('@aws-sdk/client-s3')
const { STSClient, AssumeRoleCommand } = await import('@aws-sdk/client-sts')
const { Redis, Cluster } = await import('ioredis')

const config = fullPeerConfig()
const opts = runOptions()
const seed = motoSeed()
const H = '127.0.0.1'

// ---- the same operations with the bare libraries --------------------------------------------

const drain = async (body) => {
  for await (const _ of body);
}
/** One fresh undici Agent per run, like a check: connection setup is part of the work. */
const withAgent = async (fn) => {
  const dispatcher = new Agent({ connections: 4 })
  try {
    return await fn(dispatcher)
  } finally {
    await dispatcher.destroy()
  }
}

const aws = { region: seed.region, endpoint: seed.endpoint, forcePathStyle: true, maxAttempts: 1 }
const assumed = async () => {
  const a = seed.users.assumer
  const sts = new STSClient({
    ...aws,
    credentials: { accessKeyId: a.accessKeyId, secretAccessKey: a.secretAccessKey },
  })
  const out = await sts.send(
    new AssumeRoleCommand({
      RoleArn: seed.roles.logs.arn,
      RoleSessionName: 'bench',
      ExternalId: seed.externalId,
    }),
  )
  sts.destroy()
  const c = out.Credentials
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken }
}
const putGet = async (credentials, bucket) => {
  const s3 = new S3Client({
    ...aws,
    credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  const Key = `portkey-setup-probe/bench-${Math.random().toString(36).slice(2)}.txt`
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'bench probe', ContentType: 'text/plain' }))
  const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key }))
  await res.Body.transformToString()
  s3.destroy()
}

const R = config.registry
const basic = `Basic ${Buffer.from(`${R.username}:${R.password}`).toString('base64')}`
const A = config.analytics
const chAuth = `Basic ${Buffer.from(`${A.user}:${A.password}`).toString('base64')}`
const chQuery = (d, sql) =>
  request(A.endpoint, { dispatcher: d, method: 'POST', headers: { authorization: chAuth }, body: sql }).then(
    (r) => r.body.text(),
  )
const C = ports.redisCluster

const BARE = {
  registry: () =>
    withAgent(async (d) => {
      await drain((await request(`${R.server}/v2/`, { dispatcher: d })).body)
      await drain(
        (await request(`${R.server}/v2/`, { dispatcher: d, headers: { authorization: basic } })).body,
      )
      await drain(
        (
          await request(`${R.server}/v2/portkeyai/gateway_enterprise/manifests/2.13.0`, {
            dispatcher: d,
            method: 'HEAD',
            headers: { authorization: basic, accept: 'application/vnd.docker.distribution.manifest.v2+json' },
          })
        ).body,
      )
    }),
  logStore: async () => putGet(await assumed(), seed.buckets.logs),
  analytics: () =>
    withAgent(async (d) => {
      await chQuery(d, 'SELECT 1')
      await chQuery(d, 'SELECT version()')
      await Promise.all(
        [A.logTable, A.feedbackTable, A.generationHooksTable].map((t) =>
          chQuery(
            d,
            `EXISTS TABLE ${t
              .split('.')
              .map((p) => `\`${p}\``)
              .join('.')}`,
          ),
        ),
      )
    }),
  otel: () =>
    withAgent(async (d) => {
      const res = await request(`${config.otel.endpoint}/v1/logs`, {
        dispatcher: d,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"resourceLogs":[]}',
      })
      await drain(res.body)
    }),
  cache: async () => {
    const redis = new Redis({
      host: H,
      port: C.ports[0],
      lazyConnect: true,
      protocol: 2,
      enableReadyCheck: false,
    })
    await redis.connect()
    await redis.auth(C.password)
    await redis.ping()
    await redis.info('server')
    await redis.cluster('INFO')
    redis.disconnect()
    const cluster = new Cluster([{ host: H, port: C.ports[0] }], {
      lazyConnect: true,
      redisOptions: { password: C.password, protocol: 2 },
    })
    await cluster.connect()
    await Promise.all(cluster.nodes('master').map((n) => n.ping()))
    cluster.disconnect()
  },
  bedrock: () => assumed(),
  dataService: async () => putGet(await assumed(), seed.buckets.finetunes),
}

// ---- measurement ----------------------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}
/** Times one run, then lets its cleanup (closing sockets and clients) finish outside the timing. */
const time = async (fn) => {
  const t0 = performance.now()
  await fn()
  const took = performance.now() - t0
  await new Promise((r) => setTimeout(r, 5))
  return took
}
const runOne = async (target) => {
  const r = await checkTarget(config, target, opts)
  if (r.status !== 'pass')
    throw new Error(`${target} did not pass: ${JSON.stringify(r.error ?? r.steps.at(-1))}`)
}

const single = {}
const bare = {}
for (const t of CHECK_TARGETS) {
  single[t] = []
  bare[t] = []
  for (let i = 0; i < WARMUP + ROUNDS; i++) {
    const a = await time(() => runOne(t))
    const b = await time(BARE[t])
    if (i >= WARMUP) {
      single[t].push(a)
      bare[t].push(b)
    }
  }
}

const full = []
const inRun = []
for (let i = 0; i < WARMUP + ROUNDS; i++) {
  let slowestInRun = 0
  const wall = await time(async () => {
    const results = await runChecks(config, CHECK_TARGETS, opts)
    const failed = results.filter((r) => r.status !== 'pass')
    if (failed.length) throw new Error(`full run: ${failed.map((r) => r.target).join(', ')} did not pass`)
    slowestInRun = Math.max(...results.map((r) => r.durationMs))
  })
  if (i >= WARMUP) {
    full.push(wall)
    inRun.push(wall / slowestInRun)
  }
}

// ---- the same full config across a network: every peer behind a delay proxy ----------------

const startProxy = (targets) =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [fileURLToPath(new URL('delay-proxy.mjs', import.meta.url)), String(LATENCY), ...targets.map(String)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    child.stdout.once('data', (d) => resolve({ child, map: JSON.parse(String(d)) }))
    child.once('error', reject)
  })

const proxy = await startProxy([
  ports.registry.port,
  ports.clickhouse.httpPort,
  ports.otlp.port,
  C.ports[0],
  ports.moto.port,
])
const via = (port) => proxy.map[port]
const remote = {
  ...config,
  registry: { ...config.registry, server: `http://${H}:${via(ports.registry.port)}` },
  analytics: { ...config.analytics, endpoint: `http://${H}:${via(ports.clickhouse.httpPort)}` },
  otel: { ...config.otel, endpoint: `http://${H}:${via(ports.otlp.port)}` },
  // The seed goes through the proxy; the nodes the cluster reports are dialled directly.
  cache: { ...config.cache, url: `redis://:${C.password}@${H}:${via(C.ports[0])}` },
}
const motoVia = `http://${H}:${via(ports.moto.port)}`
const remoteOpts = {
  ...opts,
  env: { ...opts.env, endpointOverrides: { ...opts.env.endpointOverrides, s3: motoVia, sts: motoVia } },
}
const remoteSingle = {}
for (const t of CHECK_TARGETS) {
  remoteSingle[t] = []
  for (let i = 0; i < WARMUP + ROUNDS; i++) {
    const took = await time(async () => {
      const r = await checkTarget(remote, t, remoteOpts)
      if (r.status !== 'pass') throw new Error(`${t} via the delay proxy: ${JSON.stringify(r.error)}`)
    })
    if (i >= WARMUP) remoteSingle[t].push(took)
  }
}
const remoteFull = []
for (let i = 0; i < WARMUP + ROUNDS; i++) {
  const took = await time(async () => {
    const results = await runChecks(remote, CHECK_TARGETS, remoteOpts)
    const failed = results.filter((r) => r.status !== 'pass')
    if (failed.length)
      throw new Error(`full run via the delay proxy: ${failed.map((r) => r.target).join(', ')} did not pass`)
  })
  if (i >= WARMUP) remoteFull.push(took)
}
proxy.child.kill()
const remoteSlowest = CHECK_TARGETS.map((t) => [t, median(remoteSingle[t])]).reduce((m, x) =>
  x[1] > m[1] ? x : m,
)
const remoteFullMs = median(remoteFull)
const remoteRatio = +(remoteFullMs / remoteSlowest[1]).toFixed(2)

const rows = CHECK_TARGETS.map((t) => {
  const check = median(single[t])
  const b = median(bare[t])
  return { target: t, checkMs: +check.toFixed(1), bareMs: +b.toFixed(1), ratio: +(check / b).toFixed(2) }
})
const slowest = rows.reduce((m, r) => (r.checkMs > m.checkMs ? r : m))
const fullMs = median(full)
const parallelRatio = +(fullMs / slowest.checkMs).toFixed(2)
// Wall time over the slowest check of the same run: what running them together costs beyond
// waiting for the slowest (contention on shared peers and cores shows in the ratio above).
const orchestrationRatio = +median(inRun).toFixed(2)
const overheadOk = rows.every((r) => r.ratio <= OVERHEAD_TARGET)
const parallelOk = remoteRatio <= PARALLEL_TARGET

if (args.json) {
  console.log(
    JSON.stringify(
      { rounds: ROUNDS, rows, fullMs: +fullMs.toFixed(1), slowest: slowest.target, parallelRatio },
      null,
      2,
    ),
  )
} else {
  console.log(`checks benchmark: median of ${ROUNDS} rounds (after ${WARMUP} warm-up), peers on loopback\n`)
  console.log('target        check ms   bare ms   ratio   (target <= 1.3)')
  for (const r of rows)
    console.log(
      `${r.target.padEnd(12)} ${String(r.checkMs).padStart(9)} ${String(r.bareMs).padStart(9)} ${r.ratio.toFixed(2).padStart(7)}   ${r.ratio <= OVERHEAD_TARGET ? 'ok' : 'MISSED'}`,
    )
  console.log(
    `\nfull config, 7 targets in parallel, peers ${LATENCY} ms away (delay proxy): ${remoteFullMs.toFixed(1)} ms; slowest alone (${remoteSlowest[0]}) ${remoteSlowest[1].toFixed(1)} ms; ratio ${remoteRatio.toFixed(2)} (target <= ${PARALLEL_TARGET}) ${parallelOk ? 'ok' : 'MISSED'}`,
  )
  console.log(
    `full config on bare loopback (CPU-bound: all checks and all peers share this machine's cores): ${fullMs.toFixed(1)} ms; slowest alone (${slowest.target}) ${slowest.checkMs} ms; ratio ${parallelRatio.toFixed(2)}; wall / slowest check of the same run ${orchestrationRatio.toFixed(2)}`,
  )
}
process.exit(args.strict && !(overheadOk && parallelOk) ? 1 : 0)
