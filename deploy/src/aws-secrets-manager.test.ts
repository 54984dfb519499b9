import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type DeploymentConfig, DeploymentConfigSchema } from '@portkey-setup/schema'
import { fixtures } from '@portkey-setup/schema/fixtures'
import { beforeAll, describe, expect, it } from 'vitest'
import { unzipBundle } from './bundle-run.js'
import { sh } from './cluster.js'

/**
 * create-aws-secret.sh of an AWS Secrets Manager bundle, run as a user runs it, against moto
 * (scripts/peers, IAM auth enforced) with the real aws CLI (scripts/setup-awscli.sh): it creates
 * the secret from secrets.env, stores a new version on a second run, puts the read policy on the
 * role, and never prints a secret. The secret is then read back with the CLI.
 */
const RUN = Date.now().toString(36)
const ROOT = new URL('../../', import.meta.url).pathname
const seedFile = `${process.env.PEERS_DIR || '/tmp/portkey-setup-peers'}/moto-seed.json`
type Seed = { endpoint: string; region: string; admin: { accessKeyId: string; secretAccessKey: string } }

let awsBin = ''
let seed: Seed
const env = () => ({
  AWS_ACCESS_KEY_ID: seed.admin.accessKeyId,
  AWS_SECRET_ACCESS_KEY: seed.admin.secretAccessKey,
  AWS_ENDPOINT_URL: seed.endpoint,
  AWS_DEFAULT_REGION: seed.region,
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  PATH: `${join(awsBin, '..')}:${process.env.PATH ?? ''}`,
})
const aws = async (args: string[]) => {
  const r = await sh(awsBin, [...args, '--output', 'json'], { env: env() })
  expect(r.code, r.stderr).toBe(0)
  return JSON.parse(r.stdout || 'null')
}

beforeAll(() => {
  awsBin = execFileSync('bash', [join(ROOT, 'scripts/setup-awscli.sh')], { encoding: 'utf8' }).trim()
  try {
    seed = JSON.parse(readFileSync(seedFile, 'utf8'))
  } catch {
    throw new Error(`${seedFile} is missing: run \`bash scripts/peers/up.sh moto\` first`)
  }
}, 600_000)

const configFor = (secretId: string, role: string): DeploymentConfig =>
  DeploymentConfigSchema.parse({
    ...fixtures['secrets-aws-sm'],
    secrets: {
      ...fixtures['secrets-aws-sm'].secrets,
      secretId,
      roleArn: `arn:aws:iam::123456789012:role/${role}`,
    },
  })

const trust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
})

describe('create-aws-secret.sh against moto', () => {
  it('creates the secret from secrets.env, then stores a new version, and lets the role read it', async () => {
    const role = `PortkeySecrets-${RUN}`
    const secretId = `portkey/gateway-${RUN}`
    await aws(['iam', 'create-role', '--role-name', role, '--assume-role-policy-document', trust])
    const config = configFor(secretId, role)
    const b = await unzipBundle(config)
    const envFile = join(b.dir, 'secrets.env')
    const lines = readFileSync(envFile, 'utf8').split('\n')
    const secretLines = lines.filter((l) => /^[A-Z_]+=/.test(l) && !l.startsWith('REGISTRY_'))
    const expected = Object.fromEntries(
      secretLines.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    )
    const run = () => sh('bash', [join(b.dir, 'scripts/create-aws-secret.sh')], { env: env() })

    const first = await run()
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(first.stdout).toContain(`Creating secret ${secretId} in us-east-1`)
    for (const v of Object.values(expected)) if (v.length > 8) expect(first.stdout).not.toContain(v)
    const read = async () =>
      JSON.parse((await aws(['secretsmanager', 'get-secret-value', '--secret-id', secretId])).SecretString)
    expect(await read()).toEqual(expected)
    // Only the keys the gateway reads from the secret: the registry lines stay out.
    expect(Object.keys(await read()).some((k) => k.startsWith('REGISTRY_'))).toBe(false)

    const policy = await aws([
      'iam',
      'get-role-policy',
      '--role-name',
      role,
      '--policy-name',
      'portkey-secrets-manager-read',
    ])
    const doc =
      typeof policy.PolicyDocument === 'string'
        ? JSON.parse(decodeURIComponent(policy.PolicyDocument))
        : policy.PolicyDocument
    expect(doc.Statement[0].Action).toEqual([
      'secretsmanager:GetSecretValue',
      'secretsmanager:DescribeSecret',
    ])
    expect(doc.Statement[0].Resource).toEqual([
      `arn:aws:secretsmanager:us-east-1:123456789012:secret:${secretId}-??????`,
    ])

    // A value with quotes, $(...) and a backslash reaches the secret verbatim on the second run.
    const tricky = `p'a"s$(echo no)\\w\`x\``
    writeFileSync(
      envFile,
      lines
        .map((l) => (l.startsWith('PORTKEY_CLIENT_AUTH=') ? `PORTKEY_CLIENT_AUTH=${tricky}` : l))
        .join('\n'),
    )
    const second = await run()
    expect(second.stderr).toBe('')
    expect(second.code).toBe(0)
    expect(second.stdout).toContain(`Secret ${secretId} exists in us-east-1: storing a new version`)
    expect(second.stdout).not.toContain(tricky)
    expect(await read()).toEqual({ ...expected, PORTKEY_CLIENT_AUTH: tricky })
    const versions = await aws(['secretsmanager', 'list-secret-version-ids', '--secret-id', secretId])
    expect(versions.Versions.length).toBe(2)
  }, 120_000)

  it('refuses before changing anything when the role does not exist', async () => {
    const secretId = `portkey/no-role-${RUN}`
    const b = await unzipBundle(configFor(secretId, `Missing-${RUN}`))
    const r = await sh('bash', [join(b.dir, 'scripts/create-aws-secret.sh')], { env: env() })
    expect(r.code).not.toBe(0)
    expect(r.stderr).toContain('does not exist yet')
    const list = await aws(['secretsmanager', 'list-secrets'])
    expect(list.SecretList.map((s: { Name: string }) => s.Name)).not.toContain(secretId)
  }, 120_000)
})
