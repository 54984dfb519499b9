import { SENTINEL } from '@portkey-setup/schema/fixtures'
import { describe, expect, it } from 'vitest'
import { configWith } from '../../test-support/peers.js'
import { closedPort } from '../../test-support/test-listener.js'
import { fail } from './failure.js'
import { runCheck } from './run.js'
import { type CheckContext, defineCheck } from './types.js'

const config = configWith({})
const opts = {
  policy: { allowLoopback: true, denyPrivate: false, allowCidrs: [], denyCidrs: [] },
  timeoutMs: 1500,
}

const synthetic = (run: (ctx: CheckContext) => Promise<void>) =>
  defineCheck({
    target: 'otel',
    kind: () => 'synthetic',
    endpointField: () => ['otel', 'endpoint'],
    run: (_c, ctx) => run(ctx),
  })

describe('runCheck: the step timer', () => {
  it('records each step with its duration and detail, and passes', async () => {
    const r = await runCheck(
      synthetic(async (ctx) => {
        await ctx.step('one', async () => 'first done')
        await ctx.step('two', () => new Promise((res) => setTimeout(res, 30)))
        ctx.skipStep('three', 'not here')
      }),
      config,
      opts,
    )
    expect(r.status).toBe('pass')
    expect(r.steps.map((s) => [s.name, s.status])).toEqual([
      ['one', 'pass'],
      ['two', 'pass'],
      ['three', 'skipped'],
    ])
    expect(r.steps[0]!.detail).toBe('first done')
    expect(r.steps[1]!.durationMs).toBeGreaterThanOrEqual(25)
    expect(r.error).toBeUndefined()
  })

  it('the first failing step ends the check with its code, hint and field', async () => {
    let after = false
    const r = await runCheck(
      synthetic(async (ctx) => {
        await ctx.step('one', async () => 'ok')
        await ctx.step('two', () => fail('ACCESS_DENIED', 'denied', 'grant it', ['logStore', 'bucket']))
        after = true
        await ctx.step('three', async () => 'never')
      }),
      config,
      opts,
    )
    expect(after).toBe(false)
    expect(r.status).toBe('fail')
    expect(r.steps.map((s) => s.status)).toEqual(['pass', 'fail'])
    expect(r.error).toEqual({
      code: 'ACCESS_DENIED',
      message: 'denied',
      hint: 'grant it',
      field: ['logStore', 'bucket'],
    })
  })

  it('a warning makes the check warn', async () => {
    const r = await runCheck(
      synthetic(async (ctx) => {
        await ctx.step('one', async () => 'ok')
        ctx.warn('works, but look at this')
      }),
      config,
      opts,
    )
    expect(r.status).toBe('warn')
    expect(r.steps[0]).toMatchObject({ status: 'warn', detail: 'works, but look at this' })
  })

  it('stops at the deadline with TIMEOUT naming the step, within deadline + 0.5 s', async () => {
    const t0 = performance.now()
    const r = await runCheck(
      synthetic(async (ctx) => {
        await ctx.step('resolve', async () => 'ok')
        await ctx.step('hangs', () => new Promise(() => {}))
      }),
      config,
      opts,
    )
    const took = performance.now() - t0
    expect(r.status).toBe('fail')
    expect(r.error?.code).toBe('TIMEOUT')
    expect(r.error?.message).toContain('"hangs"')
    expect(r.error?.field).toEqual(['otel', 'endpoint'])
    expect(took).toBeGreaterThanOrEqual(1400)
    expect(took).toBeLessThan(1500 + 500)
  })

  it('a bug becomes INTERNAL without its message, and is reported once to the logger', async () => {
    const seen: unknown[] = []
    const r = await runCheck(
      synthetic(async (ctx) => {
        await ctx.step('boom', () => {
          throw new TypeError(`cannot read ${SENTINEL}-registry`)
        })
      }),
      config,
      { ...opts, onInternalError: (i) => seen.push(i) },
    )
    expect(r.status).toBe('fail')
    expect(r.error?.code).toBe('INTERNAL')
    expect(JSON.stringify(r)).not.toContain('cannot read')
    expect(seen).toHaveLength(1)
    // The stack handed to the logger is scrubbed of the config's secrets too.
    expect(JSON.stringify(seen)).not.toContain(`${SENTINEL}-registry`)
  })

  it('no secret of the config survives in a message, hint or detail', async () => {
    const secret = `${SENTINEL}-registry`
    const r = await runCheck(
      synthetic(async (ctx) => {
        await ctx.step('leaky', async () => `detail with ${secret} and ${encodeURIComponent(secret)}`)
        fail('AUTH_FAILED', `message with ${secret}`, `hint with ${secret}`)
      }),
      config,
      opts,
    )
    expect(JSON.stringify(r)).not.toContain(SENTINEL)
    expect(r.steps[0]!.detail).toContain('[redacted]')
  })

  it('the password inside a secret URL is scrubbed on its own too', async () => {
    const c = configWith({
      cache: {
        store: 'custom',
        url: 'redis://cacheuser:p%40ss-w0rd-xyz@redis.example:6379',
        tls: false,
        mode: 'standalone',
      },
    })
    const r = await runCheck(
      synthetic(async () => {
        fail('AUTH_FAILED', 'server said p@ss-w0rd-xyz and p%40ss-w0rd-xyz for cacheuser', 'fix')
      }),
      c,
      opts,
    )
    expect(r.error?.message).toBe('server said [redacted] and [redacted] for cacheuser')
  })

  it('the caller going away cancels the check', async () => {
    const ac = new AbortController()
    setTimeout(() => ac.abort(), 50)
    const r = await runCheck(
      synthetic(async (ctx) => {
        await ctx.step('hangs', () => new Promise(() => {}))
      }),
      config,
      { ...opts, signal: ac.signal },
    )
    expect(r.error?.code).toBe('CANCELLED')
  })

  it('network errors are classified with the check endpoint field', async () => {
    const port = await closedPort()
    const r = await runCheck(
      synthetic(async (ctx) => {
        await ctx.step('connect', () => ctx.policy.connectTcp('127.0.0.1', port))
      }),
      config,
      opts,
    )
    expect(r.error?.code).toBe('CONNECTION_REFUSED')
    expect(r.error?.field).toEqual(['otel', 'endpoint'])
  })
})
