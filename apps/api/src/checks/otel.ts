import type { DeploymentConfig, Otel } from '@portkey-setup/schema'
import { drain, openHttpSession } from './net/http-session.js'
import { fail } from './runner/failure.js'
import { defineCheck } from './runner/types.js'

type Cfg = DeploymentConfig & { otel: Extract<Otel, { enabled: true }> }

/** An empty, valid ExportLogsServiceRequest: the receiver parses it and stores nothing. */
const EMPTY_JSON = '{"resourceLogs":[]}'
/** The same message in protobuf: zero bytes. */
const EMPTY_PROTO = new Uint8Array(0)

export const logsUrl = (endpoint: string) => `${endpoint.replace(/\/+$/, '')}/v1/logs`

/** OTEL_EXPORTER_OTLP_HEADERS as the exporter reads it: name=value pairs, values percent-decoded. */
export const parseOtlpHeaders = (text: string | undefined): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const pair of (text ?? '').split(',')) {
    const eq = pair.indexOf('=')
    if (eq <= 0) continue
    const raw = pair.slice(eq + 1).trim()
    let value = raw
    try {
      value = decodeURIComponent(raw)
    } catch {
      // A lone % is sent as written.
    }
    out[pair.slice(0, eq).trim().toLowerCase()] = value
  }
  return out
}

const ENCODINGS = {
  'http/json': { type: 'application/json', body: EMPTY_JSON, other: 'http/protobuf' },
  'http/protobuf': { type: 'application/x-protobuf', body: EMPTY_PROTO, other: 'http/json' },
} as const

export const otelCheck = defineCheck<Cfg>({
  target: 'otel',
  kind: () => 'otlp-http',
  endpointField: () => ['otel', 'endpoint'],
  async run(config, ctx) {
    const o = config.otel
    const url = logsUrl(o.endpoint)
    const http = await openHttpSession(ctx, url)
    // The gateway's default encoding is JSON; it sends the configured headers with every push.
    const protocol = o.protocol ?? 'http/json'
    const enc = ENCODINGS[protocol]
    const extra = parseOtlpHeaders(o.headers)
    await ctx.step('export', async () => {
      const res = await http.request(url, {
        method: 'POST',
        headers: { ...extra, 'content-type': enc.type },
        body: enc.body,
      })
      await drain(res.body)
      if (res.status >= 200 && res.status < 300)
        return `an empty ${protocol} logs export${o.headers ? ' with the configured headers' : ''} was accepted (HTTP ${res.status})`
      const field = ['otel', 'endpoint']
      if (res.status === 401 || res.status === 403)
        fail(
          res.status === 401 ? 'AUTH_FAILED' : 'ACCESS_DENIED',
          o.headers
            ? `The receiver refused the credentials in the exporter headers (HTTP ${res.status}).`
            : `The receiver wants credentials (HTTP ${res.status}), and the gateway sends none.`,
          o.headers
            ? 'Check the header names and values in otel.headers against what the receiver expects (e.g. Authorization=Bearer <token>).'
            : 'Add the header the receiver expects in otel.headers (e.g. Authorization=Bearer <token>), or let the gateway push without authentication on this endpoint.',
          ['otel', 'headers'],
        )
      if (res.status === 404 || res.status === 405)
        fail(
          'NOT_FOUND',
          `No OTLP/HTTP logs receiver answered at ${url} (HTTP ${res.status}).`,
          'Set otel.endpoint to the base URL of the receiver (e.g. http://otel-collector:4318); the gateway adds /v1/logs itself.',
          field,
        )
      if (res.status === 415)
        fail(
          'UNSUPPORTED',
          `The receiver does not accept ${protocol} logs (HTTP 415).`,
          `Set otel.protocol to ${enc.other}, or point otel.endpoint at an OTLP/HTTP receiver that reads ${protocol}.`,
          ['otel', 'protocol'],
        )
      return fail(
        'PROTOCOL_ERROR',
        `The receiver refused an empty logs export (HTTP ${res.status}).`,
        'Check the receiver at otel.endpoint and its logs pipeline.',
        field,
      )
    })
  },
})
