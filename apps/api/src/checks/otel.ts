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

export const otelCheck = defineCheck<Cfg>({
  target: 'otel',
  kind: () => 'otlp-http',
  endpointField: () => ['otel', 'endpoint'],
  async run(config, ctx) {
    const url = logsUrl(config.otel.endpoint)
    const http = await openHttpSession(ctx, url)
    await ctx.step('export', async () => {
      let res = await http.request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: EMPTY_JSON,
      })
      await drain(res.body)
      // Some receivers speak only protobuf; an empty protobuf export is just as valid.
      if (res.status === 415) {
        res = await http.request(url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-protobuf' },
          body: EMPTY_PROTO,
        })
        await drain(res.body)
      }
      if (res.status >= 200 && res.status < 300)
        return `an empty logs export was accepted (HTTP ${res.status})`
      const field = ['otel', 'endpoint']
      if (res.status === 401 || res.status === 403)
        fail(
          res.status === 401 ? 'AUTH_FAILED' : 'ACCESS_DENIED',
          `The receiver wants credentials (HTTP ${res.status}), and the gateway sends none.`,
          'Let the gateway push without authentication on this endpoint (e.g. a collector inside the cluster), then check otel.endpoint again.',
          field,
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
          'The receiver accepts neither OTLP/JSON nor OTLP/protobuf logs (HTTP 415).',
          'Point otel.endpoint at an OTLP/HTTP receiver (port 4318 on an OpenTelemetry Collector).',
          field,
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
