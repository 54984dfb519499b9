import { randomBytes, randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import swagger from '@fastify/swagger'
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Settings } from './config.js'
import { ApiError, JSON_ONLY_MESSAGE } from './errors.js'
import { createLogger, SafeLogController } from './logger.js'
import { authPlugin, createTokenMatcher } from './plugins/auth.js'
import { corsPlugin } from './plugins/cors.js'
import { errorsPlugin } from './plugins/errors.js'
import { rateLimitPlugin } from './plugins/rate-limit.js'
import { securityHeadersPlugin } from './plugins/security-headers.js'
import { staticWebPlugin } from './plugins/static-web.js'
import { bundleRoutes } from './routes/bundle.js'
import { chartRoutes } from './routes/charts.js'
import { checksRoutes } from './routes/checks.js'
import { DOCS_PREFIX, docsRoutes, openapiTransformObject } from './routes/docs.js'
import { healthRoutes } from './routes/health.js'
import { importRoutes } from './routes/import.js'
import { renderRoutes } from './routes/render.js'
import { schemaRoutes } from './routes/schema.js'
import { upgradeRoutes } from './routes/upgrade.js'
import { validateRoutes } from './routes/validate.js'
import { serializerCompiler } from './serialization.js'
import { validatorCompiler } from './validation.js'
import { VERSION } from './version.js'

export const BODY_LIMIT = 256 * 1024

/** apps/web/dist, from src/ (tsx, vitest) and dist/ alike. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url))

export type AppOptions = {
  settings: Settings
  /** The built wizard to serve at /; defaults to apps/web/dist. */
  webRoot?: string
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Validated server settings; the checks routes read settings.checks. */
    settings: Settings
  }
}

/**
 * The whole app as one plugin: compilers, security plugins, routes, error and not-found
 * handlers. Server-level options (body limit, logger, proxy trust) live in serverOptions().
 */
export const app = fp<AppOptions>(
  async (instance, { settings, webRoot = DEFAULT_WEB_ROOT }) => {
    const app = instance.withTypeProvider<ZodTypeProvider>()
    app.decorate('settings', settings)
    app.setValidatorCompiler(validatorCompiler)
    app.setSerializerCompiler(serializerCompiler)

    const match = createTokenMatcher(settings.apiTokens)
    const authEnabled = settings.apiTokens.length > 0
    // The reference UI's inline boot script is static, so one nonce per process is enough.
    const docsNonce = randomBytes(16).toString('base64')

    // A POST without any Content-Type skips body parsing; refuse it like any other non-JSON body.
    // (Callback style: this runs on every request, and a sync hook costs less than an async one.)
    app.addHook('preValidation', (request, _reply, done) => {
      // (Not for a path without a POST route: that answers 404 or 405 from the not-found handler.)
      if (request.method === 'POST' && request.headers['content-type'] === undefined && !request.is404)
        done(new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', JSON_ONLY_MESSAGE))
      else done()
    })
    await app.register(errorsPlugin)
    await app.register(securityHeadersPlugin, { docsNonce, docsPrefix: DOCS_PREFIX })
    await app.register(corsPlugin, { origins: settings.corsOrigins })
    // Order matters: rate limit, then auth, are added to each route registered below.
    await app.register(rateLimitPlugin, { ...settings.rateLimit, match })
    await app.register(authPlugin, { match, enabled: authEnabled })
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'portkey-setup API',
          version: VERSION,
          description:
            'Validate a Portkey gateway deployment config, preview and download its bundle, import a values.yaml and test connectivity. Every error response has { error: { code, message, requestId } }.',
        },
        components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
        ...(authEnabled ? { security: [{ bearer: [] }] } : {}),
        tags: [
          { name: 'config', description: 'The deployment config and its bundle' },
          { name: 'checks', description: 'Connectivity checks against real backends' },
          { name: 'meta', description: 'Health and documentation' },
        ],
      },
      transform: jsonSchemaTransform,
      transformObject: openapiTransformObject,
    })

    await app.register(healthRoutes)
    await app.register(schemaRoutes)
    await app.register(chartRoutes)
    await app.register(validateRoutes)
    await app.register(renderRoutes)
    await app.register(bundleRoutes)
    await app.register(importRoutes)
    await app.register(upgradeRoutes)
    await app.register(checksRoutes)
    await app.register(docsRoutes, { nonce: docsNonce })

    // Last: its catch-all /* must not shadow the API, and it owns the not-found handler.
    await app.register(staticWebPlugin, { root: webRoot, match: authEnabled ? match : undefined })
  },
  { name: 'portkey-setup-app' },
)

/** Fastify options the app relies on: they can only be set when the instance is created. */
export const serverOptions = (settings: Settings, logStream?: NodeJS.WritableStream) => ({
  loggerInstance: createLogger({ level: settings.logLevel, stream: logStream }) as FastifyBaseLogger,
  logController: new SafeLogController(),
  genReqId: () => randomUUID(),
  requestIdHeader: false as const,
  bodyLimit: BODY_LIMIT,
  onProtoPoisoning: 'error' as const,
  onConstructorPoisoning: 'error' as const,
  // A hop count becomes proxy-addr's (address, hop) => boolean form, which Fastify's types accept.
  trustProxy:
    typeof settings.trustProxy === 'number'
      ? (
          (hops: number) => (_address: string, hop: number) =>
            hop < hops
        )(settings.trustProxy)
      : settings.trustProxy,
  // Requests that arrive on a kept-alive socket while draining are served, not refused with a
  // body outside the error contract; the listener is already closed for new connections.
  return503OnClosing: false,
})

export type BuildAppOptions = AppOptions & { logStream?: NodeJS.WritableStream }

/** A ready-to-listen instance; tests call app.inject on it. */
export const buildApp = async ({ logStream, ...options }: BuildAppOptions): Promise<FastifyInstance> => {
  const instance = Fastify(serverOptions(options.settings, logStream))
  // text/plain is parsed by default: drop it so only JSON bodies are accepted (415 otherwise).
  instance.removeContentTypeParser('text/plain')
  await instance.register(app, options)
  await instance.ready()
  return instance
}
