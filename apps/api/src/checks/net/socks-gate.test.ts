import { SocksClient } from 'socks'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ports, requirePeers } from '../../test-support/peers.js'
import { socketSpies } from '../../test-support/test-listener.js'
import { createNetworkPolicy, TargetBlockedError } from './policy.js'
import { openSocksGate, type SocksGate } from './socks-gate.js'

const OPEN = { allowLoopback: true, denyPrivate: false, allowCidrs: [], denyCidrs: [] }

/**
 * The gate the Mongo driver dials through: every CONNECT, including IP literals a replica set
 * might report, is judged by the policy before a socket opens.
 */
describe('SOCKS gate for the MongoDB driver', () => {
  let gate: SocksGate
  const ac = new AbortController()
  beforeEach(async () => {
    gate = await openSocksGate(createNetworkPolicy(OPEN), ac.signal)
  })
  afterEach(() => gate.close())

  const connect = (host: string, port: number, user = gate.username, password = gate.password) =>
    SocksClient.createConnection({
      proxy: { host: gate.host, port: gate.port, type: 5, userId: user, password },
      destination: { host, port },
      command: 'connect',
      timeout: 3000,
    })

  it('tunnels to an allowed destination (FerretDB answers through it)', async () => {
    await requirePeers({ ferretdb: ports.ferretdb.port })
    const { socket } = await connect('127.0.0.1', ports.ferretdb.port)
    expect(gate.connected.has(`127.0.0.1:${ports.ferretdb.port}`)).toBe(true)
    socket.destroy()
  })

  it.each(['169.254.169.254', 'fd00:ec2::254', 'metadata.google.internal'])(
    'refuses %s with "not allowed by ruleset", opening no socket to it',
    async (host) => {
      const spies = socketSpies()
      try {
        await expect(connect(host, 27017)).rejects.toThrow(/NotAllowed|not allowed|rejected/i)
        expect(gate.failures.get(`${host}:27017`)).toBeInstanceOf(TargetBlockedError)
        expect(spies.hosts().filter((h) => !h.startsWith('127.0.0.1:'))).toEqual([])
      } finally {
        spies.restore()
      }
    },
  )

  it('refuses a client without the gate credentials', async () => {
    await expect(connect('127.0.0.1', ports.ferretdb.port, 'someone', 'else')).rejects.toThrow()
    expect(gate.connected.size).toBe(0)
  })
})
