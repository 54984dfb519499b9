import { z } from 'zod'
import { httpUrl, ident, secret, text } from './fields.js'

// Required: the gateway writes to exactly these tables, so a guessed name would fail at runtime.
const table = (label: string) =>
  ident(
    label,
    /^[A-Za-z_][A-Za-z0-9_]{0,127}(\.[A-Za-z_][A-Za-z0-9_]{0,127})?$/,
    'use letters, digits and underscores, optionally prefixed by a database and a dot (analytics.generations).',
    257,
  )

export const ControlPlaneAnalyticsSchema = z
  .strictObject({
    store: z
      .literal('control_plane')
      .describe('Send analytics to the Portkey control plane; nothing else to set.'),
  })
  .describe('Portkey control plane keeps the analytics.')

export const ClickhouseAnalyticsSchema = z
  .strictObject({
    store: z.literal('clickhouse').describe('Your own ClickHouse.'),
    endpoint: httpUrl('ClickHouse endpoint', 'https://clickhouse.example.com:8443').describe(
      'ANALYTICS_STORE_ENDPOINT: the HTTP(S) interface of ClickHouse.',
    ),
    user: text('ClickHouse user', 128).describe('ANALYTICS_STORE_USER.'),
    password: secret('ClickHouse password', 512).describe('ANALYTICS_STORE_PASSWORD.'),
    logTable: table('Log table').describe('ANALYTICS_LOG_TABLE.'),
    feedbackTable: table('Feedback table').describe('ANALYTICS_FEEDBACK_TABLE.'),
    generationHooksTable: table('Generation hooks table').describe('ANALYTICS_GENERATION_HOOKS_TABLE.'),
  })
  .describe('ClickHouse holds the analytics tables.')

export const AnalyticsSchema = z
  .discriminatedUnion('store', [ControlPlaneAnalyticsSchema, ClickhouseAnalyticsSchema], {
    error: 'Analytics store must be "control_plane" or "clickhouse".',
  })
  .describe('Where analytics are stored (ANALYTICS_STORE).')

export type Analytics = z.infer<typeof AnalyticsSchema>
