import { afterAll, describe, expect, it } from 'vitest'
import { testApp } from '../test-support/app.js'

type Operation = {
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> }
  responses: Record<
    string,
    { description?: string; content?: Record<string, { schema: Record<string, unknown> }> }
  >
}

describe('OpenAPI document and reference UI', async () => {
  const { app } = await testApp()
  afterAll(() => app.close())
  const raw = (await app.inject({ url: '/api/openapi.json' })).json() as {
    openapi: string
    info: { version: string }
    paths: Record<string, Record<string, Operation>>
    components: { schemas: Record<string, unknown> }
  }
  const PREFIX = '#/components/schemas/'
  // The document as a reader sees it: every $ref replaced by the component it names.
  const deref = (value: unknown, seen: string[] = []): unknown => {
    if (Array.isArray(value)) return value.map((v) => deref(v, seen))
    if (!value || typeof value !== 'object') return value
    const ref = (value as { $ref?: unknown }).$ref
    if (typeof ref === 'string' && ref.startsWith(PREFIX) && !seen.includes(ref))
      return deref(raw.components.schemas[ref.slice(PREFIX.length)], [...seen, ref])
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deref(v, seen)]))
  }
  const doc = deref(raw) as typeof raw

  it('is OpenAPI 3.1 with the package version', () => {
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/)
  })

  it('lists every route, and nothing internal', () => {
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    )
    expect(ops).toEqual(
      expect.arrayContaining([
        'GET /api/health',
        'GET /api/schema',
        'POST /api/validate',
        'POST /api/render',
        'POST /api/bundle',
        'POST /api/import',
      ]),
    )
    expect(ops.some((o) => o.includes('/api/docs') || o.includes('openapi.json') || o.includes('*'))).toBe(
      false,
    )
  })

  it.each(['/api/validate', '/api/render', '/api/bundle'])(
    '%s takes the deployment config (from the zod schema) and documents 200, 422 and the error shapes',
    (path) => {
      const op = doc.paths[path]!.post!
      const body = op.requestBody!.content['application/json']!.schema as {
        type: string
        properties: Record<string, unknown>
        additionalProperties: boolean
      }
      expect(body.type).toBe('object')
      expect(Object.keys(body.properties)).toEqual(
        expect.arrayContaining(['chart', 'registry', 'logStore', 'analytics', 'cache', 'sync', 'secrets']),
      )
      expect(body.additionalProperties).toBe(false)
      expect(op.responses['200']).toBeDefined()
      const invalid = op.responses['422']!.content!['application/json']!.schema as {
        properties: Record<string, unknown>
      }
      expect(Object.keys(invalid.properties)).toEqual(expect.arrayContaining(['valid', 'issues', 'error']))
      for (const status of ['400', '401', '413', '415', '429', '500']) {
        const s = op.responses[status]!.content!['application/json']!.schema as {
          properties: Record<string, unknown>
        }
        expect(Object.keys(s.properties)).toContain('error')
      }
    },
  )

  it('describes the success bodies', () => {
    const schemaOf = (path: string, method: string, status = '200', type = 'application/json') =>
      doc.paths[path]![method]!.responses[status]!.content![type]!.schema as {
        properties?: Record<string, unknown>
      }
    expect(Object.keys(schemaOf('/api/health', 'get').properties!)).toEqual(['status', 'version'])
    expect(Object.keys(schemaOf('/api/validate', 'post').properties!)).toEqual(['valid', 'warnings'])
    expect(Object.keys(schemaOf('/api/render', 'post').properties!)).toEqual(['files'])
    expect(Object.keys(schemaOf('/api/import', 'post').properties!)).toEqual(['config', 'warnings'])
    expect(schemaOf('/api/bundle', 'post', '200', 'application/zip')).toMatchObject({
      type: 'string',
      format: 'binary',
    })
    expect(schemaOf('/api/schema', 'get')).toMatchObject({ type: 'object' })
  })

  it('documents the import body', () => {
    const body = doc.paths['/api/import']!.post!.requestBody!.content['application/json']!.schema as {
      properties: Record<string, unknown>
      required: string[]
    }
    expect(body.required).toEqual(['valuesYaml'])
  })

  it('carries the help text written on the schema', () => {
    const text = JSON.stringify(doc.paths['/api/validate'])
    expect(text).toContain('Version of this config format.')
  })

  it('names each contract shape once, as a component, and every $ref resolves', () => {
    const text = JSON.stringify(raw.paths)
    for (const path of ['/api/validate', '/api/render', '/api/bundle'])
      expect(JSON.stringify(raw.paths[path]!.post!.requestBody)).toContain(`${PREFIX}DeploymentConfig"`)
    expect(text).not.toContain('Version of this config format.')
    expect(Object.keys(raw.components.schemas)).toEqual(
      expect.arrayContaining(['DeploymentConfig', 'Issue', 'ErrorResponse', 'CheckResult', 'ChecksRequest']),
    )
    const refs = JSON.stringify(raw).match(/"#\/components\/schemas\/[^"]+"/g) ?? []
    for (const ref of refs) expect(raw.components.schemas[ref.slice(PREFIX.length + 1, -1)]).toBeDefined()
  })

  it('serves the reference UI and its script from this process', async () => {
    const redirect = await app.inject({ url: '/api/docs' })
    expect(redirect.statusCode).toBe(301)
    expect(redirect.headers.location).toBe('/api/docs/')
    const page = await app.inject({ url: '/api/docs/' })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toMatch(/^text\/html/)
    expect(page.body).toContain('/api/openapi.json')
    expect(page.body).not.toMatch(/cdn\.jsdelivr|fonts\.scalar|https:\/\//)
    const script = await app.inject({ url: '/api/docs/js/scalar.js' })
    expect(script.statusCode).toBe(200)
    expect(script.headers['content-type']).toMatch(/javascript/)
  })
})
