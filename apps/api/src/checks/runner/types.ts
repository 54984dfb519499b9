import type http from 'node:http'
import type https from 'node:https'
import type { CheckTarget, DeploymentConfig } from '@portkey-setup/schema'
import type { Agent as UndiciAgent } from 'undici'
import type { NetworkPolicy, TlsOptions } from '../net/policy.js'
import type { RedisConnectorClass } from '../net/policy-clients.js'
import type { SocksGate } from '../net/socks-gate.js'

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

/** A host a check reaches: TCP, then TLS unless `tls` is false. */
export type OpenTarget = { host: string; port: number; tls: TlsOptions | false }

export type OpenOptions = {
  /**
   * Only resolve and judge the hosts (the `resolve` step): the client dials them itself, through
   * the policy (the Mongo driver, through the SOCKS gate).
   */
  resolveOnly?: boolean
}

/**
 * What `ctx.open` hands back: the targets it opened, and the ways a client library may dial
 * through the same network policy. Each client is made on first use and closed when the check ends.
 */
export type OpenedTargets = {
  /** The distinct targets, in the order given (the Mongo seeds, once SRV has named them). */
  targets: OpenTarget[]
  /** Node http and https agents (AWS SDK through @smithy/node-http-handler, Azure SDK). */
  agents: () => { http: http.Agent; https: https.Agent }
  /** An undici dispatcher (registry, ClickHouse, OTLP); it follows no redirects. */
  dispatcher: () => Promise<UndiciAgent>
  /** A SOCKS5 gate on loopback for a driver that resolves and dials by itself (MongoDB). */
  socksGate: () => Promise<SocksGate>
  /** An ioredis connector for the seed and every cluster node the server reports. */
  redisConnector: (o: { tls: boolean; seedHost: string }) => Promise<RedisConnectorClass>
}

/** What a check receives besides the config. */
export type CheckContext = {
  /** Aborted at the deadline or when the caller goes away. */
  signal: AbortSignal
  /** performance.now() value at which the check is cut off. */
  deadline: number
  policy: NetworkPolicy
  env: CheckEnvironment
  /**
   * The first steps of every check: `resolve` (each host resolved once and judged by the policy),
   * then `connect` and, where asked, `tls`, as timed steps. The sockets are parked, so the client
   * library's first request to each target reuses them.
   */
  open: (
    targets: OpenTarget | readonly OpenTarget[] | (() => Promise<readonly OpenTarget[]>),
    opts?: OpenOptions,
  ) => Promise<OpenedTargets>
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
  /**
   * Why this config cannot be proven from here although the option has a check (no keys to
   * assume the role with, say); decided before anything is dialled. Undefined: it runs.
   */
  skip?: (config: C) => string | undefined
  run: (config: C, ctx: CheckContext) => Promise<void>
}

/** An option that cannot be proven from the API's host, with the reason and what proves it instead. */
export type SkippedOption = { skipped: string; kind?: string }

export const defineCheck = <C = DeploymentConfig>(def: CheckDefinition<C>): CheckDefinition<C> => def
