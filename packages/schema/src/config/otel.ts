import { z } from 'zod'
import { doc, httpUrl, option, text } from './fields.js'

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
