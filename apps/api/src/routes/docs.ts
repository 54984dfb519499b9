import scalar from '@scalar/fastify-api-reference'
import type { FastifyPluginAsync } from 'fastify'
import { jsonSchemaTransformObject } from 'fastify-type-provider-zod'

export const DOCS_PREFIX = '/api/docs'

export type DocsOptions = { nonce: string }

type Json = Record<string, unknown>
const COMPONENT = '#/components/schemas/'

const refsIn = (value: unknown, found: Set<string>) => {
  if (Array.isArray(value)) for (const v of value) refsIn(v, found)
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(COMPONENT))
        found.add(v.slice(COMPONENT.length))
      else refsIn(v, found)
    }
}

const renameRefs = (value: unknown, names: Map<string, string>): unknown => {
  if (Array.isArray(value)) return value.map((v) => renameRefs(v, names))
  if (!value || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) =>
      k === '$ref' && typeof v === 'string' && v.startsWith(COMPONENT)
        ? [k, COMPONENT + (names.get(v.slice(COMPONENT.length)) ?? v.slice(COMPONENT.length))]
        : [k, renameRefs(v, names)],
    ),
  )
}

/**
 * The zod registry's components ($ref targets) for the document. fastify-type-provider-zod emits
 * every registered schema twice (as sent, "…Input", and as answered); only those the paths use are
 * kept, and one used only as sent keeps its plain name (DeploymentConfig, not DeploymentConfigInput).
 */
export const openapiTransformObject: typeof jsonSchemaTransformObject = (input) => {
  const doc = jsonSchemaTransformObject(input) as Json & {
    paths?: Json
    components?: { schemas?: Record<string, Json> } & Json
  }
  const all = doc.components?.schemas ?? {}
  const used = new Set<string>()
  refsIn(doc.paths, used)
  for (let queue = [...used]; queue.length > 0; ) {
    const next = new Set<string>()
    refsIn(all[queue.pop()!], next)
    for (const n of next)
      if (!used.has(n)) {
        used.add(n)
        queue.push(n)
      }
  }
  const names = new Map<string, string>()
  for (const name of used)
    if (name.endsWith('Input') && !used.has(name.slice(0, -'Input'.length)))
      names.set(name, name.slice(0, -'Input'.length))
  const schemas = Object.fromEntries(
    [...used].sort().map((name) => [names.get(name) ?? name, renameRefs(all[name], names)]),
  )
  return {
    ...doc,
    paths: renameRefs(doc.paths, names) as Json,
    components: { ...doc.components, schemas },
  } as ReturnType<typeof jsonSchemaTransformObject>
}

/**
 * GET /api/openapi.json (from @fastify/swagger, i.e. from the zod schemas that validate the
 * requests) and the reference UI at /api/docs, served from this process: no CDN, no fonts from
 * elsewhere, no telemetry, no hosted AI helpers, and tokens typed into it are not persisted.
 */
export const docsRoutes: FastifyPluginAsync<DocsOptions> = async (app, { nonce }) => {
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger())

  await app.register(scalar, {
    routePrefix: DOCS_PREFIX,
    configuration: {
      url: '/api/openapi.json',
      pageTitle: 'portkey-setup API',
      nonce,
      withDefaultFonts: false,
      telemetry: false,
      persistAuth: false,
      hideClientButton: true,
      // Both talk to Scalar's hosted services, which the CSP blocks and an internal tool should not use.
      agent: { disabled: true },
      mcp: { disabled: true },
    },
  })
}
