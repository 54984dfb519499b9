import type { CheckTarget, DeploymentConfig } from '@portkey-setup/schema'
import type { NetworkPolicy } from './policy.js'

// The result shape is shared with the wizard: it lives in the schema package.
export {
  CHECK_TARGETS,
  type CheckError,
  type CheckErrorCode,
  type CheckResult,
  type CheckStatus,
  type CheckStep,
  type CheckTarget,
} from '@portkey-setup/schema'

export type FieldPath = (string | number)[]

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
