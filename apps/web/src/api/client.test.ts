// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest'
import { startApiServer, streamLines } from '../test/api-server'
import { ApiError, ChecksUnavailableError, createApiClient } from './client'

type Server = Awaited<ReturnType<typeof startApiServer>>
let server: Server | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const pass = (target: string) => ({ target, kind: target, status: 'pass', durationMs: 5, steps: [] })

describe('api client', () => {
  it('calls back for each streamed check result as it arrives', async () => {
    server = await startApiServer((_req, res) => streamLines(res, [pass('cache'), pass('registry')], 50))
    const seen: string[] = []
    const results = await createApiClient(server.url).checks({}, ['cache', 'registry'], {
      onResult: (r) => seen.push(r.target),
    })
    expect(seen).toEqual(['cache', 'registry'])
    expect(results.map((r) => r.status)).toEqual(['pass', 'pass'])
  })

  it('accepts a plain JSON answer from a server that does not stream', async () => {
    server = await startApiServer((_req, res) => {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ results: [pass('otel')] }))
    })
    const results = await createApiClient(server.url).checks({}, ['otel'])
    expect(results[0]?.target).toBe('otel')
  })

  it('maps 404/501 to ChecksUnavailableError and 422 to the issues', async () => {
    server = await startApiServer((req, res) => {
      if ((req.body as { targets: string[] }).targets[0] === 'cache') res.writeHead(501).end()
      else
        res.writeHead(422, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            error: { code: 'INVALID_CONFIG', message: 'The config is not valid.', requestId: 'r1' },
            issues: [
              { path: ['logStore', 'bucket'], code: 'invalid_format', message: 'Bucket is not valid.' },
            ],
          }),
        )
    })
    const api = createApiClient(server.url)
    await expect(api.checks({}, ['cache'])).rejects.toBeInstanceOf(ChecksUnavailableError)
    const error = await api.checks({}, ['logStore']).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(422)
    expect((error as ApiError).issues[0]?.path).toEqual(['logStore', 'bucket'])
  })

  it('refuses a check result of the wrong shape', async () => {
    server = await startApiServer((_req, res) => streamLines(res, [{ target: 'cache', status: 'great' }]))
    await expect(createApiClient(server.url).checks({}, ['cache'])).rejects.toThrow(/unexpected shape/)
  })

  it('validates, renders and imports through the API', async () => {
    server = await startApiServer((req, res) => {
      const json = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
      if (req.url === '/api/validate')
        json(422, { valid: false, issues: [{ path: ['sync'], code: 'x', message: 'Sync is required.' }] })
      else if (req.url === '/api/render')
        json(200, { files: [{ path: 'values.yaml', content: 'a: 1\n', mode: 420 }] })
      else if (req.url === '/api/import')
        json(400, { error: { code: 'BAD_YAML', message: 'Line 1: not YAML.' } })
      else if (req.url === '/api/health') json(200, { status: 'ok', version: '0.1.0' })
      else json(404, { error: { code: 'NOT_FOUND', message: 'no' } })
    })
    const api = createApiClient(server.url)
    expect(await api.validate({})).toEqual({
      valid: false,
      issues: [{ path: ['sync'], code: 'x', message: 'Sync is required.' }],
    })
    expect((await api.render({}))[0]?.path).toBe('values.yaml')
    await expect(api.importValues('::')).rejects.toMatchObject({
      status: 400,
      code: 'BAD_YAML',
      message: 'Line 1: not YAML.',
    })
    expect(await api.health()).toEqual({ status: 'ok', version: '0.1.0' })
  })
})
