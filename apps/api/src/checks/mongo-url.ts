import { ConnectionString } from 'mongodb-connection-string-url'
import { CheckFailure, errorTag } from './runner/failure.js'

/**
 * Reads a MongoDB connection URL far enough to judge it: the hosts to reach and the options
 * that would make the driver read files on this machine, use its ambient identity or tunnel
 * elsewhere. Those are refused; the CA comes only from the config, in memory.
 */

export type MongoUrl = {
  srv: boolean
  hosts: { host: string; port: number }[]
  /** Lower-cased option names (the driver reads them case-insensitively) with their decoded values. */
  options: Map<string, string>
}

/** Options that read a file on the API host or send traffic somewhere the policy does not see. */
const REFUSED_OPTIONS: Record<string, string> = {
  tlscafile: 'reads a CA file on the machine running the check; upload the CA under logStore.tlsCa instead',
  tlscertificatekeyfile: 'reads a client certificate file on the machine running the check',
  tlscertificatekeyfilepassword: 'belongs to a client certificate file, which checks do not read',
  tlscrlfile: 'reads a revocation list file on the machine running the check',
  sslca: 'reads a CA file (legacy name of tlsCAFile); upload the CA under logStore.tlsCa instead',
  sslcert: 'reads a client certificate file (legacy option)',
  sslkey: 'reads a client key file (legacy option)',
  sslpass: 'belongs to a client key file (legacy option)',
  sslcrl: 'reads a revocation list file (legacy option)',
  proxyhost: 'sends the connection through a proxy the network policy cannot judge',
  proxyport: 'sends the connection through a proxy the network policy cannot judge',
  proxyusername: 'sends the connection through a proxy the network policy cannot judge',
  proxypassword: 'sends the connection through a proxy the network policy cannot judge',
}

/** Mechanisms that take their identity from the machine (cloud role, Kerberos, OIDC) or from a file. */
const REFUSED_MECHANISMS: Record<string, string> = {
  'MONGODB-AWS': 'uses the AWS identity of the machine running the check',
  'MONGODB-OIDC': 'uses a workload identity of the machine running the check',
  GSSAPI: 'uses the Kerberos identity of the machine running the check',
  'MONGODB-X509': 'needs a client certificate file, which checks do not read',
}

const field = ['logStore', 'connectionUrl']

/** "host", "host:port" or "[v6]:port", as the driver's parser lists them. */
const hostPort = (h: string) => {
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(h)
  if (v6) return { host: v6[1]!, port: Number(v6[2] ?? 27017) }
  const i = h.lastIndexOf(':')
  return i < 0 ? { host: h, port: 27017 } : { host: h.slice(0, i), port: Number(h.slice(i + 1)) }
}

/** Parsed by the driver's own parser (mongodb-connection-string-url), so both read it alike. */
export const parseMongoUrl = (url: string): MongoUrl => {
  let cs: ConnectionString
  try {
    cs = new ConnectionString(url)
  } catch (err) {
    if (!/^mongodb(\+srv)?:\/\//i.test(url))
      throw new CheckFailure(
        'UNSUPPORTED',
        'The connection URL is not a mongodb:// or mongodb+srv:// URL.',
        'Use mongodb://user:password@host:27017/?tls=true or mongodb+srv://user:password@cluster.example.net.',
        field,
      )
    throw new CheckFailure(
      'UNSUPPORTED',
      `The driver could not use the connection URL${errorTag(err instanceof Error ? err.name : undefined)}.`,
      'Check the options in logStore.connectionUrl against the MongoDB connection string reference.',
      field,
    )
  }
  const options = new Map<string, string>()
  for (const [key, value] of cs.searchParams) options.set(key.toLowerCase(), value)
  return { srv: cs.isSRV, hosts: cs.hosts.map(hostPort), options }
}

/** Throws UNSUPPORTED for options a check must not honour. */
export const refuseUnsafeOptions = (u: MongoUrl) => {
  for (const [key, why] of Object.entries(REFUSED_OPTIONS))
    if (u.options.has(key))
      throw new CheckFailure(
        'UNSUPPORTED',
        `The connection URL sets ${key}, which ${why}.`,
        `Remove ${key} from logStore.connectionUrl${key.includes('ca') ? ' and upload the CA certificate under logStore.tlsCa' : ''}.`,
        field,
      )
  const mech = u.options.get('authmechanism')?.toUpperCase()
  if (mech && REFUSED_MECHANISMS[mech])
    throw new CheckFailure(
      'UNSUPPORTED',
      `authMechanism=${mech} ${REFUSED_MECHANISMS[mech]}, so it cannot be checked from here.`,
      'Check this log store from inside the cluster, or use user and password authentication (SCRAM) in logStore.connectionUrl.',
      field,
    )
}

export const tlsRequested = (u: MongoUrl) =>
  u.srv || ['true', '1', 'yes'].includes((u.options.get('tls') ?? u.options.get('ssl') ?? '').toLowerCase())
