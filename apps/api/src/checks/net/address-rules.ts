import ipaddr from 'ipaddr.js'

/**
 * Which addresses a check may connect to (api-contract.md, security defaults). Pure functions:
 * no DNS, no sockets. Every IPv6 form that carries an IPv4 address (mapped, compatible, NAT64,
 * 6to4, Teredo) is judged by the embedded address too, so an encoding cannot dodge a rule.
 */

export type PolicySettings = {
  allowLoopback: boolean
  denyPrivate: boolean
  allowCidrs: readonly string[]
  denyCidrs: readonly string[]
}

export type Address = ipaddr.IPv4 | ipaddr.IPv6
type Cidr = [Address, number]

export type Verdict = { allowed: true } | { allowed: false; reason: string }

const cidrs = (list: readonly string[]): Cidr[] => list.map((c) => ipaddr.parseCIDR(c) as Cidr)

/** Link-local, cloud metadata and non-unicast space: refused whatever the settings say. */
const ALWAYS_REFUSED = cidrs([
  '169.254.0.0/16', // IPv4 link-local, AWS/GCP/Azure/OCI metadata at 169.254.169.254
  '168.63.129.16/32', // Azure wire server
  '100.100.100.200/32', // Alibaba Cloud metadata
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, broadcast
  'fe80::/10', // IPv6 link-local
  'fec0::/10', // deprecated site-local
  'fd00:ec2::254/128', // AWS metadata over IPv6
  'ff00::/8', // multicast
])

/** Only with allowLoopback: this machine (0.0.0.0 and :: reach it too on Linux). */
const LOOPBACK = cidrs(['127.0.0.0/8', '0.0.0.0/8', '::1/128', '::/128'])

/** Refused with denyPrivate. */
const PRIVATE = cidrs([
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '100.64.0.0/10', // carrier-grade NAT, also used inside clusters
  '198.18.0.0/15', // benchmarking
  'fc00::/7', // unique local
])

/** Metadata services reachable by name; matched after lower-casing and dropping a trailing dot. */
const REFUSED_NAMES = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'metadata.azure.com',
  'metadata.azure.internal',
  'instance-data',
  'instance-data.ec2.internal',
  'metadata.ec2.internal',
  'metadata.tencentyun.com',
  'metadata.platformequinix.com',
  'metadata.oraclecloud.com',
])

const inAny = (addr: Address, list: Cidr[]): Cidr | undefined => {
  let best: Cidr | undefined
  for (const c of list)
    if (c[0].kind() === addr.kind() && addr.match(c) && (!best || c[1] > best[1])) best = c
  return best
}

/** The IPv4 addresses an IPv6 address carries (mapped, compatible, NAT64, 6to4, Teredo). */
export const embeddedIPv4 = (addr: ipaddr.IPv6): ipaddr.IPv4[] => {
  const p = addr.parts
  const v4 = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff])
  const out: ipaddr.IPv4[] = []
  const at = (...prefix: number[]) => prefix.every((v, i) => p[i] === v)
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), ::ffff:0:a.b.c.d (SIIT)
  if (at(0, 0, 0, 0, 0) && (p[5] === 0xffff || p[5] === 0)) out.push(v4(p[6]!, p[7]!))
  if (at(0, 0, 0, 0, 0xffff, 0)) out.push(v4(p[6]!, p[7]!))
  // NAT64 well-known prefix 64:ff9b::/96 and local-use 64:ff9b:1::/48
  if (at(0x64, 0xff9b)) out.push(v4(p[6]!, p[7]!))
  // 6to4 2002:AABB:CCDD::/48
  if (p[0] === 0x2002) out.push(v4(p[1]!, p[2]!))
  // Teredo 2001:0::/32: server in bits 32-63, client obfuscated (inverted) in the last 32 bits
  if (at(0x2001, 0)) {
    out.push(v4(p[2]!, p[3]!))
    out.push(v4(~p[6]! & 0xffff, ~p[7]! & 0xffff))
  }
  return out
}

const judgeOne = (addr: Address, s: PolicySettings, lists: { allow: Cidr[]; deny: Cidr[] }): Verdict => {
  const shown = addr.toString()
  if (inAny(addr, ALWAYS_REFUSED))
    return { allowed: false, reason: `${shown} is a link-local, multicast or cloud metadata address` }
  const deny = inAny(addr, lists.deny)
  const allow = inAny(addr, lists.allow)
  // The more specific range wins, so "deny 10.0.0.0/8, allow 10.1.2.0/24" does what it says.
  if (deny && (!allow || deny[1] >= allow[1]))
    return { allowed: false, reason: `${shown} is in CHECKS_DENY_CIDRS` }
  if (allow) return { allowed: true }
  if (inAny(addr, LOOPBACK) && !s.allowLoopback)
    return {
      allowed: false,
      reason: `${shown} is this machine (loopback), refused unless CHECKS_ALLOW_LOOPBACK=true`,
    }
  if (inAny(addr, PRIVATE) && s.denyPrivate)
    return {
      allowed: false,
      reason: `${shown} is a private address, refused because CHECKS_DENY_PRIVATE=true`,
    }
  return { allowed: true }
}

/** Compiles the settings once; the returned function judges one address. */
export const addressJudge = (s: PolicySettings) => {
  const lists = { allow: cidrs(s.allowCidrs), deny: cidrs(s.denyCidrs) }
  return (addr: Address): Verdict => {
    const views: Address[] = [addr]
    if (addr.kind() === 'ipv6') views.push(...embeddedIPv4(addr as ipaddr.IPv6))
    for (const v of views) {
      const verdict = judgeOne(v, s, lists)
      if (!verdict.allowed)
        return v === addr
          ? verdict
          : { allowed: false, reason: `${addr.toString()} embeds ${verdict.reason}` }
    }
    return { allowed: true }
  }
}

/** Lower-case, no brackets, no trailing dot. */
export const normalizeHost = (host: string): string =>
  host
    .trim()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.+$/, '')
    .toLowerCase()

export const isRefusedName = (host: string): boolean => {
  const h = normalizeHost(host)
  if (REFUSED_NAMES.has(h)) return true
  return h.endsWith('.metadata.google.internal')
}

/**
 * An address literal in any form the resolver would accept: dotted, decimal (2852039166),
 * octal (0251.0376.0251.0376), hex (0xA9FEA9FE), short (169.254.43518), IPv6 with or without
 * brackets. Returns undefined for a host name.
 */
export const parseAddressLiteral = (host: string): Address | undefined => {
  const h = normalizeHost(host)
  if (h.includes('%')) return undefined // zone ids are refused by the caller
  if (ipaddr.IPv6.isValid(h)) return ipaddr.IPv6.parse(h)
  if (ipaddr.IPv4.isValid(h)) return ipaddr.IPv4.parse(h)
  return undefined
}

/** A form Node's net module connects to as-is (dotted quad or canonical IPv6). */
export const toConnectable = (addr: Address): string => addr.toString()
