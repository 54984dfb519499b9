import { join } from 'node:path'
import type { DeploymentConfig } from '../config/index.js'
import { fixtures } from '../fixtures/index.js'
import { validateConfig } from '../validate.js'
import { writeBundleDir } from './bundle-dir.js'
import { argvOf, runScript, type StubRule } from './stub-bin.js'

/** Stub aws CLI answers and helpers shared by the IAM script tests. */
export const ACCOUNT = '123456789012'
export const ISSUER = 'https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE'
export const PROVIDER_ARN = `arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER.slice(8)}`
export const DESCRIPTION = ['--description', 'Used by the Portkey gateway']

/** An AWS account where nothing Portkey-related exists yet. */
export const aws = (extra: StubRule[] = [], account = ACCOUNT, issuer = ISSUER): StubRule[] => [
  ...extra,
  { match: 'sts get-caller-identity --query Account *', stdout: account },
  { match: 'sts get-caller-identity --query Arn *', stdout: `arn:aws:sts::${account}:assumed-role/Admin/me` },
  { match: 'eks describe-cluster *', stdout: issuer },
  { match: 'iam get-*', exit: 1 },
]
export const valid = (input: unknown): DeploymentConfig => {
  const r = validateConfig(input)
  if (!r.valid) throw new Error(JSON.stringify(r.issues))
  return r.config
}
export const run = (config: DeploymentConfig, script: string, rules: StubRule[], opts = {}) =>
  runScript(join(writeBundleDir(config), 'scripts', script), { aws: rules }, opts)
/** aws calls that change something (everything but reads). */
export const changes = (r: ReturnType<typeof runScript>) =>
  argvOf(r, 'aws').filter((a) => !/^(get-|describe-|get-caller)/.test(a[1] ?? ''))

/** A fixture with its log store auth changed (merged into the fixture's, or replacing it). */
export const withAuth = (name: 's3-assume-access-keys' | 's3-assume-irsa', auth: object, replace = false) => {
  const input = fixtures[name] as unknown as { logStore: { auth: object } }
  const merged = replace ? auth : { ...input.logStore.auth, ...auth }
  return valid({ ...fixtures[name], logStore: { ...input.logStore, auth: merged } })
}
