#!/usr/bin/env node
/**
 * npm run bench: builds what is needed, then runs every benchmark of the repository, one after
 * the other (they measure throughput, so they must not share the CPU).
 *
 * A benchmark is any apps/<app>/bench/*.bench.mjs or packages/<pkg>/bench/*.bench.mjs: add a file
 * there and it runs. `npm run bench -- api checks` runs only api.bench.mjs and checks.bench.mjs
 * (a filter with a slash matches the path instead, e.g. apps/web/). Flags pass through to every
 * benchmark; give them values with "=", e.g. --duration=5 --json. --no-build skips the build, for
 * repeated runs against what is already built.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'))
const skipBuild = process.argv.includes('--no-build')
const passThrough = process.argv.slice(2).filter((a) => a.startsWith('-') && a !== '--no-build')

const benches = ['apps', 'packages']
  .flatMap((group) =>
    existsSync(join(root, group))
      ? readdirSync(join(root, group)).map((d) => join(root, group, d, 'bench'))
      : [],
  )
  .filter((dir) => existsSync(dir))
  .flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.bench.mjs'))
      .map((f) => join(dir, f)),
  )
  // The wizard's first load in Chromium (initial JS, time to interactive); `npm run bench -- web`.
  .concat([join(root, 'e2e', 'bench', 'web-bench.mjs')].filter((file) => existsSync(file)))
  .filter(
    (file) =>
      filters.length === 0 ||
      filters.some((f) =>
        f.includes('/')
          ? relative(root, file).includes(f)
          : basename(file).replace(/[.-]bench\.mjs$/, '') === f,
      ),
  )
  .sort()

if (benches.length === 0) {
  console.error(`No benchmark matches ${filters.join(', ')}.`)
  process.exit(1)
}

const build = skipBuild
  ? { status: 0 }
  : spawnSync('npx', ['turbo', 'run', 'build', '--output-logs=errors-only'], { cwd: root, stdio: 'inherit' })
if (build.status !== 0)
  console.error('bench: the build failed; running the benchmarks whose build is present anyway.\n')

let failed = 0
for (const file of benches) {
  console.log(`\n== ${relative(root, file)}`)
  const r = spawnSync(process.execPath, [file, ...passThrough], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) failed++
}
process.exit(failed > 0 ? 1 : 0)
