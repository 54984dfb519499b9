import fp from 'fastify-plugin'
import helmet, { type HelmetOptions } from 'helmet'

/**
 * Helmet's headers with a CSP that fits the built Vite wizard: its scripts and styles are files
 * on this origin, React sets inline style attributes, and it talks only to this API.
 * HSTS is left to the TLS-terminating proxy: this server speaks plain HTTP (loopback by default),
 * and an HSTS header set here could pin a whole internal domain to HTTPS by accident.
 */
const appDirectives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
}

const baseOptions: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: appDirectives },
  strictTransportSecurity: false,
  crossOriginEmbedderPolicy: false,
}

/**
 * Runs helmet once against a recording response. The headers depend only on the options, and
 * building the middleware per request (as @fastify/helmet does) cost more than the validation.
 */
export const helmetHeaders = (options: HelmetOptions): Record<string, string> => {
  const headers: Record<string, string> = {}
  const res = {
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = value
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()]
    },
  }
  let failure: unknown
  helmet(options)({} as never, res as never, (err?: unknown) => {
    failure = err
  })
  if (failure) throw failure
  return headers
}

export type SecurityHeadersOptions = {
  /** The nonce the API reference page puts on its inline boot script. */
  docsNonce: string
  docsPrefix: string
}

export const securityHeadersPlugin = fp<SecurityHeadersOptions>(
  async (app, { docsNonce, docsPrefix }) => {
    const appHeaders = helmetHeaders(baseOptions)
    // The reference UI boots with one inline script (allowed by its nonce) and injects styles.
    const docsHeaders = helmetHeaders({
      ...baseOptions,
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          ...appDirectives,
          scriptSrc: ["'self'", `'nonce-${docsNonce}'`],
          imgSrc: ["'self'", 'data:', 'blob:'],
        },
      },
    })
    const isDocs = (url: string) => url === docsPrefix || url.startsWith(`${docsPrefix}/`)
    // JSON answers are never rendered as documents, so they carry the short REST set (OWASP REST
    // Security Cheat Sheet) instead of helmet's page headers: fewer bytes and checks per request.
    const apiHeaders = {
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'cache-control': 'no-store',
    }
    const apiDocsHeaders = { ...docsHeaders, 'cache-control': 'no-store' }

    // One synchronous hook for every request: it runs on the hot path of every API call.
    // Anything an /api response carries may be derived from secrets, so /api is never stored;
    // a route that knows better (none today) can still set its own Cache-Control.
    app.addHook('onRequest', (request, reply, done) => {
      const url = request.url
      const api = url.startsWith('/api')
      reply.headers(isDocs(url) ? (api ? apiDocsHeaders : docsHeaders) : api ? apiHeaders : appHeaders)
      reply.header('x-request-id', request.id)
      done()
    })
  },
  { name: 'portkey-security-headers' },
)
