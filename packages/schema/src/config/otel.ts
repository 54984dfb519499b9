import { z } from 'zod'
import { choice, doc, httpUrl, option, secret, text } from './fields.js'
import { OTLP_HEADERS } from './patterns.js'

export const OtelDisabledSchema = z.strictObject({
  enabled: option(false, 'Off', 'Do not push analytics to OpenTelemetry.'),
})

export const OtelEnabledSchema = z.strictObject({
  enabled: option(true, 'On', 'Also push analytics as OTLP logs.').meta({ 'x-env': 'OTEL_PUSH_ENABLED' }),
  endpoint: httpUrl('OTLP/HTTP endpoint', 'http://otel-collector:4318').meta(
    doc('The base URL of an OTLP/HTTP receiver; the gateway posts to /v1/logs under it.', {
      env: 'OTEL_ENDPOINT',
      placeholder: 'http://otel-collector:4318',
    }),
  ),
  resourceAttributes: z
    .record(
      z
        .string()
        .min(1, { error: 'Attribute names must not be empty.' })
        .max(255, { error: 'Attribute names are at most 255 characters.' })
        .regex(/^[A-Za-z0-9_.\-/]+$/, {
          error: 'Attribute names use letters, digits and . _ - / only, e.g. deployment.environment.',
        }),
      text('Attribute value', 1024),
      { error: 'Resource attributes must be an object of name → value.' },
    )
    .default({})
    .meta({
      title: 'Resource attributes',
      ...doc('Attributes every pushed record carries, such as deployment.environment = production.', {
        env: 'OTEL_RESOURCE_ATTRIBUTES',
      }),
    }),
  headers: secret('Exporter headers', 4096)
    .regex(OTLP_HEADERS, {
      error:
        'Exporter headers must be name=value pairs separated by commas, e.g. Authorization=Bearer abc123,x-api-key=xyz (percent-encode a comma inside a value as %2C).',
    })
    .optional()
    .meta(
      doc(
        'Headers the gateway sends with every push, such as an API key your collector or vendor asks for. Written as name=value pairs separated by commas.',
        { env: 'OTEL_EXPORTER_OTLP_HEADERS', placeholder: 'Authorization=Bearer <token>' },
      ),
    ),
  protocol: choice('OTLP encoding', ['http/json', 'http/protobuf'], {
    'http/json': {
      title: 'OTLP/HTTP with JSON',
      when: 'The gateway\u2019s default; every OTLP/HTTP receiver reads it.',
    },
    'http/protobuf': {
      title: 'OTLP/HTTP with protobuf',
      when: 'Smaller requests; choose it when your receiver accepts only protobuf.',
    },
  })
    .optional()
    .meta(
      doc('How the records are encoded on the wire; leave it unset for the gateway default (JSON).', {
        env: 'OTEL_EXPORTER_OTLP_PROTOCOL',
      }),
    ),
})

export const OtelSchema = z
  .discriminatedUnion('enabled', [OtelDisabledSchema, OtelEnabledSchema], {
    error: 'OTEL "enabled" must be true or false.',
  })
  .default({ enabled: false })
  .meta({
    title: 'Also push analytics to an OpenTelemetry collector',
    description: 'An optional OTLP push of the analytics.',
  })

export type Otel = z.infer<typeof OtelSchema>
