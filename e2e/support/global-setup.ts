import { existsSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'
import { peers, peersDir } from './peers.js'

/** The peers the specs talk to, by port: fail fast with the fix instead of forty timeouts. */
const NEEDED: [string, number][] = [
  ['redis', peers.redis.port],
  ['moto', peers.moto.port],
  ['azurite', peers.azurite.blobPort],
  ['clickhouse', peers.clickhouse.httpPort],
  ['registry', peers.registry.port],
  ['otlp', peers.otlp.port],
]

const reachable = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: peers.host, port })
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(2000, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })

export default async function globalSetup() {
  const down = []
  for (const [name, port] of NEEDED)
    if (!(await reachable(port))) down.push(`${name} (${peers.host}:${port})`)
  if (!existsSync(join(peersDir(), peers.moto.seedFile)))
    down.push(`moto seed (${peersDir()}/${peers.moto.seedFile})`)
  if (down.length > 0)
    throw new Error(
      `e2e needs the test peers, and these are not up: ${down.join(', ')}. Run \`bash scripts/peers/up.sh\`.`,
    )
}
