#!/usr/bin/env node
/**
 * Writes a .gz beside every text asset of dist/, so the API (@fastify/static preCompressed) sends
 * browsers gzip without compressing on each request. Runs after `vite build`.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { constants, gzipSync } from 'node:zlib'

const dist = fileURLToPath(new URL('../dist', import.meta.url))
const TEXT = /\.(js|mjs|css|html|svg|json|txt|yaml)$/

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })

let count = 0
for (const file of walk(dist).filter((f) => TEXT.test(f))) {
  const body = readFileSync(file)
  const gz = gzipSync(body, { level: constants.Z_BEST_COMPRESSION })
  if (gz.length < body.length) {
    writeFileSync(`${file}.gz`, gz)
    count++
  }
}
console.log(`precompress: ${count} files gzipped in ${dist}`)
