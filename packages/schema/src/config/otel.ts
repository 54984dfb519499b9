import { z } from 'zod'
import { httpUrl, text } from './fields.js'

export const OtelDisabledSchema = z.strictObject({
  enabled: z.literal(false).describe('Do not push analytics to OpenTelemetry.'),
})

export const OtelEnabledSchema = z.strictObject({
  enabled: z.literal(true).describe('Also push analytics as OTLP logs.'),
  endpoint: httpUrl('OTEL endpoint', 'http://otel-collector:4318').describe(
    'OTEL_ENDPOINT: base URL of an OTLP/HTTP receiver (the gateway posts to /v1/logs).',
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
    .describe('OTEL_RESOURCE_ATTRIBUTES, e.g. {"deployment.environment": "production"}.'),
})

export const OtelSchema = z
  .discriminatedUnion('enabled', [OtelDisabledSchema, OtelEnabledSchema], {
    error: 'OTEL "enabled" must be true or false.',
  })
  .default({ enabled: false })
  .describe('Optional OTLP push of analytics (OTEL_PUSH_ENABLED).')

export type Otel = z.infer<typeof OtelSchema>
