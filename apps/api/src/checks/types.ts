import type { DeploymentConfig } from '@portkey-setup/schema'
import type { NetworkPolicy } from './policy.js'

/** The parts of a config that can be checked, in the order the wizard shows them. */
export const CHECK_TARGETS = [
  'registry',
  'logStore',
  'analytics',
  'otel',
  'cache',
  'bedrock',
  'dataService',
] as const
export type CheckTarget = (typeof CHECK_TARGETS)[number]

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skipped'

/** Expected failure classes; anything else is a bug and reported as INTERNAL. */
export const CHECK_ERROR_CODES = [
  'AUTH_FAILED',
  'ACCESS_DENIED',
  'NOT_FOUND',
  'TIMEOUT',
  'CONNECTION_REFUSED',
  'CONNECTION_FAILED',
  'DNS_NOT_FOUND',
  'TLS_FAILED',
  'TARGET_BLOCKED',
  'UNSUPPORTED',
  'UNAVAILABLE',
  'PROTOCOL_ERROR',
  'MISMATCH',
  'CANCELLED',
  'INTERNAL',
] as const
export type CheckErrorCode = (typeof CHECK_ERROR_CODES)[number]

export type FieldPath = (string | number)[]

export type CheckStep = {
  name: string
  status: CheckStatus
  durationMs: number
  detail?: string
}

export type CheckError = {
  code: CheckErrorCode
  /** What went wrong, in words a user understands; never bytes the peer sent, never a secret. */
  message: string
  /** What to change, naming the config field. */
  hint: string
  field?: FieldPath
}

/** The contract's CheckResult (api-contract.md). */
export type CheckResult = {
  target: CheckTarget
  kind: string
  status: CheckStatus
  durationMs: number
  steps: CheckStep[]
  error?: CheckError
}

/** Where a check may look besides the provider's public endpoints, and what else it trusts. */
export type CheckEnvironment = {
  /**
   * TEST ONLY, off by default: send a provider's traffic to another base URL (e.g. moto, Azurite).
   * Keys: s3, wasabi, gcs, sts, azureBlob (may contain {account}), entraAuthority.
   */
  endpointOverrides?: EndpointOverrides
  /** Extra CA certificates (PEM) trusted for check targets next to the system roots (internal CAs). */
  extraCa?: string[]
}

export type EndpointOverrides = Partial<Record<EndpointKey, string>>
export type EndpointKey = 's3' | 'wasabi' | 'gcs' | 'sts' | 'azureBlob' | 'entraAuthority'

/** What a check receives besides the config. */
export type CheckContext = {
  /** Aborted at the deadline or when the caller goes away. */
  signal: AbortSignal
  /** performance.now() value at which the check is cut off. */
  deadline: number
  policy: NetworkPolicy
  env: CheckEnvironment
  /** Runs one timed step; the first failing step ends the check. A returned string becomes the detail. */
  step: <T>(name: string, fn: () => Promise<T> | T, opts?: StepOptions<T>) => Promise<T>
  /** Records a step that was not performed, with the reason. */
  skipStep: (name: string, detail: string) => void
  /** Marks the last finished step as a warning; the check ends as warn unless something fails. */
  warn: (detail: string) => void
  /** Registers cleanup (close a client, end a socket); runs when the check ends, even on timeout. */
  defer: (fn: () => unknown) => void
  /** Milliseconds left before the deadline (never below 1). */
  remainingMs: () => number
  /** A timeout for a client library: past our deadline, so the deadline (and its message) wins. */
  libraryTimeoutMs: () => number
}

export type StepOptions<T> = {
  /** The detail shown for a passing step. */
  detail?: (value: T) => string | undefined
}

/** A check for one option of a target. */
export type CheckDefinition<C = DeploymentConfig> = {
  target: CheckTarget
  /** The backend actually probed, e.g. "s3_assume" or "redis-cluster". */
  kind: (config: C) => string
  /** The field that names the host to reach, for network-level failures (DNS, refused, TLS...). */
  endpointField: (config: C) => FieldPath
  run: (config: C, ctx: CheckContext) => Promise<void>
}

/** An option that cannot be proven from the API's host, with the reason and what proves it instead. */
export type SkippedOption = { skipped: string; kind?: string }

export const defineCheck = <C = DeploymentConfig>(def: CheckDefinition<C>): CheckDefinition<C> => def
