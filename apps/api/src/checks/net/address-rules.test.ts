import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addressJudge, isRefusedName, type PolicySettings, parseAddressLiteral } from './address-rules.js'

const OPEN: PolicySettings = { allowLoopback: true, denyPrivate: false, allowCidrs: [], denyCidrs: [] }
const DEFAULT: PolicySettings = { allowLoopback: false, denyPrivate: false, allowCidrs: [], denyCidrs: [] }

const verdict = (host: string, s: PolicySettings) => {
  const addr = parseAddressLiteral(host)
  if (!addr) throw new Error(`${host} is not an address literal`)
  return addressJudge(s)(addr)
}

/** Link-local and metadata in every spelling the resolver or a URL parser would accept. */
const ALWAYS_REFUSED = [
  '169.254.169.254',
  '169.254.0.1',
  '2852039166', // decimal
  '0251.0376.0251.0376', // octal
  '0xA9FEA9FE', // hex
  '0xa9.0xfe.0xa9.0xfe', // hex per octet
  '169.254.43518', // short form a.b.c
  '169.16689662', // short form a.b
  '[::ffff:169.254.169.254]',
  '::ffff:169.254.169.254', // IPv4-mapped
  '::169.254.169.254', // IPv4-compatible
  '::ffff:a9fe:a9fe', // mapped, hex
  '::ffff:0:a9fe:a9fe', // SIIT
  '64:ff9b::a9fe:a9fe', // NAT64
  '64:ff9b::169.254.169.254',
  '64:ff9b:1::a9fe:a9fe', // local-use NAT64
  '2002:a9fe:a9fe::', // 6to4
  '2002:a9fe:a9fe:1::1',
  '2001:0:4136:e378:8000:63bf:5601:5601', // Teredo, client 169.254.169.254 (inverted)
  'fe80::1',
  'fe80::a9fe:a9fe',
  'fd00:ec2::254', // AWS metadata over IPv6
  '168.63.129.16', // Azure wire server
  '100.100.100.200', // Alibaba metadata
  '224.0.0.1',
  '255.255.255.255',
  'ff02::1',
]

const LOOPBACK = [
  '127.0.0.1',
  '127.1',
  '127.255.255.254',
  '2130706433',
  '0x7f000001',
  '017700000001',
  '::1',
  '[::1]',
  '0.0.0.0',
  '0',
  '::',
  '::ffff:127.0.0.1',
  '64:ff9b::7f00:1',
  '2002:7f00:1::',
]

const PRIVATE = [
  '10.0.0.1',
  '167772161',
  '172.16.5.4',
  '172.31.255.255',
  '192.168.1.1',
  '100.64.0.1',
  'fc00::1',
  'fd12:3456::1',
  '::ffff:10.0.0.1',
  '::ffff:192.168.0.1',
]

const PUBLIC = ['8.8.8.8', '203.0.113.10', '2606:4700::1111', '172.32.0.1', '100.128.0.1', '169.253.255.255']

describe('address rules: always refused', () => {
  it.each(ALWAYS_REFUSED)('%s is refused even with the most open settings', (host) => {
    const v = verdict(host, OPEN)
    expect(v.allowed).toBe(false)
    const allowAll = verdict(host, {
      ...OPEN,
      allowCidrs: ['0.0.0.0/0', '::/0', '169.254.0.0/16', 'fe80::/10'],
    })
    expect(allowAll.allowed).toBe(false)
  })

  it.each([
    'metadata.google.internal',
    'METADATA.GOOGLE.INTERNAL.',
    'metadata',
    'metadata.goog',
    'instance-data',
    'instance-data.ec2.internal',
    'something.metadata.google.internal',
  ])('the name %s is refused', (name) => {
    expect(isRefusedName(name)).toBe(true)
  })

  it('ordinary names are not refused by name', () => {
    expect(isRefusedName('metadata-service.example.com')).toBe(false)
    expect(isRefusedName('redis.internal')).toBe(false)
  })

  it('any link-local IPv4 address in any encoding is refused (property)', () => {
    const linkLocal = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
    fc.assert(
      fc.property(linkLocal, ([c, d]) => {
        const n = ((169 << 24) | (254 << 16) | (c << 8) | d) >>> 0
        const hex = (x: number) => x.toString(16)
        const forms = [
          `169.254.${c}.${d}`,
          String(n),
          `0x${hex(n)}`,
          `0251.0376.0${c.toString(8)}.0${d.toString(8)}`,
          `169.254.${(c << 8) | d}`,
          `::ffff:169.254.${c}.${d}`,
          `::ffff:a9fe:${hex((c << 8) | d)}`,
          `64:ff9b::a9fe:${hex((c << 8) | d)}`,
          `2002:a9fe:${hex((c << 8) | d)}::1`,
        ]
        return forms.every((f) => verdict(f, OPEN).allowed === false)
      }),
    )
  })
})

describe('address rules: loopback', () => {
  it.each(LOOPBACK)('%s is refused by default', (host) => {
    const v = verdict(host, DEFAULT)
    expect(v.allowed).toBe(false)
    if (!v.allowed) expect(v.reason).toMatch(/loopback|CHECKS_ALLOW_LOOPBACK/)
  })
  it.each(LOOPBACK)('%s is allowed with CHECKS_ALLOW_LOOPBACK', (host) => {
    expect(verdict(host, OPEN).allowed).toBe(true)
  })
})

describe('address rules: private ranges', () => {
  it.each(PRIVATE)('%s is allowed by default (an internal tool reaches internal services)', (host) => {
    expect(verdict(host, DEFAULT).allowed).toBe(true)
  })
  it.each(PRIVATE)('%s is refused with CHECKS_DENY_PRIVATE', (host) => {
    const v = verdict(host, { ...DEFAULT, denyPrivate: true })
    expect(v.allowed).toBe(false)
    if (!v.allowed) expect(v.reason).toContain('CHECKS_DENY_PRIVATE')
  })
  it.each(PUBLIC)('%s (public) is allowed even with CHECKS_DENY_PRIVATE', (host) => {
    expect(verdict(host, { ...DEFAULT, denyPrivate: true }).allowed).toBe(true)
  })
})

describe('address rules: CHECKS_ALLOW_CIDRS and CHECKS_DENY_CIDRS', () => {
  it('a deny range refuses a public address', () => {
    const s = { ...DEFAULT, denyCidrs: ['203.0.113.0/24'] }
    expect(verdict('203.0.113.5', s).allowed).toBe(false)
    expect(verdict('203.0.114.5', s).allowed).toBe(true)
  })
  it('an allow range opens part of the private space when private ranges are refused', () => {
    const s = { ...DEFAULT, denyPrivate: true, allowCidrs: ['10.1.0.0/16'] }
    expect(verdict('10.1.2.3', s).allowed).toBe(true)
    expect(verdict('10.2.0.1', s).allowed).toBe(false)
  })
  it('the more specific range wins between allow and deny', () => {
    const s = { ...DEFAULT, denyCidrs: ['10.0.0.0/8'], allowCidrs: ['10.1.2.0/24'] }
    expect(verdict('10.1.2.5', s).allowed).toBe(true)
    expect(verdict('10.3.0.1', s).allowed).toBe(false)
    const tie = { ...DEFAULT, denyCidrs: ['10.1.2.0/24'], allowCidrs: ['10.1.2.0/24'] }
    expect(verdict('10.1.2.5', tie).allowed).toBe(false)
  })
  it('an allow range can admit a loopback address without CHECKS_ALLOW_LOOPBACK', () => {
    expect(verdict('127.0.0.1', { ...DEFAULT, allowCidrs: ['127.0.0.1/32'] }).allowed).toBe(true)
  })
  it('a deny range applies to the IPv4 address embedded in IPv6 forms', () => {
    const s = { ...OPEN, denyCidrs: ['198.51.100.0/24'] }
    expect(verdict('::ffff:198.51.100.7', s).allowed).toBe(false)
    expect(verdict('64:ff9b::c633:6407', s).allowed).toBe(false)
  })
})

describe('address literals', () => {
  it('host names are not literals', () => {
    expect(parseAddressLiteral('redis.example.com')).toBeUndefined()
    expect(parseAddressLiteral('deadbeef')).toBeUndefined()
  })
  it('scoped addresses are not parsed as literals (the policy refuses them)', () => {
    expect(parseAddressLiteral('fe80::1%eth0')).toBeUndefined()
  })
})
