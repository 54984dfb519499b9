import { fieldTitle, labelOf } from '@portkey-setup/schema'
import { TargetBlockedError } from '../net/policy.js'
import { CheckFailure, errnoOf, findCause } from './failure.js'
import type { FieldPath } from './types.js'

/**
 * Maps the failures every client meets on the way to a server (policy, DNS, TCP, TLS) to a code,
 * a plain message and a hint naming the config field. Protocol-specific failures are mapped by
 * each check; this is the shared floor below them.
 */

/**
 * A field named in a hint. It stays a reference until the result is finished, when the runner
 * replaces it with the label the wizard shows for the config's branch (see labelFields).
 */
export const fieldLabel = (field: FieldPath) => `\u27e6${field.join('.')}\u27e7`

const FIELD_REF =
  /\u27e6([^\u27e7]*)\u27e7|\b((?:chart|registry|gateway|logStore|analytics|otel|cache|sync|bedrock|dataService|secrets)(?:\.[A-Za-z]+)+)\b/g

/**
 * Every field reference in a text (fieldLabel's, or a config path written out in a hint), as the
 * user sees the field: “Bucket” (Log store).
 */
export const labelFields = (text: string, config: unknown) =>
  text.replace(FIELD_REF, (match: string, ref: string | undefined, bare: string | undefined) => {
    const path = ref ?? bare ?? ''
    const segs = path.split('.').map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg))
    // A written-out path that names no field (a host name, say) stays as it is.
    if (ref === undefined && !labelOf(segs, config)) return match
    const [section, label] = fieldTitle(segs, config).split(' › ')
    return label ? `“${label}” (${section})` : `“${section}”`
  })

const TLS_UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'INVALID_CA',
])
const TLS_EXPIRED = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID'])

const isBlocked = (e: unknown): e is TargetBlockedError => e instanceof TargetBlockedError

export const tlsFailure = (code: string, field: FieldPath, caHint?: string): CheckFailure | undefined => {
  const f = fieldLabel(field)
  if (TLS_UNTRUSTED.has(code))
    return new CheckFailure(
      'TLS_FAILED',
      `The server's TLS certificate is not signed by a trusted certificate authority (${code}).`,
      caHint ??
        `Use a certificate from a public CA on the server, or make sure ${f} points at the right server.`,
      field,
    )
  if (TLS_EXPIRED.has(code))
    return new CheckFailure(
      'TLS_FAILED',
      `The server's TLS certificate is expired or not yet valid (${code}).`,
      `Renew the server certificate; nothing in ${f} can fix this.`,
      field,
    )
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID')
    return new CheckFailure(
      'TLS_FAILED',
      `The server's TLS certificate is not issued for the host name in ${f} (${code}).`,
      `Use the host name the certificate was issued for in ${f}.`,
      field,
    )
  if (code === 'EPROTO' || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_'))
    return new CheckFailure(
      'TLS_FAILED',
      `The TLS handshake failed: the server may not speak TLS on this port (${code}).`,
      `Check the scheme and port in ${f} (http vs https, redis vs rediss), and the TLS setting.`,
      field,
    )
  return undefined
}

/** A CheckFailure for policy, DNS, TCP and TLS errors; undefined for anything else. */
export const networkFailure = (err: unknown, field: FieldPath, caHint?: string): CheckFailure | undefined => {
  if (err instanceof CheckFailure) return err
  const f = fieldLabel(field)
  const blocked = findCause(err, isBlocked)
  if (blocked)
    return new CheckFailure(
      'TARGET_BLOCKED',
      `This API does not connect there: ${blocked.reason}.`,
      `Use the address the gateway will use in ${f}. Link-local and cloud metadata addresses are always refused; loopback needs CHECKS_ALLOW_LOOPBACK=true and private ranges follow CHECKS_DENY_PRIVATE on the API server.`,
      field,
    )
  const code = errnoOf(err)
  if (!code) return undefined
  if (code === 'TARGET_BLOCKED') {
    // A library re-wrapped our own TargetBlockedError; its message is ours and carries the reason.
    const reason = /refused by the network policy: (.*)$/.exec((err as Error).message ?? '')?.[1]
    return new CheckFailure(
      'TARGET_BLOCKED',
      `This API does not connect there${reason ? `: ${reason}` : ''}.`,
      `Use the address the gateway will use in ${f}. Link-local and cloud metadata addresses are always refused; loopback needs CHECKS_ALLOW_LOOPBACK=true and private ranges follow CHECKS_DENY_PRIVATE on the API server.`,
      field,
    )
  }
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_NONAME':
    case 'ENODATA':
    case 'EAI_NODATA':
      return new CheckFailure(
        'DNS_NOT_FOUND',
        `The host name in ${f} does not resolve to any address (${code}).`,
        `Check the spelling of the host in ${f}, and that it resolves from where this check runs.`,
        field,
      )
    case 'EAI_AGAIN':
    case 'ESERVFAIL':
    case 'ETIMEOUT':
    case 'ECONNREFUSED_DNS':
      return new CheckFailure(
        'DNS_NOT_FOUND',
        `The host name in ${f} could not be resolved right now (${code}).`,
        `Check that DNS works from this machine and that the host in ${f} exists.`,
        field,
      )
    case 'ECONNREFUSED':
      return new CheckFailure(
        'CONNECTION_REFUSED',
        `Nothing accepts connections at the host and port in ${f} (${code}).`,
        `Check the port in ${f} and that the server is running and listening on that address.`,
        field,
      )
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return new CheckFailure(
        'TIMEOUT',
        `The connection to the host in ${f} timed out (${code}).`,
        `Check that a firewall or security group lets this machine reach the host and port in ${f}.`,
        field,
      )
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ECONNABORTED':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
    case 'EADDRNOTAVAIL':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return new CheckFailure(
        'CONNECTION_FAILED',
        `The connection to the host in ${f} broke off or could not be routed (${code}).`,
        `Check the host, port and TLS setting in ${f}, and the network path from this machine.`,
        field,
      )
    default:
      return tlsFailure(code, field, caHint)
  }
}
