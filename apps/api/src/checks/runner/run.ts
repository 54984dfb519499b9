import { setMaxListeners } from 'node:events'
import { performance } from 'node:perf_hooks'
import { createNetworkPolicy, type LookupFn, type PolicySettings } from '../net/policy.js'
import { fieldLabel, labelFields, networkFailure } from './classify.js'
import { CheckFailure } from './failure.js'
import { openTargets } from './open.js'
import { scrubber } from './scrub.js'
import type {
  CheckContext,
  CheckDefinition,
  CheckEnvironment,
  CheckResult,
  CheckStatus,
  CheckStep,
  CheckTarget,
  FieldPath,
} from './types.js'

export type RunOptions = {
  policy: PolicySettings
  /** Per-check deadline (CHECKS_TIMEOUT_MS). */
  timeoutMs: number
  env?: CheckEnvironment
  /** The caller went away: stop early. */
  signal?: AbortSignal
  /** Tests: a resolver other than the system's. */
  lookup?: LookupFn
  /** Told about bugs (never about expected failures); gets a secret-free summary. */
  onInternalError?: (info: { target: CheckTarget; name: string; stack: string }) => void
}

class DeadlineReached extends Error {
  override name = 'DeadlineReached'
}
class Cancelled extends Error {
  override name = 'Cancelled'
}
/** Marks a failure already recorded as a step, so the runner does not record it twice. */
class StepFailed extends Error {
  constructor(readonly failure: CheckFailure) {
    super(failure.message)
  }
}

const ms = (from: number) => Math.round(performance.now() - from)

export const skippedResult = (target: CheckTarget, kind: string, reason: string): CheckResult => ({
  target,
  kind,
  status: 'skipped',
  durationMs: 0,
  steps: [{ name: 'skipped', status: 'skipped', durationMs: 0, detail: reason }],
})

/**
 * Runs one check under a deadline. The first failing step ends it; expected failures become a
 * `fail` result with a code, message, hint and field; a bug becomes INTERNAL. Never throws.
 * Every text in the result is scrubbed of the config's secrets before it leaves.
 */
export const runCheck = async <C>(
  def: CheckDefinition<C>,
  config: C,
  opts: RunOptions,
): Promise<CheckResult> => {
  const skip = def.skip?.(config)
  if (skip) return skippedResult(def.target, def.kind(config), skip)

  const started = performance.now()
  const deadline = started + opts.timeoutMs
  // Three ways to stop: the deadline, the caller going away, and the end of the check (which
  // stops whatever a client library still has running).
  const deadlineAc = new AbortController()
  const done = new AbortController()
  const signal = AbortSignal.any([deadlineAc.signal, done.signal, ...(opts.signal ? [opts.signal] : [])])
  // Every client call of the check listens on this one signal.
  setMaxListeners(100, signal)
  const timer = setTimeout(() => deadlineAc.abort(new DeadlineReached('deadline')), opts.timeoutMs)
  const timedOut = () => signal.aborted && signal.reason instanceof DeadlineReached

  const aborted = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason)
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true })
  })
  aborted.catch(() => {})

  const env = opts.env ?? {}
  const policy = createNetworkPolicy(opts.policy, { lookup: opts.lookup, extraCa: env.extraCa ?? [] })
  const steps: CheckStep[] = []
  const cleanups: (() => unknown)[] = []
  let endpointField: FieldPath = []
  let kind = 'unknown'
  let current = 'start'
  let currentStart = started
  let finished = false

  const toFailure = (err: unknown): CheckFailure | undefined => {
    if (err instanceof CheckFailure) return err
    if (err instanceof DeadlineReached || timedOut())
      return new CheckFailure(
        'TIMEOUT',
        `No answer within ${(opts.timeoutMs / 1000).toFixed(1)} s during "${current}".`,
        current === 'tls'
          ? `The server accepted the connection but never finished a TLS handshake: check that the port in ${fieldLabel(endpointField)} speaks TLS (scheme and TLS setting).`
          : `Check that the server in ${fieldLabel(endpointField)} is up and reachable from this machine; a firewall that drops packets or a port that accepts but never answers looks like this.`,
        endpointField,
      )
    // Aborted otherwise: the caller went away.
    if (err instanceof Cancelled || signal.aborted)
      return new CheckFailure('CANCELLED', 'The check was cancelled before it finished.', 'Run it again.')
    return networkFailure(err, endpointField)
  }

  const ctx: CheckContext = {
    signal,
    deadline,
    policy,
    env,
    remainingMs: () => Math.max(1, Math.floor(deadline - performance.now())),
    libraryTimeoutMs: () => Math.max(1, Math.floor(deadline - performance.now())) + 1000,
    defer: (fn) => {
      cleanups.push(fn)
    },
    skipStep: (name, detail) => {
      steps.push({ name, status: 'skipped', durationMs: 0, detail })
    },
    warn: (detail) => {
      const last = steps.at(-1)
      if (last && last.status === 'pass') {
        last.status = 'warn'
        last.detail = detail
      } else steps.push({ name: current, status: 'warn', durationMs: 0, detail })
    },
    open: (targets, openOpts) => openTargets(ctx, targets, openOpts),
    step: async (name, fn, stepOpts) => {
      current = name
      const t0 = performance.now()
      currentStart = t0
      try {
        if (signal.aborted) throw signal.reason
        const value = await Promise.race([Promise.resolve().then(fn), aborted])
        const detail = stepOpts?.detail?.(value) ?? (typeof value === 'string' ? value : undefined)
        steps.push({ name, status: 'pass', durationMs: ms(t0), ...(detail ? { detail } : {}) })
        return value
      } catch (err) {
        if (err instanceof StepFailed || finished) throw err
        const failure = toFailure(err)
        if (!failure) throw err
        steps.push({ name, status: 'fail', durationMs: ms(t0), detail: failure.message })
        throw new StepFailed(failure)
      }
    },
  }

  const scrub = scrubber(config)
  let result: CheckResult
  try {
    kind = def.kind(config)
    endpointField = def.endpointField(config)
    await Promise.race([def.run(config, ctx), aborted])
    const status: CheckStatus = steps.some((s) => s.status === 'warn') ? 'warn' : 'pass'
    result = { target: def.target, kind, status, durationMs: ms(started), steps }
  } catch (err) {
    finished = true
    let failure = err instanceof StepFailed ? err.failure : toFailure(err)
    // On the deadline the step itself may have recorded the failure already.
    const last = steps.at(-1)
    const recorded = last?.status === 'fail' && last.name === current
    if (failure && !(err instanceof StepFailed) && !recorded)
      steps.push({ name: current, status: 'fail', durationMs: ms(currentStart), detail: failure.message })
    if (!failure) {
      const e = err instanceof Error ? err : new Error(String(err))
      try {
        opts.onInternalError?.({ target: def.target, name: e.name, stack: scrub(e.stack ?? e.name) })
      } catch {
        // a failing logger must not turn a result into an exception
      }
      failure = new CheckFailure(
        'INTERNAL',
        'The check itself failed unexpectedly; this is a bug in portkey-setup, not in your settings.',
        'Try again; if it persists, report it with the request id.',
      )
      steps.push({ name: current, status: 'fail', durationMs: ms(currentStart), detail: failure.message })
    }
    result = {
      target: def.target,
      kind,
      status: 'fail',
      durationMs: ms(started),
      steps,
      error: failure.toError(),
    }
  } finally {
    finished = true
    clearTimeout(timer)
    done.abort(new Cancelled('finished'))
    // Cleanup runs after the answer is decided and never delays it.
    for (const fn of cleanups.reverse())
      Promise.resolve()
        .then(fn)
        .catch(() => {})
    policy.destroyAll()
  }
  return scrubResult(result, scrub, config)
}

const scrubResult = (r: CheckResult, scrub: (s: string) => string, config: unknown): CheckResult => ({
  ...r,
  steps: r.steps.map((s) => (s.detail ? { ...s, detail: scrub(s.detail) } : s)),
  ...(r.error
    ? {
        error: {
          ...r.error,
          message: scrub(r.error.message),
          hint: scrub(labelFields(r.error.hint, config)),
        },
      }
    : {}),
})
