import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import net from 'node:net'
import { join } from 'node:path'
import { type DeploymentConfig, type DeploymentConfigInput, validateConfig } from '@portkey-setup/schema'
import { baseConfig } from '@portkey-setup/schema/fixtures'
import type { RunOptions } from '../checks/runner/run.js'
import type { CheckEnvironment } from '../checks/runner/types.js'

/**
 * Test and benchmark support: the real servers of scripts/peers (ports.json + PEERS_DIR) and
 * configs pointing at them. A missing peer is a failure with a clear message, never a skip.
 */

export type Ports = {
  host: string
  redis: {
    port: number
    password: string
    aclUser: string
    aclPassword: string
    limitedUser: string
    limitedPassword: string
  }
  redisTls: { port: number; password: string }
  redisCluster: { ports: number[]; password: string }
  clickhouse: {
    httpPort: number
    httpsPort: number
    user: string
    password: string
    database: string
    tables: string[]
  }
  registry: {
    port: number
    tlsPort: number
    tokenPort: number
    user: string
    password: string
    noPullUser: string
    noPullPassword: string
    repository: string
    tags: string[]
  }
  moto: { port: number; region: string; accountId: string; seedFile: string }
  azurite: { blobPort: number; oauthBlobPort: number; account: string; accountKey: string; container: string }
  ferretdb: { port: number; tlsPort: number; user: string; password: string; database: string }
  otlp: { port: number; tlsPort: number; tlsBearerToken: string }
  blackhole: { port: number }
}

export type MotoSeed = {
  endpoint: string
  region: string
  accountId: string
  buckets: { logs: string; finetunes: string }
  externalId: string
  admin: { accessKeyId: string; secretAccessKey: string }
  users: Record<
    'writer' | 'readonly' | 'assumer',
    { arn: string; accessKeyId: string; secretAccessKey: string }
  >
  roles: Record<'logs' | 'bedrock' | 'untrusted', { arn: string; externalId: string }>
}

const portsFile = new URL('../../../../scripts/peers/ports.json', import.meta.url)
export const peersDir = () => process.env.PEERS_DIR || '/tmp/portkey-setup-peers'
export const ports: Ports = JSON.parse(readFileSync(portsFile, 'utf8'))

const peerFile = (rel: string) => {
  const path = join(peersDir(), rel)
  try {
    return readFileSync(path, 'utf8')
  } catch {
    throw new Error(`peer file ${path} is missing: run \`bash scripts/peers/up.sh\` first`)
  }
}

export const testCa = () => peerFile('tls/ca.pem')
export const wrongCa = () => peerFile('tls/wrong-ca.pem')
export const serverCert = () => peerFile('tls/server.pem')
export const serverKey = () => peerFile('tls/server-key.pem')
export const motoSeed = (): MotoSeed => JSON.parse(peerFile(ports.moto.seedFile))

const H = '127.0.0.1'
export const motoUrl = () => `http://${H}:${ports.moto.port}`

/** Fails loudly when a peer port is closed. */
export const requirePeers = async (list: Record<string, number>) => {
  const down: string[] = []
  await Promise.all(
    Object.entries(list).map(
      ([name, port]) =>
        new Promise<void>((resolve) => {
          const s = net.connect({ host: H, port })
          const done = (ok: boolean) => {
            if (!ok) down.push(`${name} (${H}:${port})`)
            s.destroy()
            resolve()
          }
          s.setTimeout(2000, () => done(false))
          s.once('connect', () => done(true))
          s.once('error', () => done(false))
        }),
    ),
  )
  if (down.length)
    throw new Error(`peer(s) not running: ${down.join(', ')}. Start them with \`bash scripts/peers/up.sh\`.`)
}

/** The test-only environment: provider endpoints on moto and Azurite, the test CA trusted. */
export const peerEnv = (): CheckEnvironment => ({
  endpointOverrides: {
    s3: motoUrl(),
    sts: motoUrl(),
    wasabi: motoUrl(),
    gcs: motoUrl(),
    azureBlob: `http://${H}:${ports.azurite.blobPort}/{account}`,
  },
  extraCa: [testCa()],
})

export const runOptions = (over: Partial<RunOptions> = {}): RunOptions => ({
  policy: { allowLoopback: true, denyPrivate: false, allowCidrs: [], denyCidrs: [] },
  timeoutMs: 8000,
  env: peerEnv(),
  ...over,
})

/** A valid config from the schema fixtures with sections replaced; throws on an invalid one. */
export const configWith = (patch: Partial<DeploymentConfigInput>): DeploymentConfig => {
  const r = validateConfig({ ...baseConfig, ...patch })
  if (!r.valid) throw new Error(`test config invalid: ${JSON.stringify(r.issues)}`)
  return r.config
}

/** A config whose every target points at a healthy peer. */
export const fullPeerConfig = (): DeploymentConfig => {
  const seed = motoSeed()
  const a = seed.users.assumer
  return configWith({
    registry: {
      mode: 'create',
      server: `http://${H}:${ports.registry.port}`,
      username: ports.registry.user,
      password: ports.registry.password,
    },
    logStore: {
      type: 's3_assume',
      region: seed.region,
      bucket: seed.buckets.logs,
      auth: {
        method: 'access_keys',
        accessKey: a.accessKeyId,
        secretKey: a.secretAccessKey,
        roleArn: seed.roles.logs.arn,
        externalId: seed.externalId,
      },
    },
    analytics: {
      store: 'clickhouse',
      endpoint: `http://${H}:${ports.clickhouse.httpPort}`,
      user: ports.clickhouse.user,
      password: ports.clickhouse.password,
      logTable: `${ports.clickhouse.database}.generations`,
      feedbackTable: `${ports.clickhouse.database}.feedbacks`,
      generationHooksTable: `${ports.clickhouse.database}.generation_hooks`,
    },
    otel: { enabled: true, endpoint: `http://${H}:${ports.otlp.port}`, resourceAttributes: {} },
    cache: {
      store: 'custom',
      url: `redis://:${ports.redisCluster.password}@${H}:${ports.redisCluster.ports[0]}`,
      tls: false,
      mode: 'cluster',
    },
    bedrock: {
      enabled: true,
      region: seed.region,
      role: 'principal',
      principalRoleArn: seed.roles.logs.arn,
      assumeRoleCredentials: {
        accessKeyId: a.accessKeyId,
        secretAccessKey: a.secretAccessKey,
        region: seed.region,
      },
    },
    dataService: {
      enabled: true,
      finetunesBucket: seed.buckets.finetunes,
      finetunesRoleArn: seed.roles.logs.arn,
    },
  })
}

/**
 * Extra IAM identities the seed lacks, created in moto with the seed's admin key (idempotent):
 * a role that may only read, a principal role that may assume others and write any bucket (so a
 * missing bucket reads as NoSuchBucket, not as a policy refusal), and a "separate" Bedrock
 * role that trusts the principal's check session (moto matches trust principals by the caller's
 * exact ARN, so the session ARN is named; AWS accepts that form too).
 */
const IAM_SETUP = `
import json, sys, boto3
from botocore.exceptions import ClientError
seed = json.load(open(sys.argv[1]))
adm = seed["admin"]
iam = boto3.client("iam", endpoint_url=seed["endpoint"], region_name=seed["region"],
                   aws_access_key_id=adm["accessKeyId"], aws_secret_access_key=adm["secretAccessKey"])
P = "arn:aws:iam::" + seed["accountId"] + ":role/"
S = "arn:aws:sts::" + seed["accountId"] + ":assumed-role/"
def doc(stmt): return json.dumps({"Version": "2012-10-17", "Statement": [stmt]})
def trust(principal, ext):
    return doc({"Effect": "Allow", "Principal": {"AWS": principal}, "Action": "sts:AssumeRole",
                "Condition": {"StringEquals": {"sts:ExternalId": ext}}})
objects = ["arn:aws:s3:::%s/*" % b for b in seed["buckets"].values()]
out = {}
for name, principal, ext, action, resource in [
    ("portkey-setup-test-readonly-role", seed["users"]["assumer"]["arn"], seed["externalId"], "s3:GetObject", objects),
    ("portkey-setup-test-principal-role", seed["users"]["assumer"]["arn"], seed["externalId"],
     ["sts:AssumeRole", "s3:GetObject", "s3:PutObject"], "*"),
    ("portkey-setup-test-separate-role", S + "portkey-setup-test-principal-role/portkey-setup-check",
     "separate-ext-id", "bedrock:InvokeModel", "*"),
]:
    try:
        iam.create_role(RoleName=name, AssumeRolePolicyDocument=trust(principal, ext))
    except ClientError as e:
        if e.response["Error"]["Code"] != "EntityAlreadyExists": raise
        iam.update_assume_role_policy(RoleName=name, PolicyDocument=trust(principal, ext))
    iam.put_role_policy(RoleName=name, PolicyName=name + "-policy",
                        PolicyDocument=doc({"Effect": "Allow", "Action": action, "Resource": resource}))
    out[name] = P + name
print(json.dumps(out))
`

export type TestRoles = { readonly: string; principal: string; separate: string; separateExternalId: string }

let roles: TestRoles | undefined
export const testRoles = (): TestRoles => {
  if (roles) return roles
  const python = join(process.env.PEERS_OPT || '/opt/portkey-setup', 'moto-venv', 'bin', 'python')
  let out: string
  try {
    out = execFileSync(python, ['-c', IAM_SETUP, join(peersDir(), ports.moto.seedFile)], { encoding: 'utf8' })
  } catch (e) {
    throw new Error(`could not create the test IAM roles in moto with ${python}: ${(e as Error).message}`)
  }
  const r = JSON.parse(out) as Record<string, string>
  roles = {
    readonly: r['portkey-setup-test-readonly-role']!,
    principal: r['portkey-setup-test-principal-role']!,
    separate: r['portkey-setup-test-separate-role']!,
    separateExternalId: 'separate-ext-id',
  }
  return roles
}
