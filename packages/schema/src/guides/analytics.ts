import { ClickhouseAnalyticsSchema } from '../config/analytics.js'
import { OtelEnabledSchema } from '../config/otel.js'
import { otelResourceAttributes } from '../env/index.js'
import { inClusterRun, q, section, shell, step, text } from './blocks.js'
import type { GuideSection, GuideStep } from './types.js'
import { pick, type Rec, rec, type View } from './view.js'

const CURL_IMAGE = 'curlimages/curl:8.11.1'

/** A ClickHouse identifier in double quotes, so any user name stays one identifier. */
const chIdent = (name: string) => `"${name.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`

const clickhouseSteps = (v: View, a: Rec): { summary: string; steps: GuideStep[] } => {
  const shape = ClickhouseAnalyticsSchema.shape
  const endpoint = pick(shape.endpoint, a.endpoint, 'clickhouse-endpoint')
  const user = pick(shape.user, a.user, 'clickhouse-user')
  const tables = [
    pick(shape.logTable, a.logTable, 'log-table'),
    pick(shape.feedbackTable, a.feedbackTable, 'feedback-table'),
    pick(shape.generationHooksTable, a.generationHooksTable, 'generation-hooks-table'),
  ]
  const base = endpoint.replace(/\/+$/, '')
  return {
    summary: `Analytics go to ClickHouse at ${endpoint} as user ${user}, in tables ${tables.join(', ')}.`,
    steps: [
      step(
        'analytics.clickhouse.reach',
        'Check the cluster can reach ClickHouse',
        'The gateway uses the HTTP interface. Its /ping path needs no login and answers "Ok." when the endpoint is reachable from inside the cluster.',
        [
          shell(
            'Ping ClickHouse from a throwaway pod',
            inClusterRun(v.namespace, 'portkey-clickhouse-check', CURL_IMAGE, ['-fsS', q(`${base}/ping`)]),
          ),
        ],
      ),
      step(
        'analytics.clickhouse.tables',
        'Create the tables and grant the gateway user',
        `Portkey shares the table definitions for ${tables.join(', ')}; run them as an administrator, then let ${user} read and insert. curl asks for the administrator password, so it is not typed on the command line.`,
        [
          shell(
            'Grant the gateway user',
            ...tables.map(
              (t) =>
                `curl -fsS --user ${q('<admin-user>')} --data-binary ${q(`GRANT SELECT, INSERT ON ${t} TO ${chIdent(user)}`)} ${q(`${base}/`)}`,
            ),
          ),
        ],
        [{ label: 'ClickHouse: GRANT', url: 'https://clickhouse.com/docs/sql-reference/statements/grant' }],
      ),
    ],
  }
}

const otelStep = (v: View, o: Rec): GuideStep => {
  const shape = OtelEnabledSchema.shape
  const endpoint = pick(shape.endpoint, o.endpoint, 'otel-endpoint')
  const attrs = shape.resourceAttributes.safeParse(o.resourceAttributes)
  const attrLine = attrs.success ? otelResourceAttributes(attrs.data) : ''
  const blocks = [
    shell(
      'Post an empty batch from a throwaway pod (expect 200)',
      inClusterRun(v.namespace, 'portkey-otel-check', CURL_IMAGE, [
        '-sS -o /dev/null -w',
        q('%{http_code}\\n'),
        `-H ${q('Content-Type: application/json')}`,
        `--data ${q('{"resourceLogs":[]}')}`,
        q(`${endpoint.replace(/\/+$/, '')}/v1/logs`),
      ]),
    ),
  ]
  if (attrLine) blocks.push(text('OTEL_RESOURCE_ATTRIBUTES (set in values.yaml)', attrLine))
  return step(
    'analytics.otel.collector',
    'Check the OpenTelemetry collector',
    `The gateway also pushes its analytics as OTLP logs over HTTP to ${endpoint}/v1/logs. A collector must listen there with an OTLP/HTTP receiver (port 4318 by default) that the cluster can reach.`,
    blocks,
    [
      {
        label: 'OpenTelemetry: OTLP receiver',
        url: 'https://opentelemetry.io/docs/collector/configuration/#receivers',
      },
    ],
  )
}

export const analyticsGuide = (v: View): GuideSection => {
  const a = rec(v.root.analytics)
  const o = rec(v.root.otel)
  const otel = o.enabled === true ? [otelStep(v, o)] : []
  const otelNote = otel.length ? ' They are also pushed to an OpenTelemetry collector.' : ''
  if (a.store === 'clickhouse') {
    const { summary, steps } = clickhouseSteps(v, a)
    return section('analytics', 'clickhouse', 'Analytics: ClickHouse', `${summary}${otelNote}`, [
      ...steps,
      ...otel,
    ])
  }
  // control_plane is the default when nothing is chosen.
  return section(
    'analytics',
    'control_plane',
    'Analytics: Portkey control plane',
    `Analytics go to the Portkey control plane; nothing to prepare.${otelNote}`,
    otel,
  )
}
