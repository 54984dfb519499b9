/**
 * Run as a child process with another TZ: prints the zone offset and, per fixture named on the
 * command line, the bundle zip as base64 — so a test can compare bytes made in different zones.
 */
import { buildBundle } from '../bundle.js'
import type { FixtureName } from '../fixtures/index.js'
import { fixtureConfig } from './fixture-configs.js'

const out: Record<string, string> = { offset: String(new Date(Date.UTC(2020, 0, 1)).getTimezoneOffset()) }
for (const name of process.argv.slice(2) as FixtureName[])
  out[name] = Buffer.from(await buildBundle(fixtureConfig(name))).toString('base64')
process.stdout.write(JSON.stringify(out))
