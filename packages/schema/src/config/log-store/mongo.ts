import { z } from 'zod'
import { doc, ident, isHost, option, secret, text } from '../fields.js'
import { FORBIDDEN_MONGO_OPTIONS, MONGO_URL } from '../patterns.js'

// ---- Mongo / DocumentDB -----------------------------------------------------------------------

const mongoText = secret('Connection URL', 4096).meta({ pattern: MONGO_URL.source })
const mongoUrl = mongoText.superRefine((v, ctx) => {
  const m = /^mongodb(\+srv)?:\/\/(?:[^@/]*@)?([^/?#]+)(\/[^?#]*)?(\?[^#]*)?$/.exec(v)
  if (!m) {
    ctx.addIssue({
      code: 'custom',
      message:
        'Connection URL must look like mongodb://user:password@host:27017/?tls=true or mongodb+srv://user:password@cluster.example.net.',
    })
    return
  }
  const hosts = (m[2] ?? '').split(',')
  if (!hosts.every((h) => isHost(h.replace(/:\d{1,5}$/, '')))) {
    ctx.addIssue({
      code: 'custom',
      message: 'Connection URL has an invalid host: use host or host:port, comma-separated.',
    })
    return
  }
  if (/\s/.test(v)) {
    ctx.addIssue({
      code: 'custom',
      message: 'Connection URL must not contain spaces: percent-encode them as %20.',
    })
    return
  }
  const query = (m[4] ?? '').slice(1)
  for (const pair of query.split('&')) {
    const key = (pair.split('=')[0] ?? '').toLowerCase()
    if (FORBIDDEN_MONGO_OPTIONS.includes(key)) {
      ctx.addIssue({
        code: 'custom',
        message: `Connection URL must not set ${pair.split('=')[0]}: upload the CA certificate under "TLS CA" and portkey-setup adds tlsCAFile for you.`,
      })
      return
    }
  }
  // The pattern the OpenAPI document carries draws the same line as the checks above.
  if (!MONGO_URL.test(v))
    ctx.addIssue({
      code: 'custom',
      message:
        'Connection URL must look like mongodb://user:password@host:27017/?tls=true or mongodb+srv://user:password@cluster.example.net.',
    })
})

const mongoName = (label: string) =>
  text(label, 120).regex(/^[^/\\."$*<>:|?\s]*$/, {
    error: `${label} must not contain spaces or any of / \\ . " $ * < > : | ?.`,
  })
const mongoCollection = (label: string) =>
  text(label, 120).regex(/^(?!system\.)[^$]*$/, {
    error: `${label} must not contain "$" or start with "system.".`,
  })

export const MongoTlsCaSchema = z
  .strictObject({
    fileName: ident(
      'CA file name',
      /^[A-Za-z0-9][A-Za-z0-9._-]{0,100}\.(pem|crt)$/,
      'use a plain file name ending in .pem or .crt, e.g. document_db.pem.',
      105,
    )
      .default('document_db.pem')
      .meta(doc('The name the certificate is mounted as, under /etc/shared/ in the gateway pod.')),
    pem: z
      .string({ error: 'CA certificate is required: paste the PEM text.' })
      .max(262144, { error: 'CA certificate is too large: use at most 256 KiB of PEM.' })
      .regex(/^\s*(-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----\s*)+$/, {
        error:
          'CA certificate must be PEM text: one or more blocks from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.',
      })
      .meta({
        title: 'CA certificate',
        ...doc(
          'The PEM of the authority that signed the server certificate, such as the Amazon DocumentDB global bundle.',
        ),
      }),
  })
  .meta({
    title: 'TLS CA',
    ...doc('A CA certificate for TLS to MongoDB or DocumentDB, shipped to the pod in a ConfigMap.'),
  })

export const MongoLogStoreSchema = z
  .strictObject({
    type: option(
      'mongo',
      'MongoDB or Amazon DocumentDB',
      'Choose this if you already run MongoDB or DocumentDB and want the logs there.',
    ),
    connectionUrl: mongoUrl.meta(
      doc('The full connection string, with the user and password the gateway signs in with.', {
        env: 'MONGO_DB_CONNECTION_URL',
        placeholder: 'mongodb://user:password@host:27017/?tls=true',
      }),
    ),
    database: mongoName('Database').meta(
      doc('The database the log collections live in.', { env: 'MONGO_DATABASE' }),
    ),
    collection: mongoCollection('Log collection').meta(
      doc('Where request and response logs are written.', { env: 'MONGO_COLLECTION_NAME' }),
    ),
    // The README spells the key GENERATION_, the chart's values file GENERATIONS_: both are set.
    hooksCollection: mongoCollection('Generation hooks collection').meta(
      doc('Where the results of guardrail hooks are written.', {
        env: ['MONGO_GENERATION_HOOKS_COLLECTION_NAME', 'MONGO_GENERATIONS_HOOKS_COLLECTION_NAME'],
      }),
    ),
    tlsCa: MongoTlsCaSchema.optional(),
  })
  .describe('Store logs in MongoDB or DocumentDB.')
