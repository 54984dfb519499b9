import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { configWith, ports, requirePeers, runOptions } from '../test-support/peers.js'
import { expectFailure, networkFailureCases } from '../test-support/test-cases.js'
import { closedPort } from '../test-support/test-listener.js'
import { checkTarget } from './catalog.js'
import { gatewayImageTag, parseChallenge, registryBase } from './image-registry.js'

const R = ports.registry
const registry = (server: string, username = R.user, password = R.password, chart = '1.7.7') =>
  configWith({
    chart: { version: chart, releaseName: 'portkey-ai', namespace: 'portkeyai' },
    registry: { mode: 'create', server, username, password },
  })
const run = (c: ReturnType<typeof registry>, over = {}) => checkTarget(c, 'registry', runOptions(over))

beforeAll(() => requirePeers({ registry: R.port, 'registry-tls': R.tlsPort, 'registry-token': R.tokenPort }))

describe('registry: pass paths against Debian docker-registry', () => {
  it('Basic login over HTTP, chart 1.7.7 pulls gateway 2.13.0', async () => {
    const r = await run(registry(`http://127.0.0.1:${R.port}`))
    expect(r.status, JSON.stringify(r)).toBe('pass')
    expect(r.steps.map((s) => s.name)).toEqual([
      'resolve',
      'connect',
      'handshake',
      'authenticate',
      'pull-access',
    ])
    expect(r.steps.at(-1)?.detail).toContain('gateway_enterprise:2.13.0')
  })

  it('chart 1.0.7 pulls gateway 1.10.20', async () => {
    const r = await run(registry(`http://127.0.0.1:${R.port}`, R.user, R.password, '1.0.7'))
    expect(r.status).toBe('pass')
    expect(r.steps.at(-1)?.detail).toContain('gateway_enterprise:1.10.20')
  })

  it('Bearer token realm with scope repository:portkeyai/gateway_enterprise:pull', async () => {
    const r = await run(registry(`http://127.0.0.1:${R.tokenPort}`))
    expect(r.status, JSON.stringify(r)).toBe('pass')
    expect(r.steps.find((s) => s.name === 'handshake')?.detail).toContain('bearer')
  })

  it('HTTPS with the certificate verified for the host name (test CA trusted as an extra CA)', async () => {
    const r = await run(registry(`https://localhost:${R.tlsPort}`))
    expect(r.status, JSON.stringify(r)).toBe('pass')
    expect(r.steps.find((s) => s.name === 'tls')?.status).toBe('pass')
  })
})

describe('registry: failure classes', () => {
  it('wrong password with Basic: AUTH_FAILED on registry.password', async () => {
    const r = await run(registry(`http://127.0.0.1:${R.port}`, R.user, 'wrong-password'))
    expectFailure(r, 'AUTH_FAILED', ['registry', 'password'])
    expect(r.steps.at(-1)?.name).toBe('authenticate')
  })

  it('wrong password with a token realm: AUTH_FAILED', async () => {
    const r = await run(registry(`http://127.0.0.1:${R.tokenPort}`, R.user, 'wrong-password'))
    expectFailure(r, 'AUTH_FAILED', ['registry', 'password'])
  })

  it('a login without pull rights: ACCESS_DENIED at pull-access', async () => {
    const r = await run(registry(`http://127.0.0.1:${R.tokenPort}`, R.noPullUser, R.noPullPassword))
    expectFailure(r, 'ACCESS_DENIED', ['registry', 'username'])
    expect(r.steps.at(-1)?.name).toBe('pull-access')
  })

  it('wrong CA (the test CA not trusted): TLS_FAILED', async () => {
    const r = await run(registry(`https://localhost:${R.tlsPort}`), { env: { extraCa: [] } })
    expectFailure(r, 'TLS_FAILED', ['registry', 'server'])
  })

  it('a TLS client against a plain HTTP port: TLS_FAILED', async () => {
    const r = await run(registry(`https://127.0.0.1:${R.port}`))
    expectFailure(r, 'TLS_FAILED', ['registry', 'server'])
  })

  it('not a registry (an OTLP receiver answers 404 for /v2/): PROTOCOL_ERROR', async () => {
    const r = await run(registry(`http://127.0.0.1:${ports.otlp.port}`))
    expectFailure(r, 'PROTOCOL_ERROR', ['registry', 'server'])
  })

  // registry.server accepts host names and IPv4 only (the schema refuses IPv6 literals there).
  networkFailureCases(
    'registry',
    (host, port) => ({ config: registry(`http://${host}:${port}`) }),
    ['registry', 'server'],
    ['169.254.169.254', '0xA9FEA9FE', '2852039166', 'metadata.google.internal'],
  )
})

describe('registry: the gateway image is missing (a second, empty docker-registry)', () => {
  let proc: ChildProcess | undefined
  let dir = ''
  let port = 0
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portkey-empty-registry-'))
    port = await closedPort()
    writeFileSync(
      join(dir, 'config.yml'),
      `version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: ${dir}/data\nhttp:\n  addr: 127.0.0.1:${port}\n`,
    )
    proc = spawn('docker-registry', ['serve', join(dir, 'config.yml')], { stdio: 'ignore' })
    const deadline = Date.now() + 15_000
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/v2/`)
        if (res.status === 200) break
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) throw new Error('docker-registry (from scripts/peers/up.sh) did not start')
      await new Promise((r) => setTimeout(r, 100))
    }
  })
  afterAll(() => {
    proc?.kill()
    rmSync(dir, { recursive: true, force: true })
  })

  it('no login needed, but the tag is not there: NOT_FOUND on chart.version', async () => {
    const r = await run(registry(`http://127.0.0.1:${port}`))
    expectFailure(r, 'NOT_FOUND', ['chart', 'version'])
    expect(r.steps.find((s) => s.name === 'handshake')?.detail).toContain('no login required')
  })
})

describe('registry helpers', () => {
  it('maps Docker Hub index URLs to its registry and keeps others', () => {
    expect(registryBase('https://index.docker.io/v1/')).toBe('https://registry-1.docker.io')
    expect(registryBase('docker.io')).toBe('https://registry-1.docker.io')
    expect(registryBase('registry.example.com:5000/v2/')).toBe('https://registry.example.com:5000')
    expect(registryBase('http://127.0.0.1:5000')).toBe('http://127.0.0.1:5000')
  })
  it('parses Bearer challenges with quoted parameters', () => {
    expect(
      parseChallenge('Bearer realm="https://auth.docker.io/token",service="registry.docker.io"'),
    ).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io' },
    })
    expect(parseChallenge('Basic realm="x"')?.scheme).toBe('basic')
    expect(parseChallenge('Negotiate abc')).toBeUndefined()
  })
  it('picks the gateway tag of the chosen release', () => {
    expect(gatewayImageTag('1.0.7')).toBe('1.10.20')
    expect(gatewayImageTag('1.2.0')).toBe('1.15.8')
    expect(gatewayImageTag('1.7.7')).toBe('2.13.0')
    expect(gatewayImageTag('1.6.1')).toBe('2.1.0')
  })
  it('the existing-secret mode is skipped with the reason', async () => {
    const r = await checkTarget(
      configWith({ registry: { mode: 'existing', secretName: 'pull-secret' } }),
      'registry',
      runOptions(),
    )
    expect(r.status).toBe('skipped')
    expect(r.steps[0]?.detail).toMatch(/cannot read it/)
  })
})
