import http from 'node:http'
import https from 'node:https'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { recordingListener, socketSpies } from '../../test-support/test-listener.js'
import type { PolicySettings } from './address-rules.js'
import { type CheckedAddress, createNetworkPolicy, type LookupFn, TargetBlockedError } from './policy.js'
import { policyDispatcher, policyHttpAgent, policyHttpsAgent } from './policy-clients.js'

const OPEN: PolicySettings = { allowLoopback: true, denyPrivate: false, allowCidrs: [], denyCidrs: [] }
const DEFAULT: PolicySettings = { allowLoopback: false, denyPrivate: false, allowCidrs: [], denyCidrs: [] }

/** A resolver for names that do not exist in this sandbox's DNS; anything else goes to the system. */
const fakeDns =
  (table: Record<string, CheckedAddress[]>, calls: string[] = []): LookupFn =>
  async (host) => {
    calls.push(host)
    const hit = table[host]
    if (!hit) throw Object.assign(new Error(`no such host ${host}`), { code: 'ENOTFOUND' })
    return hit
  }

const v4 = (address: string): CheckedAddress => ({ address, family: 4 })

/** Every spelling of a refused target that a user could type into a host field. */
const REFUSED_TARGETS = [
  '169.254.169.254',
  '2852039166',
  '0251.0376.0251.0376',
  '0xA9FEA9FE',
  '169.254.43518',
  '[::ffff:169.254.169.254]',
  '::169.254.169.254',
  '::ffff:a9fe:a9fe',
  '64:ff9b::a9fe:a9fe',
  '2002:a9fe:a9fe::',
  'fe80::1',
  'fd00:ec2::254',
  '168.63.129.16',
  '100.100.100.200',
  'metadata.google.internal',
  'metadata.google.internal.',
  'Metadata',
  'instance-data.ec2.internal',
  '[fe80::1%25eth0]',
  'fe80::1%eth0',
]

describe('network policy: refused before any socket opens', () => {
  let spies: ReturnType<typeof socketSpies>
  beforeEach(() => {
    spies = socketSpies()
  })
  afterEach(() => spies.restore())

  it.each(REFUSED_TARGETS)('%s: connect, lookup, undici and http agents all refuse', async (host) => {
    const dnsCalls: string[] = []
    const policy = createNetworkPolicy(OPEN, { lookup: fakeDns({}, dnsCalls) })
    await expect(policy.connect({ host, port: 80 })).rejects.toBeInstanceOf(TargetBlockedError)
    await expect(policy.connect({ host, port: 443, tls: {} })).rejects.toBeInstanceOf(TargetBlockedError)

    const looked = await new Promise<Error | null>((r) =>
      policy.lookup(host, { all: true }, (err) => r(err as Error)),
    )
    expect(looked).toBeInstanceOf(TargetBlockedError)

    const bare = host.replace(/^\[|\]$/g, '')
    const urlHost = bare.includes(':') ? `[${bare.replace('%', '%25').replace('%2525', '%25')}]` : bare
    const dispatcher = await policyDispatcher(policy)
    const { request } = await import('undici')
    let undiciErr: unknown
    try {
      await request(`http://${urlHost}:8080/`, { dispatcher })
    } catch (err) {
      undiciErr = err
    }
    // A scoped address is not even a valid URL; every other spelling reaches the policy.
    if (host.includes('%')) expect(String(undiciErr)).toMatch(/Invalid URL/)
    else expect(undiciErr).toBeInstanceOf(TargetBlockedError)
    await dispatcher.close()

    for (const [mod, agent] of [
      [http, policyHttpAgent(policy)],
      [https, policyHttpsAgent(policy)],
    ] as const) {
      const err = await new Promise<Error>((resolve) => {
        const req = (mod as typeof http).request({ host: bare, port: 8443, agent: agent as http.Agent }, () =>
          resolve(new Error('answered')),
        )
        req.on('error', resolve)
        req.end()
      })
      expect(err).toBeInstanceOf(TargetBlockedError)
      agent.destroy()
    }
    // Literals and refused names never reach DNS either.
    expect(dnsCalls).toEqual([])
    expect(spies.hosts()).toEqual([])
  })

  it('a name that resolves to a metadata address is refused after DNS, before connecting', async () => {
    const policy = createNetworkPolicy(OPEN, {
      lookup: fakeDns({ 'evil.example': [v4('169.254.169.254')] }),
    })
    await expect(policy.connect({ host: 'evil.example', port: 80 })).rejects.toThrow(
      /evil\.example resolves to 169\.254\.169\.254/,
    )
    expect(spies.count()).toBe(0)
  })

  it('a name with one allowed and one refused answer is refused as a whole', async () => {
    const policy = createNetworkPolicy(OPEN, {
      lookup: fakeDns({
        'mixed.example': [v4('203.0.113.10'), { address: '::ffff:169.254.169.254', family: 6 }],
      }),
    })
    await expect(policy.connect({ host: 'mixed.example', port: 80 })).rejects.toBeInstanceOf(
      TargetBlockedError,
    )
    expect(spies.count()).toBe(0)
  })

  it('a name resolving to a private address is refused with CHECKS_DENY_PRIVATE', async () => {
    const policy = createNetworkPolicy(
      { ...DEFAULT, denyPrivate: true },
      { lookup: fakeDns({ 'db.internal': [v4('10.0.0.7')] }) },
    )
    await expect(policy.connect({ host: 'db.internal', port: 5432 })).rejects.toThrow(/CHECKS_DENY_PRIVATE/)
    expect(spies.count()).toBe(0)
  })
})

describe('network policy: loopback', () => {
  it('refuses loopback by default and opens no connection to a listening port', async () => {
    const listener = await recordingListener()
    try {
      const policy = createNetworkPolicy(DEFAULT)
      for (const host of ['127.0.0.1', 'localhost', '127.1', '2130706433', '::ffff:127.0.0.1', '0.0.0.0'])
        await expect(policy.connect({ host, port: listener.port })).rejects.toBeInstanceOf(TargetBlockedError)
      expect(listener.connections()).toBe(0)
    } finally {
      await listener.close()
    }
  })

  it('connects to the checked address with CHECKS_ALLOW_LOOPBACK, resolving each name once', async () => {
    const listener = await recordingListener()
    const calls: string[] = []
    try {
      const policy = createNetworkPolicy(OPEN, { lookup: fakeDns({ 'svc.test': [v4('127.0.0.1')] }, calls) })
      const a = await policy.connect({ host: 'svc.test', port: listener.port })
      const b = await policy.connect({ host: 'svc.test', port: listener.port })
      expect(a.remoteAddress).toBe('127.0.0.1')
      expect(b.remoteAddress).toBe('127.0.0.1')
      expect(calls).toEqual(['svc.test'])
      await new Promise((r) => setTimeout(r, 20))
      expect(listener.connections()).toBe(2)
      policy.destroyAll()
    } finally {
      await listener.close()
    }
  })

  it('hands a parked socket to the first client connection instead of dialling again', async () => {
    const listener = await recordingListener()
    try {
      const policy = createNetworkPolicy(OPEN)
      const s = await policy.connectTcp('127.0.0.1', listener.port)
      policy.park('127.0.0.1', listener.port, false, s)
      const again = await policy.connect({ host: '127.0.0.1', port: listener.port })
      expect(again).toBe(s)
      await new Promise((r) => setTimeout(r, 20))
      expect(listener.connections()).toBe(1)
      policy.destroyAll()
    } finally {
      await listener.close()
    }
  })
})

describe('network policy: DNS', () => {
  it('an unknown name fails with ENOTFOUND from the system resolver', async () => {
    const policy = createNetworkPolicy(OPEN)
    await expect(policy.connect({ host: 'no-such-host.invalid', port: 80 })).rejects.toMatchObject({
      code: 'ENOTFOUND',
    })
  })
})
