// Sums the gzip size of the JavaScript a browser loads for the first step: the entry chunk and
// every chunk it imports statically (what index.html modulepreloads). Dynamic imports are excluded.
// Usage: node scripts/initial-js-size.mjs [distDir]   (after `vite build`)
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const dist = process.argv[2] ?? new URL('../dist', import.meta.url).pathname
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'))
const entry = Object.keys(manifest).find((k) => manifest[k].isEntry)
const seen = new Set()
const visit = (key) => {
  if (seen.has(key)) return
  seen.add(key)
  for (const dep of manifest[key].imports ?? []) visit(dep)
}
visit(entry)
let raw = 0
let gzip = 0
const rows = []
for (const key of seen) {
  const file = manifest[key].file
  const bytes = readFileSync(join(dist, file))
  const gz = gzipSync(bytes, { level: 9 }).length
  raw += bytes.length
  gzip += gz
  rows.push({ file, kB: (bytes.length / 1024).toFixed(1), gzipKB: (gz / 1024).toFixed(1) })
}
rows.sort((a, b) => Number(b.gzipKB) - Number(a.gzipKB))
if (!process.argv.includes('--quiet')) console.table(rows)
console.log(
  JSON.stringify({
    initialJsBytes: raw,
    initialJsGzipBytes: gzip,
    initialJsGzipKB: +(gzip / 1024).toFixed(1),
  }),
)
