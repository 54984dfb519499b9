import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { DeploymentConfigSchema } from '../config/index.js'
import { type FixtureName, fixtures } from '../fixtures/index.js'
import { importValues } from '../import-values.js'
import { validateConfig } from '../validate.js'
import { renderValuesYaml } from './values-yaml.js'

// biome-ignore lint/suspicious/noExplicitAny: parsed YAML and config inputs, checked by the assertions
type Loose = Record<string, any>
type Values = Loose
type Input = Loose

/** Strings that mean something to YAML, Helm or a shell, mixed with arbitrary Unicode. */
const HOSTILE = [
  ': ',
  '#',
  ' #x',
  '- ',
  '&a',
  '*a',
  '!!str',
  '!',
  '{',
  '}',
  '[',
  ']',
  ',',
  '---',
  '...',
  "'",
  '"',
  '\\',
  'null',
  'true',
  'yes',
  'on',
  'no',
  '0x1',
  '1e3',
  '0777',
  '~',
  '%YAML',
  '@',
  '`',
  '|',
  '>',
  '\u2028',
  '\u2029',
  '\u0085',
  '\ufeff',
  '\u00a0',
  '\n',
  '\t',
  '\r',
  ' ',
  '$(x)',
  '$' + '{x}', // shell parameter expansion
  '%',
  '%2C',
  '=',
  '\ud83d\ude00',
]
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 15 }),
  fc
    .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'grapheme-ascii', maxLength: 4 })), {
      minLength: 1,
      maxLength: 8,
    })
    .map((parts) => parts.join('')),
)

const encode = (v: string) => {
  try {
    return encodeURIComponent(v)
  } catch {
    return undefined // a lone surrogate: nothing a user could type into a URL
  }
}

type FreeField = {
  name: string
  base: FixtureName
  set: (c: Input, v: string) => Input | undefined
  read: (values: Values) => unknown
  expected: (v: string) => unknown
}
const data = (key: string) => (values: Values) => values.environment.data[key]
const same = (v: string): unknown => v
const field = (
  name: string,
  base: FixtureName,
  set: FreeField['set'],
  read: FreeField['read'],
  expected: FreeField['expected'] = same,
): FreeField => ({
  name,
  base,
  set,
  read,
  expected,
})
const mongoUrl = (password: string) => `mongodb://portkey:${password}@mongo.internal:27017/?retryWrites=false`

const FREE_TEXT: FreeField[] = [
  field(
    'pod annotation value',
    'kubernetes-replicas-pdb-scheduling',
    (c, v) => ({
      ...c,
      kubernetes: {
        ...c.kubernetes,
        podAnnotations: { ...c.kubernetes.podAnnotations, 'acme.example/owner': v },
      },
    }),
    (x) => x.podAnnotations['acme.example/owner'],
  ),
  field(
    'service account annotation value',
    'kubernetes-replicas-pdb-scheduling',
    (c, v) => ({
      ...c,
      kubernetes: {
        ...c.kubernetes,
        serviceAccount: { ...c.kubernetes.serviceAccount, annotations: { 'acme.example/audit': v } },
      },
    }),
    (x) => x.serviceAccount.annotations['acme.example/audit'],
  ),
  field(
    'extra env value',
    'kubernetes-extra-env',
    (c, v) => ({
      ...c,
      kubernetes: { ...c.kubernetes, extraEnv: { ...c.kubernetes.extraEnv, LOG_LEVEL: v } },
    }),
    data('LOG_LEVEL'),
  ),
  field(
    'data service extra env value',
    'kubernetes-data-service-runtime',
    (c, v) => ({
      ...c,
      kubernetes: {
        ...c.kubernetes,
        dataService: { ...c.kubernetes.dataService, extraEnv: { LOG_LEVEL: v } },
      },
    }),
    (x) => x.dataservice.deployment.extraEnv[0].value,
  ),
  field(
    'registry.username',
    's3',
    (c, v) => ({ ...c, registry: { ...c.registry, username: v } }),
    (x) => x.imageCredentials[0].username,
  ),
  field(
    'registry.password',
    's3',
    (c, v) => ({ ...c, registry: { ...c.registry, password: v } }),
    (x) => x.imageCredentials[0].password,
  ),
  field(
    'logStore.secretKey',
    's3',
    (c, v) => ({ ...c, logStore: { ...c.logStore, secretKey: v } }),
    data('LOG_STORE_SECRET_KEY'),
  ),
  field(
    'gcs secretKey',
    'gcs',
    (c, v) => ({ ...c, logStore: { ...c.logStore, secretKey: v } }),
    data('LOG_STORE_SECRET_KEY'),
  ),
  field(
    'mongo database',
    'mongo',
    (c, v) => ({ ...c, logStore: { ...c.logStore, database: v } }),
    data('MONGO_DATABASE'),
  ),
  field(
    'mongo collection',
    'mongo',
    (c, v) => ({ ...c, logStore: { ...c.logStore, collection: v } }),
    data('MONGO_COLLECTION_NAME'),
  ),
  field(
    'mongo hooks collection',
    'mongo',
    (c, v) => ({ ...c, logStore: { ...c.logStore, hooksCollection: v } }),
    (x) => [
      x.environment.data.MONGO_GENERATION_HOOKS_COLLECTION_NAME,
      x.environment.data.MONGO_GENERATIONS_HOOKS_COLLECTION_NAME,
    ],
    (v) => [v, v],
  ),
  field(
    'mongo URL password, percent-encoded',
    'mongo',
    (c, v) => {
      const e = encode(v)
      return e === undefined ? undefined : { ...c, logStore: { ...c.logStore, connectionUrl: mongoUrl(e) } }
    },
    data('MONGO_DB_CONNECTION_URL'),
    (v) => mongoUrl(encode(v) ?? ''),
  ),
  field(
    'mongo URL password, as typed',
    'mongo',
    (c, v) => ({ ...c, logStore: { ...c.logStore, connectionUrl: mongoUrl(v) } }),
    data('MONGO_DB_CONNECTION_URL'),
    mongoUrl,
  ),
  // With a CA, tlsCAFile must land in the query even when the password holds a '?'.
  field(
    'mongo URL password, as typed, with a CA',
    'mongo-tls-ca',
    (c, v) => ({
      ...c,
      logStore: { ...c.logStore, connectionUrl: `mongodb://portkey:${v}@docdb.internal/portkey` },
    }),
    data('MONGO_DB_CONNECTION_URL'),
    (v) => `mongodb://portkey:${v}@docdb.internal/portkey?tlsCAFile=/etc/shared/document_db.pem`,
  ),
  field(
    'clickhouse user',
    'analytics-clickhouse',
    (c, v) => ({ ...c, analytics: { ...c.analytics, user: v } }),
    data('ANALYTICS_STORE_USER'),
  ),
  field(
    'clickhouse password',
    'analytics-clickhouse',
    (c, v) => ({ ...c, analytics: { ...c.analytics, password: v } }),
    data('ANALYTICS_STORE_PASSWORD'),
  ),
  field(
    'sync.clientAuth',
    's3',
    (c, v) => ({ ...c, sync: { ...c.sync, clientAuth: v } }),
    data('PORTKEY_CLIENT_AUTH'),
  ),
  field(
    'otel resource attribute value',
    'otel',
    (c, v) => ({
      ...c,
      otel: { ...c.otel, resourceAttributes: { ...c.otel.resourceAttributes, AssetId: v } },
    }),
    (x) => {
      // Split the way a reader of k=v,k2=v2 does; a comma or = in the value must not add a pair.
      const pairs = (x.environment.data.OTEL_RESOURCE_ATTRIBUTES as string)
        .split(',')
        .map((p) => p.split('='))
      return pairs.map(([k, val]) => [k, decodeURIComponent(val ?? '')])
    },
    (v) => [
      ['ApplicationShortName', 'gateway'],
      ['AssetId', v],
      ['deployment.service', 'production'],
    ],
  ),
  field(
    'azure key',
    'azure-key',
    (c, v) => ({ ...c, logStore: { ...c.logStore, auth: { mode: 'key', key: v } } }),
    data('AZURE_STORAGE_KEY'),
  ),
  field(
    'entra client secret',
    'azure-entra',
    (c, v) => ({ ...c, logStore: { ...c.logStore, auth: { ...c.logStore.auth, clientSecret: v } } }),
    data('AZURE_ENTRA_CLIENT_SECRET'),
  ),
  field(
    'bedrock secret access key',
    'bedrock-principal',
    (c, v) => ({
      ...c,
      bedrock: {
        ...c.bedrock,
        assumeRoleCredentials: { ...c.bedrock.assumeRoleCredentials, secretAccessKey: v },
      },
    }),
    data('AWS_ASSUME_ROLE_SECRET_ACCESS_KEY'),
  ),
  field(
    'redis URL password, percent-encoded',
    'cache-custom',
    (c, v) => {
      const e = encode(v)
      return e === undefined
        ? undefined
        : { ...c, cache: { ...c.cache, url: `redis://:${e}@redis.acme.internal:6379` } }
    },
    data('REDIS_URL'),
    (v) => `redis://:${encode(v) ?? ''}@redis.acme.internal:6379`,
  ),
]

/**
 * Characters Helm's YAML reader refuses (C1 controls, U+FEFF, U+FFFE/F) or reads as line breaks
 * (NEL, LS, PS), and lone surrogates, which no UTF-8 file can hold. The yaml library leaves them raw.
 */
const HELM_UNSAFE =
  /[\u0080-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** Every key path of a parsed document: a value that broke out of its scalar would add one. */
const keyPaths = (v: unknown, prefix = ''): string[] =>
  v && typeof v === 'object'
    ? Object.entries(v).flatMap(([k, x]) => [`${prefix}/${k}`, ...keyPaths(x, `${prefix}/${k}`)])
    : []

describe('free text survives values.yaml exactly', () => {
  it.each(FREE_TEXT.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    const baseline = parse(renderValuesYaml(DeploymentConfigSchema.parse(fixtures[f.base])))
    let accepted = 0
    fc.assert(
      fc.property(text, (v) => {
        const input = f.set(structuredClone(fixtures[f.base]) as Input, v)
        const result = input && DeploymentConfigSchema.safeParse(input)
        if (!result?.success) return
        accepted++
        const yamlText = renderValuesYaml(result.data)
        expect(yamlText).not.toMatch(HELM_UNSAFE)
        const values = parse(yamlText) as Values
        expect(f.read(values)).toEqual(f.expected(v))
        // Helm reads YAML 1.1: the value must not change type or text there either.
        expect(f.read(parse(yamlText, { version: '1.1' }) as Values)).toEqual(f.expected(v))
        expect(keyPaths(values)).toEqual(keyPaths(baseline))
        // And the importer reads the same config back (the CA's PEM is not in values.yaml).
        const imported = importValues(yamlText).config as Input
        if (result.data.logStore.type === 'mongo' && result.data.logStore.tlsCa)
          imported.logStore.tlsCa.pem = result.data.logStore.tlsCa.pem
        expect(DeploymentConfigSchema.parse(imported)).toEqual(result.data)
      }),
      { numRuns: 150 },
    )
    expect(accepted).toBeGreaterThan(30)
  })
})

type IdentField = { base: FixtureName; path: (string | number)[]; valid: string; allowed: RegExp }
const ident = (base: FixtureName, path: (string | number)[], valid: string, allowed: RegExp): IdentField => ({
  base,
  path,
  valid,
  allowed,
})
const DNS = /[a-z0-9-]/
const IDENTIFIERS: IdentField[] = [
  ident('s3', ['logStore', 'bucket'], 'acme-portkey-logs', /[a-z0-9.-]/),
  ident('s3', ['logStore', 'region'], 'us-east-1', DNS),
  ident('gcs', ['logStore', 'bucket'], 'acme_gcs_logs', /[a-z0-9._-]/),
  ident('s3', ['chart', 'namespace'], 'portkeyai', DNS),
  ident('s3', ['chart', 'releaseName'], 'portkey-ai', DNS),
  ident('s3', ['gateway', 'serviceName'], 'portkeyenterprise', DNS),
  ident(
    's3-assume-access-keys',
    ['logStore', 'auth', 'roleArn'],
    'arn:aws:iam::123456789012:role/PortkeyLogs',
    /[A-Za-z0-9+=,.@_/:-]/,
  ),
  ident(
    's3-assume-irsa',
    ['logStore', 'auth', 'roleArn'],
    'arn:aws:iam::123456789012:role/PortkeyIrsa',
    /[A-Za-z0-9+=,.@_/:-]/,
  ),
  ident(
    'azure-entra',
    ['logStore', 'auth', 'tenantId'],
    'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
    /[0-9a-fA-F-]/,
  ),
  ident('azure-key', ['logStore', 'account'], 'acmeportkey', /[a-z0-9]/),
  ident('azure-key', ['logStore', 'container'], 'portkey-logs', DNS),
  ident('registry-existing', ['registry', 'secretName'], 'acme-pull-secret', /[a-z0-9.-]/),
  ident('secrets-existing', ['secrets', 'secretName'], 'portkey-gateway-secrets', /[a-z0-9.-]/),
  ident('secrets-vault', ['secrets', 'secretPath'], 'secret/data/portkey', /[A-Za-z0-9_.\-/]/),
  ident('secrets-vault', ['secrets', 'role'], 'portkey-gateway', /[A-Za-z0-9_.-]/),
  ident('analytics-clickhouse', ['analytics', 'logTable'], 'generations', /[A-Za-z0-9_.]/),
  ident('analytics-clickhouse', ['analytics', 'feedbackTable'], 'feedbacks', /[A-Za-z0-9_.]/),
  ident('analytics-clickhouse', ['analytics', 'generationHooksTable'], 'generation_hooks', /[A-Za-z0-9_.]/),
  ident('data-service', ['dataService', 'finetunesBucket'], 'acme-finetunes', /[a-z0-9.-]/),
  ident('s3', ['sync', 'organisations', 1], 'org-acme-2', /[A-Za-z0-9_-]/),
  ident('bedrock-principal', ['bedrock', 'region'], 'us-east-1', DNS),
  ident('mongo-tls-ca', ['logStore', 'tlsCa', 'fileName'], 'document_db.pem', /[A-Za-z0-9._-]/),
  ident(
    'kubernetes-replicas-pdb-scheduling',
    ['kubernetes', 'serviceAccount', 'name'],
    'portkey-gateway',
    /[a-z0-9.-]/,
  ),
  ident(
    'kubernetes-replicas-pdb-scheduling',
    ['kubernetes', 'nodeSelector', 'kubernetes.io/os'],
    'linux',
    /[A-Za-z0-9_.-]/,
  ),
  ident(
    'kubernetes-replicas-pdb-scheduling',
    ['kubernetes', 'tolerations', 0, 'key'],
    'dedicated',
    /[A-Za-z0-9_./-]/,
  ),
  ident('kubernetes-resources-hpa', ['kubernetes', 'resources', 'requests', 'cpu'], '500m', /[0-9.m]/),
  ident(
    'kubernetes-resources-hpa',
    ['kubernetes', 'resources', 'limits', 'memory'],
    '1Gi',
    /[0-9.eEKMGTPEik]/,
  ),
]

const setIn = (obj: Input, path: (string | number)[], value: string) => {
  let o = obj
  for (const k of path.slice(0, -1)) o = o[k]
  o[path[path.length - 1] as string | number] = value
  return obj
}

describe('identifiers outside their syntax are refused at their own path', () => {
  it.each(IDENTIFIERS.map((f) => [f.path.join('.'), f.base, f] as const))('%s (%s)', (_p, _b, f) => {
    const input = structuredClone(fixtures[f.base]) as Input
    expect(validateConfig(setIn(structuredClone(input), f.path, f.valid)).valid).toBe(true)
    const bad = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => !f.allowed.test(c))
    fc.assert(
      fc.property(fc.nat({ max: f.valid.length }), bad, (at, c) => {
        const r = validateConfig(
          setIn(structuredClone(input), f.path, f.valid.slice(0, at) + c + f.valid.slice(at)),
        )
        expect(r.valid).toBe(false)
        if (!r.valid) expect(r.issues.map((i) => i.path)).toContainEqual(f.path)
      }),
      { numRuns: 60 },
    )
  })
})

describe('text the YAML of Helm cannot hold is refused', () => {
  it.each([
    ['NEL', '\u0085'],
    ['line separator', '\u2028'],
    ['paragraph separator', '\u2029'],
    ['byte order mark', '\ufeff'],
    ['C1 control', '\u0090'],
    ['non-character', '\uffff'],
    ['lone surrogate', '\ud800'],
  ])('%s', (_name, ch) => {
    const r = validateConfig({ ...fixtures.s3, sync: { ...fixtures.s3.sync, clientAuth: `a${ch}b` } })
    expect(r.valid).toBe(false)
    if (!r.valid) expect(r.issues.map((i) => i.path)).toContainEqual(['sync', 'clientAuth'])
    const email = validateConfig({
      ...fixtures.s3,
      registry: { ...fixtures.s3.registry, email: `a${ch}@b.c` },
    })
    expect(email.valid).toBe(false)
  })
})
