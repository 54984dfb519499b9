import { z } from 'zod'
import { doc, httpUrl, ident, option, secret, text } from './fields.js'

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
    store: option(
      'control_plane',
      'Portkey control plane',
      'Choose this unless analytics must stay in your own infrastructure; nothing else to set.',
    ),
  })
  .describe('Portkey control plane keeps the analytics.')

export const ClickhouseAnalyticsSchema = z
  .strictObject({
    store: option(
      'clickhouse',
      'Your own ClickHouse',
      'Choose this when analytics data has to stay with you, in a ClickHouse you run.',
    ),
    endpoint: httpUrl('ClickHouse endpoint', 'https://clickhouse.example.com:8443').meta(
      doc('The HTTP(S) interface of your ClickHouse server.', {
        env: 'ANALYTICS_STORE_ENDPOINT',
        placeholder: 'https://clickhouse.example.com:8443',
      }),
    ),
    user: text('ClickHouse user', 128).meta(
      doc('The ClickHouse user the gateway signs in as.', { env: 'ANALYTICS_STORE_USER' }),
    ),
    password: secret('ClickHouse password', 512).meta(
      doc('The password of that user.', { env: 'ANALYTICS_STORE_PASSWORD' }),
    ),
    logTable: table('Log table').meta(
      doc('The table request logs are written to.', {
        env: 'ANALYTICS_LOG_TABLE',
        placeholder: 'generations',
      }),
    ),
    feedbackTable: table('Feedback table').meta(
      doc('The table feedback is written to.', { env: 'ANALYTICS_FEEDBACK_TABLE', placeholder: 'feedbacks' }),
    ),
    generationHooksTable: table('Generation hooks table').meta(
      doc('The table guardrail hook results are written to.', {
        env: 'ANALYTICS_GENERATION_HOOKS_TABLE',
        placeholder: 'generation_hooks',
      }),
    ),
  })
  .describe('ClickHouse holds the analytics tables.')

export const AnalyticsSchema = z
  .discriminatedUnion('store', [ControlPlaneAnalyticsSchema, ClickhouseAnalyticsSchema], {
    error: 'Analytics store must be "control_plane" or "clickhouse".',
  })
  .meta({ title: 'Analytics store', description: 'Where analytics are stored.', 'x-env': 'ANALYTICS_STORE' })

export type Analytics = z.infer<typeof AnalyticsSchema>
