import { beforeAll, describe, expect, it } from 'vitest'
import { configWith, ports, requirePeers, runOptions } from '../test-support/peers.js'
import { expectFailure } from '../test-support/test-cases.js'
import { checkTarget } from './catalog.js'
import { pullTarget, splitRepository } from './image-ref.js'

/**
 * The registry check probes the image the pods will pull: the registry host of the chosen mirror
 * or repository, at the chart's tag or the user's, against the Debian docker-registry peer, which
 * holds portkeyai/gateway_enterprise at 1.10.20 and 2.13.0 only.
 */
const R = ports.registry
const HOST = `127.0.0.1:${R.port}`
const config = (patch: object, chart = '1.7.7', server = `http://${HOST}`) =>
  configWith({
    chart: { version: chart, releaseName: 'portkey-ai', namespace: 'portkeyai' },
    registry: { mode: 'create', server, username: R.user, password: R.password },
    ...patch,
  })
const run = (c: ReturnType<typeof config>, over = {}) => checkTarget(c, 'registry', runOptions(over))
const images = (over: object) => ({
  images: { gateway: { pullPolicy: 'IfNotPresent', ...over }, dataService: {}, redis: {} },
})

beforeAll(() => requirePeers({ registry: R.port, 'registry-tls': R.tlsPort }))

describe('registry check: the image the pods pull', () => {
  it('a tag of your own that the registry holds passes, naming host/path:tag', async () => {
    const r = await run(config(images({ tag: '1.10.20' })))
    expect(r.status, JSON.stringify(r)).toBe('pass')
    expect(r.steps.at(-1)?.detail).toBe(`${HOST}/portkeyai/gateway_enterprise:1.10.20 can be pulled`)
  })

  it('the tag a chart deploys, missing from the registry: NOT_FOUND on chart.version, naming image:tag', async () => {
    const r = await run(config({}, '1.3.0'))
    expectFailure(r, 'NOT_FOUND', ['chart', 'version'])
    expect(r.error?.message).toContain(`${HOST}/portkeyai/gateway_enterprise:1.16.2`)
    expect(r.error?.message).toContain('the tag chart 1.3.0 deploys')
  })

  it('a tag of your own that is missing: NOT_FOUND on images.gateway.tag', async () => {
    const r = await run(config(images({ tag: '9.9.9' })))
    expectFailure(r, 'NOT_FOUND', ['images', 'gateway', 'tag'])
    expect(r.error?.message).toContain(`${HOST}/portkeyai/gateway_enterprise:9.9.9 (the tag you chose)`)
  })

  it('a mirror with a path prefix the registry lacks: NOT_FOUND on images.registry', async () => {
    const r = await run(config({ images: { registry: `${HOST}/dockerhub` } }))
    expectFailure(r, 'NOT_FOUND', ['images', 'registry'])
    expect(r.error?.message).toContain(`${HOST}/dockerhub/portkeyai/gateway_enterprise:2.13.0`)
  })

  it('a repository of your own on the same registry passes', async () => {
    const r = await run(config(images({ repository: `${HOST}/portkeyai/gateway_enterprise` })))
    expect(r.status, JSON.stringify(r)).toBe('pass')
  })

  it('never sends the Docker Hub login to a mirror on another host: AUTH_FAILED on registry.server', async () => {
    const c = config(
      { images: { registry: `localhost:${R.tlsPort}` } },
      '1.7.7',
      'https://index.docker.io/v1/',
    )
    const r = await run(c)
    expectFailure(r, 'AUTH_FAILED', ['registry', 'server'])
    expect(r.error?.message).toContain('the pull secret is for https://index.docker.io/v1/')
    expect(r.steps.find((s) => s.name === 'connect')?.detail ?? '').not.toContain('docker.io')
  })
})

describe('pullTarget and splitRepository', () => {
  it('splits repositories as docker does', () => {
    expect(splitRepository('docker.io/portkeyai/gateway_enterprise')).toEqual({
      host: 'docker.io',
      path: 'portkeyai/gateway_enterprise',
    })
    expect(splitRepository('redis')).toEqual({ host: 'docker.io', path: 'library/redis' })
    expect(splitRepository('portkeyai/x')).toEqual({ host: 'docker.io', path: 'portkeyai/x' })
    expect(splitRepository('localhost/a/b')).toEqual({ host: 'localhost', path: 'a/b' })
    expect(splitRepository('reg.acme:5000/m/portkeyai/g')).toEqual({
      host: 'reg.acme:5000',
      path: 'm/portkeyai/g',
    })
  })

  it('Docker Hub by default, at the chart tag, with the login', () => {
    const t = pullTarget(config({}, '1.0.7', 'https://index.docker.io/v1/') as never)
    expect(t).toMatchObject({
      base: 'https://registry-1.docker.io',
      path: 'portkeyai/gateway_enterprise',
      tag: '1.10.20',
      login: true,
      field: ['chart', 'version'],
    })
  })
})
