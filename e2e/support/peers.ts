import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The real test servers started by scripts/peers/up.sh: ports and credentials from ports.json,
 * state (moto keys, TLS material) from PEERS_DIR. Moto's keys change on every moto restart, so
 * they are read when a test asks for them, never cached at import.
 */

type PeerPorts = {
  host: string
  stateDirDefault: string
  tls: { caCert: string }
  redis: { port: number; password: string }
  clickhouse: { httpPort: number; user: string; password: string }
  registry: { port: number; user: string; password: string }
  otlp: { port: number }
  moto: { port: number; region: string; seedFile: string }
  azurite: { blobPort: number; account: string; accountKey: string; container: string }
  ferretdb: { port: number; user: string; password: string; database: string }
}

export type MotoUser = { userName: string; arn: string; accessKeyId: string; secretAccessKey: string }

export type MotoSeed = {
  endpoint: string
  region: string
  buckets: { logs: string; finetunes: string }
  externalId: string
  users: { writer: MotoUser; readonly: MotoUser; assumer: MotoUser }
  roles: Record<'logs' | 'bedrock' | 'untrusted', { roleName: string; arn: string; externalId: string }>
}

export const peers: PeerPorts = JSON.parse(
  readFileSync(new URL('../../scripts/peers/ports.json', import.meta.url), 'utf8'),
)

export const peersDir = () => process.env.PEERS_DIR ?? peers.stateDirDefault

export const motoSeed = (): MotoSeed =>
  JSON.parse(readFileSync(join(peersDir(), peers.moto.seedFile), 'utf8')) as MotoSeed

/** The test CA as PEM text (what a user would upload for a DocumentDB-style TLS setup). */
export const testCaPem = () => readFileSync(join(peersDir(), peers.tls.caCert), 'utf8')

/** CHECKS_ENDPOINT_OVERRIDES for the API under test: the S3 family and STS on moto, blobs on Azurite. */
export const checksEndpointOverrides = (): Record<string, string> => {
  const moto = `http://${peers.host}:${peers.moto.port}`
  return {
    s3: moto,
    sts: moto,
    wasabi: moto,
    gcs: moto,
    azureBlob: `http://${peers.host}:${peers.azurite.blobPort}/{account}`,
  }
}

/** A Redis URL for the standalone peer; a wrong password gives WRONGPASS like any Redis. */
export const redisUrl = (password = peers.redis.password) =>
  `redis://:${encodeURIComponent(password)}@${peers.host}:${peers.redis.port}`
