import type { Analytics, DeploymentConfig } from '@portkey-setup/schema'
import { type HttpSession, openHttpSession, readText } from './net/http-session.js'
import { fieldLabel } from './runner/classify.js'
import { CheckFailure, fail } from './runner/failure.js'
import { defineCheck, type FieldPath } from './runner/types.js'

type Clickhouse = Extract<Analytics, { store: 'clickhouse' }>
type Cfg = DeploymentConfig & { analytics: Clickhouse }

const IDENT = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/

/**
 * `db`.`table` for EXISTS TABLE. ClickHouse 18.16 has no server-side query parameters, so the
 * name is quoted here; the schema allows only [A-Za-z0-9_] parts, re-checked before quoting.
 */
export const quoteTable = (name: string): string => {
  const parts = name.split('.')
  if (parts.length > 2 || !parts.every((p) => IDENT.test(p)))
    throw new Error('table name passed validation but is not a plain identifier')
  return parts.map((p) => `\`${p}\``).join('.')
}

const AUTH_CODES = new Set([192, 193, 194, 516]) // UNKNOWN_USER, WRONG_PASSWORD, REQUIRED_PASSWORD, AUTHENTICATION_FAILED
const DENIED_CODES = new Set([164, 497]) // READONLY, ACCESS_DENIED
const UNKNOWN_DB = 81

type Answer = { status: number; code: number | undefined; text: string }

const query = async (http: HttpSession, c: Clickhouse, sql: string): Promise<Answer> => {
  // Basic auth works on every ClickHouse version; a ':' in the user name needs the header pair.
  const auth: Record<string, string> = c.user.includes(':')
    ? { 'x-clickhouse-user': c.user, 'x-clickhouse-key': c.password }
    : { authorization: `Basic ${Buffer.from(`${c.user}:${c.password}`).toString('base64')}` }
  const res = await http.request(http.base, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'text/plain; charset=utf-8' },
    body: sql,
  })
  const text = await readText(res.body, 4096)
  // Old servers put the code only in the body ("Code: 193, ..."): the number is read, the text is not kept.
  const raw = res.headers['x-clickhouse-exception-code'] || /^Code: (\d+)/.exec(text)?.[1]
  const code = raw && /^\d+$/.test(raw) ? Number(raw) : undefined
  return { status: res.status, code, text: res.status === 200 ? text : '' }
}

const answerFailure = (a: Answer, field: FieldPath): CheckFailure => {
  const tag = a.code !== undefined ? ` (ClickHouse code ${a.code}, HTTP ${a.status})` : ` (HTTP ${a.status})`
  if (
    (a.code !== undefined && AUTH_CODES.has(a.code)) ||
    (a.code === undefined && (a.status === 401 || a.status === 403))
  )
    return new CheckFailure(
      'AUTH_FAILED',
      `ClickHouse refused the user name or password${tag}.`,
      'Check analytics.user and analytics.password.',
      ['analytics', 'password'],
    )
  if (a.code !== undefined && DENIED_CODES.has(a.code))
    return new CheckFailure(
      'ACCESS_DENIED',
      `The ClickHouse user may not run this query${tag}.`,
      'Grant analytics.user SELECT and INSERT on the analytics tables.',
      ['analytics', 'user'],
    )
  if (a.code === UNKNOWN_DB)
    return new CheckFailure(
      'NOT_FOUND',
      `The database of this table does not exist${tag}.`,
      `Check the database prefix in ${fieldLabel(field)} (database.table), or create the database.`,
      field,
    )
  if (a.code === undefined && a.status !== 200)
    return new CheckFailure(
      'PROTOCOL_ERROR',
      `The endpoint did not answer like ClickHouse's HTTP interface${tag}.`,
      'Check analytics.endpoint: use the HTTP(S) interface, usually port 8123 or 8443.',
      ['analytics', 'endpoint'],
    )
  return new CheckFailure(
    'PROTOCOL_ERROR',
    `ClickHouse rejected the query${tag}.`,
    `Check ${fieldLabel(field)} and the ClickHouse server logs.`,
    field,
  )
}

const TABLES = [
  ['logTable', 'log'],
  ['feedbackTable', 'feedback'],
  ['generationHooksTable', 'generation hooks'],
] as const

export const clickhouseCheck = defineCheck<Cfg>({
  target: 'analytics',
  kind: () => 'clickhouse',
  endpointField: () => ['analytics', 'endpoint'],
  async run(config, ctx) {
    const c = config.analytics
    const http = await openHttpSession(ctx, c.endpoint)

    await ctx.step('authenticate', async () => {
      const a = await query(http, c, 'SELECT 1')
      if (a.status !== 200 || a.code !== undefined) throw answerFailure(a, ['analytics', 'endpoint'])
      if (a.text.trim() !== '1')
        fail(
          'PROTOCOL_ERROR',
          'The endpoint accepted the query but did not answer like ClickHouse.',
          'Check analytics.endpoint: use the HTTP(S) interface of ClickHouse.',
          ['analytics', 'endpoint'],
        )
      return 'SELECT 1 as analytics.user'
    })

    await ctx.step('version', async () => {
      const a = await query(http, c, 'SELECT version()')
      if (a.status !== 200) throw answerFailure(a, ['analytics', 'endpoint'])
      const v = a.text.trim()
      return /^\d+(\.\d+){1,3}$/.test(v) ? `ClickHouse ${v}` : 'ClickHouse (version not reported)'
    })

    await ctx.step('tables', async () => {
      const answers = await Promise.all(
        TABLES.map(async ([key]) => ({ key, a: await query(http, c, `EXISTS TABLE ${quoteTable(c[key])}`) })),
      )
      for (const { key, a } of answers) {
        const field = ['analytics', key]
        if (a.status !== 200) throw answerFailure(a, field)
        if (a.text.trim() !== '1') {
          const label = TABLES.find((t) => t[0] === key)![1]
          fail(
            'NOT_FOUND',
            `The ${label} table ${c[key]} does not exist (or this user cannot see it).`,
            `Create it with Portkey's ClickHouse schema, or correct analytics.${key} (database.table).`,
            field,
          )
        }
      }
      return `${TABLES.map(([k]) => c[k]).join(', ')} exist`
    })
  },
})
