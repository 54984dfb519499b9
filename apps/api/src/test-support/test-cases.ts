import type { DeploymentConfig } from '@portkey-setup/schema'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { checkTarget } from '../checks/catalog.js'
import type { CheckEnvironment, CheckResult, CheckTarget, FieldPath } from '../checks/runner/types.js'
import { ports, runOptions } from './peers.js'
import { closedPort, recordingListener, socketSpies } from './test-listener.js'

/**
 * The network failure classes every check meets, against real sockets: a refused port, a peer
 * that accepts and never answers, an unknown host, and targets the policy refuses (checked to
 * open no socket at all).
 */
export type Endpoint = { config: DeploymentConfig; env?: CheckEnvironment }
export type MakeEndpoint = (host: string, port: number) => Endpoint

export const TIMEOUT_TEST_MS = 1500

export const expectFailure = (r: CheckResult, code: string, field?: FieldPath) => {
  expect(r.status, JSON.stringify(r)).toBe('fail')
  expect(r.error?.code, JSON.stringify(r.error)).toBe(code)
  if (field) expect(r.error?.field).toEqual(field)
  expect(r.error?.message.length).toBeGreaterThan(10)
  expect(r.error?.hint.length).toBeGreaterThan(10)
  expect(r.steps.at(-1)?.status).toBe('fail')
}

export const METADATA_TARGETS = [
  '169.254.169.254',
  '0xA9FEA9FE',
  '[::ffff:169.254.169.254]',
  'metadata.google.internal',
]

export const networkFailureCases = (
  target: CheckTarget,
  make: MakeEndpoint,
  field: FieldPath,
  metadataTargets: string[] = METADATA_TARGETS,
) => {
  const run = (e: Endpoint, over: Parameters<typeof runOptions>[0] = {}) =>
    checkTarget(
      e.config,
      target,
      runOptions({
        ...over,
        env: { ...runOptions().env, ...e.env },
        // A bug shows up as INTERNAL in the assertion; its stack goes to the test output.
        onInternalError: (i) => console.error(`check bug in ${i.target}: ${i.stack}`),
      }),
    )

  it('refused port: CONNECTION_REFUSED naming the endpoint field', async () => {
    const r = await run(make('127.0.0.1', await closedPort()))
    expectFailure(r, 'CONNECTION_REFUSED', field)
  })

  it(`a peer that accepts and never answers: TIMEOUT within the deadline + 0.5 s`, async () => {
    const t0 = performance.now()
    const r = await run(make('127.0.0.1', ports.blackhole.port), { timeoutMs: TIMEOUT_TEST_MS })
    const took = performance.now() - t0
    expectFailure(r, 'TIMEOUT', field)
    expect(took).toBeLessThan(TIMEOUT_TEST_MS + 500)
  })

  it('unknown host: DNS_NOT_FOUND', async () => {
    const r = await run(make('no-such-peer.invalid', 443))
    expectFailure(r, 'DNS_NOT_FOUND', field)
  })

  blockedCases(run, make, field, metadataTargets)
}

const blockedCases = (
  run: (e: Endpoint, over?: Parameters<typeof runOptions>[0]) => Promise<CheckResult>,
  make: MakeEndpoint,
  field: FieldPath,
  metadataTargets: string[],
) => {
  let spies: ReturnType<typeof socketSpies>
  beforeEach(() => {
    spies = socketSpies()
  })
  afterEach(() => spies.restore())

  it.each(metadataTargets)('metadata target %s: TARGET_BLOCKED and no socket to it', async (host) => {
    const r = await run(make(host, 80))
    expectFailure(r, 'TARGET_BLOCKED', field)
    expect(spies.hosts().filter((h) => !h.startsWith('127.0.0.1:'))).toEqual([])
  })

  it('loopback without CHECKS_ALLOW_LOOPBACK: TARGET_BLOCKED and the listener sees no connection', async () => {
    const listener = await recordingListener()
    try {
      const r = await run(make('127.0.0.1', listener.port), {
        policy: { allowLoopback: false, denyPrivate: false, allowCidrs: [], denyCidrs: [] },
      })
      expectFailure(r, 'TARGET_BLOCKED', field)
      await new Promise((res) => setTimeout(res, 20))
      expect(listener.connections()).toBe(0)
    } finally {
      await listener.close()
    }
  })
}
