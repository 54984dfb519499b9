#!/usr/bin/env node
/**
 * API benchmark: throughput of POST /api/validate and POST /api/bundle on the real server, each
 * as a ratio to a bare Fastify route measured in the same run, and the in-process bundle build
 * time as a ratio to plain yaml.stringify + jszip of the same files.
 *
 * Targets: validate >= 0.5 x bare; bundle build <= 1.5 x raw serialisation.
 * Needs the built API (npm run build). Usage: node apps/api/bench/api.bench.mjs [--duration 3] [--connections 10] [--rounds 2] [--json]
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import JSZip from 'jszip'
import YAML from 'yaml'

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '2' },
    json: { type: 'boolean' },
  },
})
const ROUNDS = Number(args.rounds)
const DURATION = Number(args.duration)
const CONNECTIONS = Number(args.connections)

const here = (p) => fileURLToPath(new URL(p, import.meta.url))
const SERVER = here('../dist/server.js')
if (!existsSync(SERVER)) {
  console.error('The API is not built: run "npm run build" first.')
  process.exit(1)
}

const { buildBundle, renderBundleFiles, validateConfig } = await import('@portkey-setup/schema')
const { fixtures } = await import('@portkey-setup/schema/fixtures')

/** Starts a node process and resolves once it prints its port. */
const start = (file, env, pattern) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (d) => {
      if (out === null) return
      out += d
      const m = out.match(pattern)
      if (m) {
        out = null
        resolve({ child, port: Number(m[1]) })
      }
    })
    child.on('exit', (code) => reject(new Error(`${file} exited with ${code}`)))
  })

/**
 * CPU time (user + system, ms) a process has used so far, from /proc on Linux, else undefined.
 * Throughput on a shared machine moves with everyone else's load; CPU per request barely does.
 */
const cpuMs = (pid) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
  } catch {
    return undefined
  }
}

const stop = (child) =>
  new Promise((resolve) => {
    child.removeAllListeners('exit')
    child.once('exit', resolve)
    child.kill('SIGTERM')
  })

const cannon = (url, body) =>
  autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: CONNECTIONS,
    duration: DURATION,
  })

const config = fixtures['s3-assume-access-keys']
const body = JSON.stringify(config)

// ---- throughput ------------------------------------------------------------------------------
const bare = await start(here('bare-server.mjs'), {}, /listening on (\d+)/)
const api = await start(
  SERVER,
  { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', RATE_LIMIT_MAX: '1000000000', API_TOKENS: '' },
  /running at http:\/\/127\.0\.0\.1:(\d+)/,
)
// Drain the server's log lines, as a terminal or collector would.
api.child.stdout.resume()

const results = {}
try {
  // A short warm-up so the JIT has seen every route before anything is measured.
  for (const [port, path] of [
    [bare.port, '/bare'],
    [api.port, '/api/validate'],
    [api.port, '/api/bundle'],
  ])
    await autocannon({
      url: `http://127.0.0.1:${port}${path}`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      connections: 2,
      amount: 200,
    })

  // Rounds interleave the targets, so a burst of load from elsewhere hits them alike; the best
  // round of each is its capacity.
  for (let round = 0; round < ROUNDS; round++)
    for (const [name, server, path] of [
      ['bare', bare, '/bare'],
      ['validate', api, '/api/validate'],
      ['bundle', api, '/api/bundle'],
    ]) {
      const cpuBefore = cpuMs(server.child.pid)
      const r = await cannon(`http://127.0.0.1:${server.port}${path}`, body)
      const cpuAfter = cpuMs(server.child.pid)
      if (r.non2xx > 0 || r.errors > 0) throw new Error(`${name}: ${r.non2xx} non-2xx, ${r.errors} errors`)
      const cpuUsPerReq =
        cpuBefore === undefined ? undefined : ((cpuAfter - cpuBefore) * 1000) / r.requests.total
      const best = results[name]
      results[name] = {
        reqPerSec: Math.max(best?.reqPerSec ?? 0, r.requests.average),
        p99Ms: best && best.reqPerSec > r.requests.average ? best.p99Ms : r.latency.p99,
        serverCpuUsPerReq:
          cpuUsPerReq === undefined
            ? undefined
            : Math.min(best?.serverCpuUsPerReq ?? Number.POSITIVE_INFINITY, cpuUsPerReq),
      }
    }
} finally {
  await Promise.all([stop(bare.child), stop(api.child)])
}

// ---- in-process bundle build vs raw serialisation -----------------------------------------------
const parsed = validateConfig(config)
if (!parsed.valid) throw new Error('fixture is invalid')
const files = renderBundleFiles(parsed.config)
const valuesObject = YAML.parse(files.find((f) => f.path === 'values.yaml').content)
const jsonObjects = new Map(
  files.filter((f) => f.path.endsWith('.json')).map((f) => [f.path, JSON.parse(f.content)]),
)

/** The floor: serialise the same data with yaml and JSON.stringify, zip the same files with jszip. */
const raw = async () => {
  const zip = new JSZip()
  for (const f of files) {
    const content =
      f.path === 'values.yaml'
        ? YAML.stringify(valuesObject)
        : jsonObjects.has(f.path)
          ? JSON.stringify(jsonObjects.get(f.path), null, 2)
          : f.content
    zip.file(f.path, content)
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}
const ours = () => buildBundle(parsed.config)

const timePerRun = async (fn, runs) => {
  const t0 = process.hrtime.bigint()
  for (let i = 0; i < runs; i++) await fn()
  return Number(process.hrtime.bigint() - t0) / 1e6 / runs
}
for (let i = 0; i < 30; i++) {
  await raw()
  await ours()
}
// Interleaved rounds, median of each, so drift in machine load hits both sides alike.
const rounds = { raw: [], ours: [] }
for (let i = 0; i < 7; i++) {
  rounds.raw.push(await timePerRun(raw, 20))
  rounds.ours.push(await timePerRun(ours, 20))
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
results.bundleBuild = { oursMs: median(rounds.ours), rawMs: median(rounds.raw) }

// ---- report ------------------------------------------------------------------------------------
const ratios = {
  validateVsBare: results.validate.reqPerSec / results.bare.reqPerSec,
  bundleVsBare: results.bundle.reqPerSec / results.bare.reqPerSec,
  bundleBuildVsRaw: results.bundleBuild.oursMs / results.bundleBuild.rawMs,
  // The same comparison by server CPU per request (bare / validate): steadier under shared load.
  validateVsBareByCpu:
    results.bare.serverCpuUsPerReq === undefined
      ? undefined
      : results.bare.serverCpuUsPerReq / results.validate.serverCpuUsPerReq,
}
const targets = {
  validateVsBare: ratios.validateVsBare >= 0.5,
  bundleBuildVsRaw: ratios.bundleBuildVsRaw <= 1.5,
}

if (args.json) {
  console.log(
    JSON.stringify({ duration: DURATION, connections: CONNECTIONS, results, ratios, targets }, null, 2),
  )
} else {
  const f = (n, d = 0) => (n === undefined ? 'n/a' : n.toFixed(d))
  const row = (label, r) =>
    `  ${label.padEnd(22)} ${f(r.reqPerSec).padStart(7)} req/s  p99 ${String(r.p99Ms).padStart(3)} ms  server CPU ${f(r.serverCpuUsPerReq).padStart(5)} us/req`
  console.log(row('bare Fastify POST', results.bare))
  console.log(row('POST /api/validate', results.validate))
  console.log(row('POST /api/bundle', results.bundle))
  console.log(
    `  validate / bare        ${f(ratios.validateVsBare, 2).padStart(7)}   target >= 0.50  ${targets.validateVsBare ? 'met' : 'MISSED'}`,
  )
  console.log(
    `  same, by server CPU    ${f(ratios.validateVsBareByCpu, 2).padStart(7)}   (bare us/req / validate us/req)`,
  )
  console.log(`  bundle / bare          ${f(ratios.bundleVsBare, 3).padStart(7)}   (informational)`)
  console.log(
    `  bundle build           ${f(results.bundleBuild.oursMs, 2).padStart(7)} ms vs raw ${f(results.bundleBuild.rawMs, 2)} ms = ${f(ratios.bundleBuildVsRaw, 2)}x   target <= 1.50  ${targets.bundleBuildVsRaw ? 'met' : 'MISSED'}`,
  )
}
