import { beforeAll, describe, expect, it } from 'vitest'
import { configWith, ports, requirePeers, runOptions, testCa, wrongCa } from '../test-support/peers.js'
import { expectFailure, networkFailureCases } from '../test-support/test-cases.js'
import { checkTarget } from './catalog.js'
import { parseMongoUrl, refuseUnsafeOptions } from './mongo-url.js'

const F = ports.ferretdb
const H = '127.0.0.1'
const mongo = (connectionUrl: string, tlsCa?: string) =>
  configWith({
    logStore: {
      type: 'mongo',
      connectionUrl,
      database: F.database,
      collection: 'generations',
      hooksCollection: 'generation_hooks',
      ...(tlsCa ? { tlsCa: { fileName: 'ca.pem', pem: tlsCa } } : {}),
    },
  })
const url = (host: string, port: number, q = '', cred = `${F.user}:${F.password}@`) =>
  `mongodb://${cred}${host}:${port}/${F.database}${q}`
const run = (c: ReturnType<typeof mongo>, over = {}) => checkTarget(c, 'logStore', runOptions(over))

beforeAll(() => requirePeers({ ferretdb: F.port, 'ferretdb-tls': F.tlsPort }))

describe('logStore mongo: FerretDB over the MongoDB wire protocol, official driver', () => {
  it('passes: connect, authenticate, version, insert + delete a probe in both collections', async () => {
    const r = await run(mongo(url(H, F.port)))
    expect(r.status, JSON.stringify(r)).toBe('pass')
    expect(r.steps.map((s) => s.name)).toEqual([
      'parse',
      'resolve',
      'connect',
      'authenticate',
      'version',
      'write',
    ])
    expect(r.steps.find((s) => s.name === 'version')?.detail).toMatch(/server \d+\.\d+/)
    expect(r.steps.at(-1)?.detail).toContain('generations and generation_hooks')
  })

  it('passes over TLS with the CA PEM from the config, held in memory', async () => {
    const r = await run(mongo(url('localhost', F.tlsPort, '?tls=true'), testCa()), { env: { extraCa: [] } })
    expect(r.status, JSON.stringify(r)).toBe('pass')
    expect(r.steps.find((s) => s.name === 'connect')?.detail).toContain('TLS verified')
  })

  it('wrong password: AUTH_FAILED on logStore.connectionUrl, the password never echoed', async () => {
    const r = await run(mongo(url(H, F.port, '', `${F.user}:wrong-mongo-pass@`)))
    expectFailure(r, 'AUTH_FAILED', ['logStore', 'connectionUrl'])
    expect(JSON.stringify(r)).not.toContain('wrong-mongo-pass')
  })

  it('wrong CA: TLS_FAILED with the CA hint', async () => {
    const r = await run(mongo(url('localhost', F.tlsPort, '?tls=true'), wrongCa()), { env: { extraCa: [] } })
    expectFailure(r, 'TLS_FAILED', ['logStore', 'connectionUrl'])
    expect(r.error?.hint).toContain('“TLS CA” (Log store)')
  })

  it('certificate checks turned off in the URL: it connects, and the check warns', async () => {
    const r = await run(
      mongo(url('localhost', F.tlsPort, '?tls=true&tlsAllowInvalidCertificates=true'), wrongCa()),
      {
        env: { extraCa: [] },
      },
    )
    expect(r.status, JSON.stringify(r)).toBe('warn')
    expect(r.steps.find((s) => s.status === 'warn')?.detail).toContain('tlsallowinvalidcertificates')
  })

  it('no credentials: the server refuses the write (ACCESS_DENIED)', async () => {
    const r = await run(mongo(url(H, F.port, '', '')))
    expectFailure(r, 'ACCESS_DENIED')
  })

  it('authMechanism=MONGODB-AWS (ambient identity) is refused before any connection', async () => {
    const r = await run(mongo(url(H, F.port, '?authMechanism=MONGODB-AWS', '')))
    expectFailure(r, 'UNSUPPORTED', ['logStore', 'connectionUrl'])
    expect(r.steps.map((s) => s.name)).toEqual(['parse'])
  })

  it('proxyHost in the URL is refused: the driver must not dial around the policy', async () => {
    const r = await run(mongo(url(H, F.port, '?proxyHost=10.0.0.1&proxyPort=1080')))
    expectFailure(r, 'UNSUPPORTED', ['logStore', 'connectionUrl'])
    expect(r.error?.message).toContain('proxyhost')
  })

  it('mongodb+srv with an unknown name: DNS_NOT_FOUND', async () => {
    const r = await run(
      mongo(`mongodb+srv://${F.user}:${F.password}@cluster0.no-such-peer.invalid/${F.database}`),
    )
    expectFailure(r, 'DNS_NOT_FOUND', ['logStore', 'connectionUrl'])
  })

  it('a second seed host that the policy refuses fails the whole URL before connecting', async () => {
    const r = await run(
      mongo(`mongodb://${F.user}:${F.password}@${H}:${F.port},169.254.169.254:27017/${F.database}`),
    )
    expectFailure(r, 'TARGET_BLOCKED', ['logStore', 'connectionUrl'])
    expect(r.steps.at(-1)?.name).toBe('resolve')
  })

  networkFailureCases('logStore', (host, port) => ({ config: mongo(url(host, port)) }), [
    'logStore',
    'connectionUrl',
  ])
})

describe('mongo URL rules', () => {
  const refused = (u: string) => {
    try {
      refuseUnsafeOptions(parseMongoUrl(u))
      return undefined
    } catch (e) {
      return (e as Error).message
    }
  }
  it.each([
    'tlsCAFile=/etc/passwd',
    'tlsCertificateKeyFile=/x.pem',
    'tlsCertificateKeyFilePassword=x',
    'tlsCRLFile=/x.crl',
    'sslCA=/x',
    'proxyHost=h',
    'proxyPort=1',
    'proxyUsername=u',
    'proxyPassword=p',
    'authMechanism=MONGODB-AWS',
    'authMechanism=mongodb-oidc',
    'authMechanism=GSSAPI',
    'authMechanism=MONGODB-X509',
  ])('refuses %s', (q) => {
    expect(refused(`mongodb://h:27017/db?${q}`)).toBeDefined()
  })
  it('allows ordinary options and SCRAM', () => {
    expect(
      refused('mongodb://u:p@h1:27017,h2:27018/db?replicaSet=rs0&tls=true&authMechanism=SCRAM-SHA-256'),
    ).toBeUndefined()
  })
  it('reads hosts, ports and IPv6 seeds', () => {
    expect(parseMongoUrl('mongodb://u:p@a:1,[::1]:2,b/db').hosts).toEqual([
      { host: 'a', port: 1 },
      { host: '::1', port: 2 },
      { host: 'b', port: 27017 },
    ])
  })
})
