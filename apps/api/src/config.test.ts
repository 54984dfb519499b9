import { describe, expect, it } from 'vitest'
import { isLoopbackHost, parseSettings } from './config.js'

const TOKEN = 'tok-0123456789abcdef'

describe('parseSettings', () => {
  it('defaults to loopback:8080, no tokens, no CORS, no proxy trust', () => {
    const r = parseSettings({})
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.settings).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      apiTokens: [],
      corsOrigins: [],
      trustProxy: false,
      logLevel: 'info',
      checks: { allowLoopback: false, denyPrivate: false, timeoutMs: 10_000, allowCidrs: [], denyCidrs: [] },
    })
  })

  it('reads every variable', () => {
    const r = parseSettings({
      PORT: '9090',
      HOST: '0.0.0.0',
      API_TOKENS: ` ${TOKEN} , other-token-0123456789 `,
      CORS_ORIGINS: 'https://portal.example.com,http://localhost:5173/',
      TRUST_PROXY: '10.0.0.0/8,127.0.0.1',
      RATE_LIMIT_MAX: '50',
      RATE_LIMIT_WINDOW_MS: '10000',
      LOG_LEVEL: 'WARN',
      CHECKS_ALLOW_LOOPBACK: 'true',
      CHECKS_DENY_PRIVATE: '1',
      CHECKS_ALLOW_CIDRS: '10.1.0.0/16',
      CHECKS_DENY_CIDRS: '10.2.0.0/16, fd00::/8',
      CHECKS_TIMEOUT_MS: '2500',
      CHECKS_CONCURRENCY: '8',
    })
    expect(r).toEqual({
      ok: true,
      settings: {
        port: 9090,
        host: '0.0.0.0',
        apiTokens: [TOKEN, 'other-token-0123456789'],
        corsOrigins: ['https://portal.example.com', 'http://localhost:5173'],
        trustProxy: ['10.0.0.0/8', '127.0.0.1'],
        rateLimit: { max: 50, windowMs: 10_000 },
        logLevel: 'warn',
        checks: {
          allowLoopback: true,
          denyPrivate: true,
          allowCidrs: ['10.1.0.0/16'],
          denyCidrs: ['10.2.0.0/16', 'fd00::/8'],
          timeoutMs: 2500,
          concurrency: 8,
        },
      },
    })
  })

  it('accepts TRUST_PROXY as a boolean or a hop count', () => {
    const t = parseSettings({ TRUST_PROXY: 'true' })
    const n = parseSettings({ TRUST_PROXY: '2' })
    expect(t.ok && t.settings.trustProxy).toBe(true)
    expect(n.ok && n.settings.trustProxy).toBe(2)
  })

  it.each([
    ['PORT', 'eighty', /PORT must be a whole number from 0 to 65535/],
    ['PORT', '70000', /PORT must be a whole number/],
    ['RATE_LIMIT_MAX', '-1', /RATE_LIMIT_MAX must be a whole number/],
    ['RATE_LIMIT_WINDOW_MS', '1.5', /RATE_LIMIT_WINDOW_MS must be a whole number/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['CORS_ORIGINS', '*', /CORS_ORIGINS must list exact origins/],
    ['CORS_ORIGINS', 'https://portal.example.com/app', /CORS_ORIGINS must list exact origins/],
    ['TRUST_PROXY', 'sometimes', /TRUST_PROXY must be true, false/],
    ['CHECKS_ALLOW_LOOPBACK', 'maybe', /CHECKS_ALLOW_LOOPBACK must be true or false/],
    ['CHECKS_DENY_PRIVATE', 'y', /CHECKS_DENY_PRIVATE must be true or false/],
    ['CHECKS_ALLOW_CIDRS', '10.0.0.0/33', /CHECKS_ALLOW_CIDRS must be a comma-separated list of CIDR/],
    ['CHECKS_DENY_CIDRS', 'example.com', /CHECKS_DENY_CIDRS must be a comma-separated list of CIDR/],
    ['CHECKS_TIMEOUT_MS', '0', /CHECKS_TIMEOUT_MS must be a whole number/],
    ['CHECKS_CONCURRENCY', 'many', /CHECKS_CONCURRENCY must be a whole number/],
  ])('refuses %s=%s with a message naming the variable', (name, value, message) => {
    const r = parseSettings({ [name]: value })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors.join('\n')).toMatch(message)
  })

  it('refuses weak tokens without quoting them', () => {
    const r = parseSettings({ API_TOKENS: `${TOKEN},short-secret` })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors.join('\n')).toMatch(/API_TOKENS entry 2 is too weak/)
    expect(r.errors.join('\n')).not.toContain('short-secret')
  })

  it.each(['0.0.0.0', '::', '192.168.1.10', 'gateway.internal'])(
    'refuses a non-loopback HOST=%s without API_TOKENS, saying why',
    (host) => {
      const r = parseSettings({ HOST: host })
      expect(r.ok).toBe(false)
      if (r.ok) return
      expect(r.errors[0]).toMatch(/reachable from other machines/)
      expect(r.errors[0]).toMatch(/API_TOKENS/)
      expect(parseSettings({ HOST: host, API_TOKENS: TOKEN }).ok).toBe(true)
    },
  )

  it.each(['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost'])('treats %s as loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true)
    expect(parseSettings({ HOST: host }).ok).toBe(true)
  })
})
