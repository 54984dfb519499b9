import { readFileSync } from 'node:fs'
import ipaddr from 'ipaddr.js'
import { z } from 'zod'
import { parseEndpointOverrides } from './checks/endpoints.js'
import type { EndpointOverrides } from './checks/runner/types.js'

/**
 * Server settings from environment variables, checked once at boot so a typo fails loudly
 * instead of silently falling back to a default. Values of API_TOKENS never appear in messages.
 */

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

const list = (raw: string | undefined) =>
  (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)

const bool = (name: string, fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback
      const s = v.trim().toLowerCase()
      if (['true', '1', 'yes'].includes(s)) return true
      if (['false', '0', 'no'].includes(s)) return false
      ctx.addIssue({ code: 'custom', message: `${name} must be true or false (got "${v}").` })
      return z.NEVER
    })

const int = (name: string, fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback
      const n = Number(v.trim())
      if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be a whole number from ${min} to ${max} (got "${v}").`,
        })
        return z.NEVER
      }
      return n
    })

const cidrList = (name: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const items = list(v)
      for (const item of items) {
        try {
          ipaddr.parseCIDR(item)
        } catch {
          ctx.addIssue({
            code: 'custom',
            message: `${name} must be a comma-separated list of CIDR ranges such as 10.0.0.0/8 or fd00::/8 ("${item}" is not one).`,
          })
          return z.NEVER
        }
      }
      return items
    })

const originList = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const origins = list(v)
    for (const o of origins) {
      let url: URL | undefined
      try {
        url = new URL(o)
      } catch {
        url = undefined
      }
      if (!url || !['http:', 'https:'].includes(url.protocol) || url.origin !== o.replace(/\/$/, '')) {
        ctx.addIssue({
          code: 'custom',
          message: `CORS_ORIGINS must list exact origins such as https://portal.example.com, without paths or wildcards ("${o}" is not one).`,
        })
        return z.NEVER
      }
    }
    return origins.map((o) => o.replace(/\/$/, ''))
  })

const tokenList = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const tokens = list(v)
    tokens.forEach((t, i) => {
      // The message names the position, never the token: boot errors end up in logs.
      if (t.length < 16 || /\s/.test(t))
        ctx.addIssue({
          code: 'custom',
          message: `API_TOKENS entry ${i + 1} is too weak: use at least 16 characters without spaces (for example the output of \`openssl rand -hex 32\`).`,
        })
    })
    return tokens
  })

const trustProxy = z
  .string()
  .optional()
  .transform((v, ctx): boolean | number | string[] => {
    if (v === undefined || v.trim() === '') return false
    const s = v.trim()
    if (['true', '1', 'yes'].includes(s.toLowerCase())) return true
    if (['false', '0', 'no'].includes(s.toLowerCase())) return false
    if (/^\d+$/.test(s)) return Number(s)
    const items = list(s)
    for (const item of items) {
      if (!ipaddr.isValid(item) && !isCidr(item)) {
        ctx.addIssue({
          code: 'custom',
          message: `TRUST_PROXY must be true, false, a number of proxy hops, or a comma-separated list of proxy addresses/CIDRs ("${item}" is none of these).`,
        })
        return z.NEVER
      }
    }
    return items
  })

const isCidr = (s: string) => {
  try {
    ipaddr.parseCIDR(s)
    return true
  } catch {
    return false
  }
}

const EnvSchema = z.object({
  PORT: int('PORT', 8080, 0, 65535),
  HOST: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : '127.0.0.1')),
  API_TOKENS: tokenList,
  CORS_ORIGINS: originList,
  TRUST_PROXY: trustProxy,
  RATE_LIMIT_MAX: int('RATE_LIMIT_MAX', 600, 1, 1_000_000_000),
  RATE_LIMIT_WINDOW_MS: int('RATE_LIMIT_WINDOW_MS', 60_000, 1000, 86_400_000),
  LOG_LEVEL: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const s = (v ?? '').trim().toLowerCase() || 'info'
      if (!(LOG_LEVELS as readonly string[]).includes(s)) {
        ctx.addIssue({
          code: 'custom',
          message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${v}").`,
        })
        return z.NEVER
      }
      return s as (typeof LOG_LEVELS)[number]
    }),
  CHECKS_ALLOW_LOOPBACK: bool('CHECKS_ALLOW_LOOPBACK', false),
  CHECKS_DENY_PRIVATE: bool('CHECKS_DENY_PRIVATE', false),
  CHECKS_ALLOW_CIDRS: cidrList('CHECKS_ALLOW_CIDRS'),
  CHECKS_DENY_CIDRS: cidrList('CHECKS_DENY_CIDRS'),
  CHECKS_TIMEOUT_MS: int('CHECKS_TIMEOUT_MS', 10_000, 100, 120_000),
  CHECKS_CONCURRENCY: int('CHECKS_CONCURRENCY', 4, 1, 64),
  CHECKS_ENDPOINT_OVERRIDES: z.string().optional(),
  CHECKS_CA_FILE: z.string().optional(),
})

export type LogLevel = (typeof LOG_LEVELS)[number]

export type ChecksSettings = {
  allowLoopback: boolean
  denyPrivate: boolean
  allowCidrs: string[]
  denyCidrs: string[]
  timeoutMs: number
  concurrency: number
  /** Test only: provider endpoints pointed at local servers (CHECKS_ENDPOINT_OVERRIDES). */
  endpointOverrides?: EndpointOverrides
  /** Extra trusted CA certificates for checks (CHECKS_CA_FILE), e.g. an internal CA. */
  extraCa?: string[]
}

export type Settings = {
  port: number
  host: string
  apiTokens: string[]
  corsOrigins: string[]
  trustProxy: boolean | number | string[]
  rateLimit: { max: number; windowMs: number }
  logLevel: LogLevel
  checks: ChecksSettings
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; errors: string[] }

/** True for addresses that only this machine can reach. */
export const isLoopbackHost = (host: string): boolean => {
  const h = host.replace(/^\[|\]$/g, '')
  if (h.toLowerCase() === 'localhost') return true
  if (!ipaddr.isValid(h)) return false
  return ipaddr.process(h).range() === 'loopback'
}

/** Reads and checks the environment; never throws. */
export const parseSettings = (env: Record<string, string | undefined>): SettingsResult => {
  const r = EnvSchema.safeParse(env)
  if (!r.success) return { ok: false, errors: r.error.issues.map((i) => i.message) }
  const e = r.data
  let endpointOverrides: EndpointOverrides | undefined
  let extraCa: string[] | undefined
  try {
    endpointOverrides = parseEndpointOverrides(e.CHECKS_ENDPOINT_OVERRIDES)
  } catch (err) {
    return { ok: false, errors: [(err as Error).message] }
  }
  if (e.CHECKS_CA_FILE?.trim()) {
    try {
      extraCa = [readFileSync(e.CHECKS_CA_FILE.trim(), 'utf8')]
    } catch {
      return {
        ok: false,
        errors: [`CHECKS_CA_FILE=${e.CHECKS_CA_FILE} cannot be read: give the path of a PEM file.`],
      }
    }
  }
  const settings: Settings = {
    port: e.PORT,
    host: e.HOST,
    apiTokens: e.API_TOKENS,
    corsOrigins: e.CORS_ORIGINS,
    trustProxy: e.TRUST_PROXY,
    rateLimit: { max: e.RATE_LIMIT_MAX, windowMs: e.RATE_LIMIT_WINDOW_MS },
    logLevel: e.LOG_LEVEL,
    checks: {
      allowLoopback: e.CHECKS_ALLOW_LOOPBACK,
      denyPrivate: e.CHECKS_DENY_PRIVATE,
      allowCidrs: e.CHECKS_ALLOW_CIDRS,
      denyCidrs: e.CHECKS_DENY_CIDRS,
      timeoutMs: e.CHECKS_TIMEOUT_MS,
      concurrency: e.CHECKS_CONCURRENCY,
      ...(endpointOverrides ? { endpointOverrides } : {}),
      ...(extraCa ? { extraCa } : {}),
    },
  }
  if (!isLoopbackHost(settings.host) && settings.apiTokens.length === 0)
    return {
      ok: false,
      errors: [
        `HOST=${settings.host} makes the API reachable from other machines, and API_TOKENS is empty, so anyone who can reach it could use it. Set API_TOKENS (comma-separated bearer tokens) or bind to 127.0.0.1.`,
      ],
    }
  return { ok: true, settings }
}

/** Settings for tests and embedding: loopback, no tokens, defaults everywhere. */
export const defaultSettings = (overrides: Partial<Settings> = {}): Settings => {
  const r = parseSettings({})
  if (!r.ok) throw new Error('default settings are invalid')
  return { ...r.settings, ...overrides }
}
