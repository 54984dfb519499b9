import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { isErrorShape, testApp } from '../test-support/app.js'

const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>'

describe('serving the built wizard', async () => {
  const root = mkdtempSync(join(tmpdir(), 'portkey-web-'))
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'index.html'), INDEX)
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log("wizard")')
  writeFileSync(join(root, 'assets', 'index-abc123.js.gz'), gzipSync('console.log("wizard")'))
  writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  writeFileSync(join(root, '.env'), 'SECRET=1')
  const { app } = await testApp({}, { webRoot: root })
  afterAll(async () => {
    await app.close()
    rmSync(root, { recursive: true, force: true })
  })

  it('serves index.html at /, never cached', async () => {
    const r = await app.inject({ url: '/', headers: { accept: 'text/html' } })
    expect(r.statusCode).toBe(200)
    expect(r.headers['content-type']).toMatch(/^text\/html/)
    expect(r.body).toBe(INDEX)
    expect(r.headers['cache-control']).toBe('no-cache')
  })

  it('serves hashed assets as immutable', async () => {
    const r = await app.inject({ url: '/assets/index-abc123.js' })
    expect(r.statusCode).toBe(200)
    expect(r.headers['content-type']).toMatch(/javascript/)
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect((await app.inject({ url: '/favicon.svg' })).headers['cache-control']).toBe('no-cache')
  })

  it('sends the precompressed .gz to browsers that accept gzip, the plain file to others', async () => {
    const gz = await app.inject({
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'gzip, br' },
    })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gz.headers['content-type']).toMatch(/javascript/)
    expect(gunzipSync(gz.rawPayload).toString()).toBe('console.log("wizard")')
    const plain = await app.inject({ url: '/assets/index-abc123.js' })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body).toBe('console.log("wizard")')
  })

  it.each(['/review', '/step/cache?x=1', '/deep/link/here'])(
    'falls back to index.html for a browser navigating to %s',
    async (url) => {
      const r = await app.inject({ url, headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } })
      expect(r.statusCode).toBe(200)
      expect(r.body).toBe(INDEX)
    },
  )

  it('does not fall back for non-HTML requests, /api paths or other methods', async () => {
    const missingAsset = await app.inject({ url: '/assets/missing.js', headers: { accept: '*/*' } })
    expect(missingAsset.statusCode).toBe(404)
    expect(isErrorShape(missingAsset.json())).toBe(true)
    const api = await app.inject({ url: '/api/missing', headers: { accept: 'text/html' } })
    expect(api.statusCode).toBe(404)
    expect(isErrorShape(api.json())).toBe(true)
    const post = await app.inject({
      method: 'POST',
      url: '/review',
      headers: { accept: 'text/html' },
      payload: {},
    })
    expect(post.statusCode).toBe(404)
  })

  it('never serves dotfiles or paths outside the root', async () => {
    expect((await app.inject({ url: '/.env' })).statusCode).toBe(404)
    for (const url of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json']) {
      const r = await app.inject({ url })
      expect(r.body).not.toContain('"name"')
      expect(r.statusCode).toBeGreaterThanOrEqual(400)
    }
  })
})

describe('when apps/web/dist is missing', async () => {
  const { app } = await testApp()
  afterAll(() => app.close())

  it('says the wizard is not built and how to build it', async () => {
    const r = await app.inject({ url: '/', headers: { accept: 'text/html' } })
    expect(r.statusCode).toBe(200)
    expect(r.headers['content-type']).toMatch(/^text\/html/)
    expect(r.body).toMatch(/not built/)
    expect(r.body).toMatch(/npm run build/)
  })

  it('still answers the API', async () => {
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200)
  })
})
