#!/usr/bin/env node
/**
 * The wizard's first load, measured in Debian's Chromium (never a downloaded browser):
 *  (a) JavaScript transferred (gzip) until the first step is interactive — budget 150 KB;
 *  (b) time from navigation to the first step being interactive (its first field focusable),
 *      median of several cold loads, next to the same measurement on a bare HTML page with one
 *      input so the figure reads as a ratio independent of the machine.
 *
 * The API sends the .gz files the web build writes beside its assets, so a response's encoded size
 * counts as it is; one that arrives uncompressed (another server, --url) is counted as a gzip-capable
 * server would send it (zlib level 9 over the bytes actually requested) and reported as such.
 *
 *   node e2e/bench/web-bench.mjs [--runs=5] [--url=http://127.0.0.1:8080]   (or: npm run bench -- web)
 * Without --url it starts apps/api/dist/server.js on a free port (run `npx turbo run build` first).
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'

const root = new URL('../../', import.meta.url)
/** --name=value or --name value; other flags (scripts/bench.mjs passes all of them on) are ignored. */
const arg = (name, fallback) => {
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`))
  if (eq) return eq.slice(name.length + 3)
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : fallback
}
const RUNS = Number(arg('runs', process.env.BENCH_RUNS ?? 5))
const BUDGET_KB = 150
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** The built API on a free loopback port; resolves with its URL and a stop function. */
const startServer = () =>
  new Promise((resolve, reject) => {
    const entry = new URL('apps/api/dist/server.js', root)
    if (!existsSync(entry))
      reject(new Error('apps/api/dist/server.js is missing: run `npx turbo run build` first.'))
    const child = spawn(process.execPath, [entry.pathname], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '100000' },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (chunk) => {
      out += chunk
      const m = /running at (http:\/\/\S+)/.exec(out)
      if (m) resolve({ url: m[1], stop: () => child.kill('SIGTERM') })
    })
    // Never leave the server behind, whatever happens to this process.
    process.once('exit', () => child.kill('SIGTERM'))
    child.once('exit', (code) => reject(new Error(`the API exited early (code ${code}): ${out}`)))
  })

/** A bare page with one input, served from loopback: the floor any page pays in this browser. */
const startBaseline = () =>
  new Promise((resolve) => {
    const html =
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>baseline</title></head>' +
      '<body><label for="f">Field</label><input id="f"></body></html>'
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      res.end(html)
    })
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      resolve({ url: `http://127.0.0.1:${port}/`, stop: () => server.close() })
    })
  })

/**
 * One cold load (fresh context, empty cache). Interactive = the selector's element is enabled and
 * takes focus; the time is read in the page, from navigation start. Returns the JS requested by
 * then with its sizes.
 */
const load = async (browser, url, selector) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  const encodings = new Map()
  page.on('response', (response) => {
    encodings.set(response.url(), response.headers()['content-encoding'] ?? '')
  })
  await page.goto(url, { waitUntil: 'commit' })
  const handle = await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel)
      if (!el || el.disabled) return false
      el.focus()
      if (document.activeElement !== el) return false
      const at = performance.now()
      const scripts = performance
        .getEntriesByType('resource')
        .filter((e) => /\.m?js(\?|$)/.test(new URL(e.name).pathname) && e.responseEnd <= at)
        .map((e) => ({ url: e.name, encodedBodySize: e.encodedBodySize, decodedBodySize: e.decodedBodySize }))
      return { at, scripts }
    },
    selector,
    { polling: 'raf', timeout: 30_000 },
  )
  const result = await handle.jsonValue()
  await context.close()
  return { ...result, encodings }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

const kb = (n) => (n / 1024).toFixed(1)

const main = async () => {
  const external = arg('url', process.env.BENCH_URL)
  const api = external ? { url: external.replace(/\/$/, ''), stop: () => undefined } : await startServer()
  const baseline = await startBaseline()
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  try {
    // Warm-ups, so the measured runs do not pay for starting the browser and compiling its caches.
    for (let i = 0; i < 2; i++) {
      await load(browser, `${api.url}/`, '#field-chart-version')
      await load(browser, baseline.url, '#f')
    }

    const wizardTimes = []
    const baselineTimes = []
    let first
    for (let i = 0; i < RUNS; i++) {
      const w = await load(browser, `${api.url}/`, '#field-chart-version')
      wizardTimes.push(w.at)
      first ??= w
      baselineTimes.push((await load(browser, baseline.url, '#f')).at)
    }

    // Sizes from the first measured load (the set of files is the same every time).
    const rows = []
    for (const s of first.scripts) {
      const encoding = first.encodings.get(s.url) ?? ''
      const bytes = Buffer.from(await (await fetch(s.url)).arrayBuffer())
      const gzip = encoding ? s.encodedBodySize : gzipSync(bytes, { level: 9 }).length
      rows.push({
        file: new URL(s.url).pathname,
        raw: bytes.length,
        gzip,
        how: encoding || 'zlib -9 (server sent it uncompressed)',
      })
    }
    rows.sort((a, b) => b.gzip - a.gzip)
    const totalGzip = rows.reduce((n, r) => n + r.gzip, 0)
    const totalRaw = rows.reduce((n, r) => n + r.raw, 0)
    const compressedByServer = rows.some((r) => !r.how.startsWith('zlib'))

    console.log(`web: first step of the wizard, ${RUNS} cold loads in ${CHROMIUM}`)
    console.table(
      rows.map((r) => ({ file: r.file, 'raw KB': kb(r.raw), 'gzip KB': kb(r.gzip), gzip: r.how })),
    )
    const wizardMs = median(wizardTimes)
    const baselineMs = median(baselineTimes)
    const withinBudget = totalGzip <= BUDGET_KB * 1024
    console.log(
      `initial JavaScript: ${kb(totalGzip)} KB gzip (${kb(totalRaw)} KB raw) in ${rows.length} files — budget ${BUDGET_KB} KB: ${withinBudget ? 'met' : 'EXCEEDED'}${compressedByServer ? '' : ' (gzip computed; the API serves static files uncompressed)'}`,
    )
    console.log(
      `time to interactive first step: median ${wizardMs.toFixed(0)} ms (runs ${wizardTimes.map((t) => t.toFixed(0)).join(', ')}); bare page ${baselineMs.toFixed(0)} ms; ratio ${(wizardMs / baselineMs).toFixed(1)}×`,
    )
    console.log(
      JSON.stringify({
        bench: 'web-first-step',
        initialJsGzipKB: Number(kb(totalGzip)),
        initialJsRawKB: Number(kb(totalRaw)),
        gzipComputed: !compressedByServer,
        interactiveMedianMs: Math.round(wizardMs),
        baselineMedianMs: Math.round(baselineMs),
        ratio: Number((wizardMs / baselineMs).toFixed(2)),
        runs: RUNS,
      }),
    )
    if (!withinBudget) process.exitCode = 1
  } finally {
    await browser.close()
    baseline.stop()
    api.stop()
  }
}

await main()
