import type { Readable } from 'node:stream'
import type { Dispatcher } from 'undici'
import { urlTarget } from '../runner/open.js'
import type { CheckContext } from '../runner/types.js'

/**
 * The shared start of every HTTP check: ctx.open's resolve, connect and (for https) TLS steps,
 * then an undici client whose first request reuses that very connection. Redirects are never
 * followed; every new connection (a token realm on another host, say) goes through the policy.
 */
export type HttpSession = {
  base: URL
  request: (
    url: string | URL,
    init?: { method?: Dispatcher.HttpMethod; headers?: Record<string, string>; body?: string | Uint8Array },
  ) => Promise<{ status: number; headers: Record<string, string>; body: Readable }>
}

const header = (h: Dispatcher.ResponseData['headers'], name: string) => {
  const v = h[name]
  return Array.isArray(v) ? v.join(', ') : (v ?? '')
}

export const openHttpSession = async (ctx: CheckContext, baseUrl: string): Promise<HttpSession> => {
  const { request } = await import('undici')
  const base = new URL(baseUrl)
  const opened = await ctx.open(urlTarget(base, { alpn: ['http/1.1'] }))
  const dispatcher = await opened.dispatcher()

  return {
    base,
    request: async (url, init = {}) => {
      const res = await request(url, {
        dispatcher,
        signal: ctx.signal,
        method: init.method ?? 'GET',
        headers: init.headers,
        body: init.body,
        headersTimeout: ctx.libraryTimeoutMs(),
        bodyTimeout: ctx.libraryTimeoutMs(),
      })
      const headers: Record<string, string> = {}
      for (const k of Object.keys(res.headers)) headers[k.toLowerCase()] = header(res.headers, k)
      return { status: res.statusCode, headers, body: res.body }
    },
  }
}

/** Reads at most `limit` bytes of a body (the rest is discarded), as text. */
export const readText = async (body: Readable, limit = 64 * 1024): Promise<string> => {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array)
    if (size < limit) chunks.push(b.subarray(0, limit - size))
    size += b.length
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Drains a body we do not need, so the connection can be reused. */
export const drain = async (body: Readable) => {
  for await (const _ of body) {
    // discard
  }
}
