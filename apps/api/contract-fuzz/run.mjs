// Fuzzes the running API against its own OpenAPI document with schemathesis (every check), so the
// document allows nothing the API refuses and the API answers nothing the document does not say.
// Usage: node apps/api/contract-fuzz/run.mjs <path of schemathesis' st> (after the API is built).
// Run it inside a network namespace with only loopback (scripts/test.sh uses `unshare -rn`): then
// POST /api/checks is fuzzed too, since the hosts it would dial cannot be reached. Anywhere else
// that route is left out, so no generated host is ever contacted.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { networkInterfaces, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { DeploymentConfigObject } from '@portkey-setup/schema'
import { buildApp } from '../dist/app.js'
import { defaultSettings } from '../dist/config.js'

const st = process.argv[2]
if (!st) {
  console.error('usage: node apps/api/contract-fuzz/run.mjs <schemathesis st binary>')
  process.exit(2)
}
const EXAMPLES = process.env.CONTRACT_FUZZ_EXAMPLES ?? '25'
const SEED = process.env.CONTRACT_FUZZ_SEED ?? '20240601'

const loopbackOnly = Object.values(networkInterfaces())
  .flat()
  .every((i) => i?.internal)

const settings = defaultSettings({
  logLevel: 'silent',
  rateLimit: { max: 1_000_000_000, windowMs: 60_000 },
})
settings.checks = { ...settings.checks, timeoutMs: 2_000, concurrency: 64 }
const app = await buildApp({ settings })
await app.listen({ host: '127.0.0.1', port: 0 })
const apiPort = app.server.address().port

// Answers whether the field-level schema (every section, no cross-field rule) accepts a config.
const oracle = createServer((req, res) => {
  let body = ''
  req.on('data', (c) => {
    body += c
  })
  req.on('end', () => {
    let fieldsValid = false
    try {
      fieldsValid = DeploymentConfigObject.safeParse(JSON.parse(body)).success
    } catch {}
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ fieldsValid }))
  })
})
await new Promise((resolve) => oracle.listen(0, '127.0.0.1', resolve))
const oraclePort = oracle.address().port

const work = mkdtempSync(join(tmpdir(), 'portkey-contract-fuzz-'))
const CONFIG_ROUTES = ['/api/validate', '/api/render', '/api/bundle', '/api/checks']
const common = [
  `http://127.0.0.1:${apiPort}/api/openapi.json`,
  '--checks',
  'all',
  // Replaced by the hook's check, which allows only the refusals JSON Schema cannot express.
  '--exclude-checks',
  'positive_data_acceptance',
  '--max-examples',
  EXAMPLES,
  '--seed',
  SEED,
  '--workers',
  '2',
  '--generation-database',
  'none',
  '--no-color',
]
// Fuzzing covers every route; the coverage phase (boundary values, wrong methods such as TRACE)
// takes minutes on the config's many patterns, so it runs on the other routes, whose wrong-method
// answers come from the same handler.
const runs = [
  ['--phases', 'examples,fuzzing', ...(loopbackOnly ? [] : ['--exclude-path', '/api/checks'])],
  ['--phases', 'coverage', ...CONFIG_ROUTES.flatMap((p) => ['--exclude-path', p])],
]
console.log(
  loopbackOnly
    ? 'contract fuzz: loopback-only network namespace, every route including /api/checks'
    : 'contract fuzz: not in a loopback-only namespace, so /api/checks (which dials hosts) is left out',
)
const schemathesis = (extra) =>
  new Promise((resolve) => {
    const child = spawn(st, ['run', ...common, ...extra], {
      cwd: work,
      // Output is relayed line by line: schemathesis closes with a pytest-style banner
      // ("=== 1 warning in 0.5s ===") that CI would read as a test runner that ran nothing.
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        PYTHONPATH: dirname(fileURLToPath(import.meta.url)),
        SCHEMATHESIS_HOOKS: 'hooks',
        PORTKEY_FUZZ_ORACLE: `http://127.0.0.1:${oraclePort}/`,
      },
    })
    createInterface({ input: child.stdout }).on('line', (line) => {
      const banner = /^=+ (.+ in [\d.]+s) =+$/.exec(line.trim())
      console.log(
        banner
          ? `contract fuzz: schemathesis reported ${banner[1].replace(/ in ([\d.]+s)$/, ' ($1)')}`
          : line,
      )
    })
    child.on('close', (c, signal) => resolve(c ?? (signal ? 1 : 0)))
    child.on('error', (err) => {
      console.error(`contract fuzz: could not start ${st}: ${err.message}`)
      resolve(1)
    })
  })
const started = Date.now()
let code = 0
for (const extra of runs) code = (await schemathesis(extra)) || code
console.log(`contract fuzz: schemathesis finished in ${((Date.now() - started) / 1000).toFixed(1)} s`)
oracle.close()
await app.close()
rmSync(work, { recursive: true, force: true })
process.exit(code)
