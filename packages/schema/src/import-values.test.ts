import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { type DeploymentConfig, DeploymentConfigObject, DeploymentConfigSchema } from './config/index.js'
import { type FixtureName, fixtures, SENTINEL } from './fixtures/index.js'
import { importValues, MAX_VALUES_BYTES, ValuesParseError } from './import-values.js'
import { renderValuesYaml } from './render/values-yaml.js'
import { isSecretPath } from './secret-fields.js'
import { validateConfig } from './validate.js'

// biome-ignore lint/suspicious/noExplicitAny: parsed YAML and partial configs, checked by the assertions
type Loose = Record<string, any>
// The chart's own values files (Apache-2.0), as the package ships them for the wizard's defaults diff.
const reference = (v: string) =>
  readFileSync(new URL(`./chart/values/gateway-${v}.yaml`, import.meta.url), 'utf8')
const paths = (r: { warnings: { path: (string | number)[] }[] }) => r.warnings.map((w) => w.path.join('.'))

describe('importing the chart’s own default values files', () => {
  it.each(['1.0.7', '1.7.7'])('reads chart %s with warnings for what is left to fill in', (v) => {
    const r = importValues(reference(v))
    expect(r.config).toMatchObject({
      registry: { mode: 'create', server: 'https://index.docker.io/v1/' },
      gateway: { serviceName: 'portkeyenterprise' },
      analytics: { store: 'clickhouse' },
      cache: { store: 'redis', url: 'redis://redis:6379', tls: false, mode: 'standalone' },
      secrets: { mode: 'inline' },
      dataService: { enabled: false },
      otel: { enabled: false },
      bedrock: { enabled: false },
    })
    expect(r.config.logStore).toBeUndefined()
    expect(paths(r)).toEqual(
      expect.arrayContaining([
        'chart.version',
        'registry.username',
        'registry.password',
        'logStore.type',
        'analytics.endpoint',
        'sync.clientAuth',
        'sync.organisations',
      ]),
    )
    expect(r.warnings.find((w) => w.path.join('.') === 'registry.username')?.message).toContain(
      '<docker-user>',
    )
    // The chart's empty keys and defaults (MCP_PORT 8788, SERVER_MODE) are not reported one by one.
    expect(paths(r).filter((p) => p.startsWith('environment.data'))).toEqual([])
    // Everything else in the file is the chart's own default: nothing to keep.
    expect(r.config.keptValues).toBeUndefined()
    // The runtime keys of the defaults are read: one pod, no autoscaler, nothing else set.
    expect(DeploymentConfigObject.shape.kubernetes.parse(r.config.kubernetes)).toEqual(
      DeploymentConfigObject.shape.kubernetes.parse({}),
    )
  })
})

describe('text that is not a values file', () => {
  it.each([
    ['a list', '- a\n- b\n'],
    ['a scalar', 'just text\n'],
    ['an empty file', ''],
    ['only comments', '# nothing here\n'],
    ['a set', '!!set\n? a\n'],
  ])('%s is refused with ValuesParseError', (_n, text) => {
    expect(() => importValues(text)).toThrow(ValuesParseError)
  })

  it('malformed YAML names the line and never quotes the file', () => {
    const text = `environment:\n  data:\n    PORTKEY_CLIENT_AUTH: "${SENTINEL}-x\n  bad: [\n`
    let error: unknown
    try {
      importValues(text)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ValuesParseError)
    expect((error as Error).message).toMatch(/^values\.yaml is not valid YAML at line \d+, column \d+: /)
    expect((error as Error).message).not.toContain(SENTINEL)
  })

  it('duplicate keys, tabs and alias bombs are refused', () => {
    expect(() => importValues('a: 1\na: 2\n')).toThrow(/twice/)
    expect(() => importValues('a:\n\tb: 1\n')).toThrow(ValuesParseError)
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for (let i = 0; i < 8; i++)
      bomb.push(
        `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]},*${'abcdefgh'[i]}]`,
      )
    expect(() => importValues(bomb.join('\n'))).toThrow(ValuesParseError)
  })

  it('refuses more than 256 KiB with a clear message and reads a file just under it', () => {
    const base = renderValuesYaml(DeploymentConfigSchema.parse(fixtures.s3))
    const bytes = new TextEncoder().encode(base).length
    const pad = (n: number) => `${base}#${'x'.repeat(n - bytes - 2)}\n`
    expect(() => importValues(pad(MAX_VALUES_BYTES + 1))).toThrow(/larger than 256 KiB/)
    expect(() => importValues(`${base}#${'é'.repeat(MAX_VALUES_BYTES / 2)}`)).toThrow(/256 KiB/)
    expect(importValues(pad(MAX_VALUES_BYTES)).config.logStore).toMatchObject({ type: 's3' })
  })
})

/** Sets the original's value at a path of the imported config (deleting where the original has none). */
const restore = (target: Loose, source: Loose, path: string[]) => {
  let t = target
  let s: Loose | undefined = source
  for (const k of path.slice(0, -1)) {
    t[k] ??= {}
    t = t[k]
    s = s?.[k]
  }
  const last = path[path.length - 1] as string
  if (s?.[last] === undefined) delete t[last]
  else t[last] = structuredClone(s[last])
}

const leafPaths = (v: unknown, p: string[] = []): string[][] =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.entries(v).flatMap(([k, x]) => leafPaths(x, [...p, k]))
    : [p]

/**
 * What values.yaml does not hold, so the round trip cannot bring it back:
 * - outside inline mode, every secret and the registry user (they live in Secrets, not in the file);
 * - the Mongo CA's PEM (resources-config.yaml holds it);
 * - IRSA cluster name and OIDC URL, and the IMDS role name (they only fill IAM commands);
 * - a Bedrock setup without long-term keys (it lives in IAM and in virtual keys);
 * - an extra variable that shadows a modelled key (values.yaml holds one value for both).
 */
const notInValues = (name: FixtureName, c: DeploymentConfig): string[][] => {
  const out: string[][] = []
  if (c.secrets.mode !== 'inline') {
    out.push(...leafPaths(c).filter((p) => isSecretPath(p)))
    if (c.registry.mode === 'create') out.push(['registry', 'username'])
  }
  if (name === 'mongo-tls-ca') out.push(['logStore', 'tlsCa', 'pem'])
  if (name === 's3-assume-irsa' || name === 'kubernetes-irsa-service-account')
    out.push(['logStore', 'auth', 'clusterName'], ['logStore', 'auth', 'oidcProviderUrl'])
  if (name === 's3-assume-imds-v1') out.push(['logStore', 'auth', 'roleName'])
  if (name === 'bedrock-separate') out.push(['bedrock'])
  // AWS Secrets Manager: the secret's name, region and KMS key live in the SecretProviderClass.
  if (c.secrets.mode === 'awsSecretsManager')
    out.push(['secrets', 'secretId'], ['secrets', 'region'], ['secrets', 'kmsKeyArn'])
  if (name === 'secrets-aws-sm-mongo-ca') out.push(['logStore', 'tlsCa', 'pem'])
  if (name === 'secrets-aws-sm-irsa-logstore' || name === 'production')
    out.push(['logStore', 'auth', 'clusterName'], ['logStore', 'auth', 'oidcProviderUrl'])
  // An extra variable that shadows a modelled key reads back as that key's field.
  if (name === 'kubernetes-extra-env-existing-secret')
    out.push(['gateway', 'serviceName'], ['kubernetes', 'extraEnv'])
  return out
}

describe.each(Object.keys(fixtures) as FixtureName[])('round trip of the %s fixture', (name) => {
  it('reads back the config it was rendered from, apart from what values.yaml does not hold', () => {
    const original = DeploymentConfigSchema.parse(fixtures[name])
    const { config, warnings } = importValues(renderValuesYaml(original))
    const merged = structuredClone(config) as Loose
    const exceptions = notInValues(name, original)
    for (const p of exceptions) restore(merged, original, p)
    const v = validateConfig(merged)
    expect(v.valid ? [] : v.issues).toEqual([])
    if (v.valid) expect(v.config).toEqual(original)
    // Each secret left out is named by a warning at its own field.
    for (const p of exceptions)
      if (isSecretPath(p) && !['registry', 'cache'].includes(p[0] as string))
        expect(warnings.map((w) => w.path.join('.'))).toContain(p.join('.'))
    if (original.secrets.mode === 'inline' && name !== 'mongo-tls-ca' && name !== 'bedrock-principal')
      expect(warnings).toEqual([])
  })
})

const envYaml = (data: Record<string, string>, extra = '') =>
  `${extra}environment:\n  data:\n${Object.entries(data)
    .map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`)
    .join('\n')}\n`

describe('hand-written values files', () => {
  it('reads method 1 from the role ARN and external id, and IRSA from the annotation', () => {
    const keys = {
      LOG_STORE: 's3_assume',
      LOG_STORE_AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/R',
      LOG_STORE_AWS_EXTERNAL_ID: 'ext-1',
    }
    expect(importValues(envYaml(keys)).config.logStore).toMatchObject({
      auth: { method: 'access_keys', roleArn: 'arn:aws:iam::123456789012:role/R', externalId: 'ext-1' },
    })
    const irsa = importValues(
      envYaml(
        { LOG_STORE: 's3_assume' },
        'serviceAccount:\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::1:role/X\n',
      ),
    )
    expect(irsa.config.logStore).toMatchObject({ auth: { method: 'irsa', roleArn: 'arn:aws:iam::1:role/X' } })
  })

  it('reads IMDS, Azure modes, otel attributes and a CA file in the Mongo URL', () => {
    expect(
      importValues(envYaml({ LOG_STORE: 's3_assume', AWS_IMDS_V1: 'true' })).config.logStore,
    ).toMatchObject({
      auth: { method: 'imds', imdsV1: true },
    })
    const entra = {
      LOG_STORE: 'azure',
      AZURE_AUTH_MODE: 'entra',
      AZURE_ENTRA_CLIENT_ID: 'c',
      AZURE_ENTRA_TENANT_ID: 't',
    }
    expect(importValues(envYaml(entra)).config.logStore).toMatchObject({
      auth: { mode: 'entra', clientId: 'c', tenantId: 't' },
    })
    const otel = importValues(
      envYaml({
        OTEL_PUSH_ENABLED: 'true',
        OTEL_ENDPOINT: 'http://c:4318',
        OTEL_RESOURCE_ATTRIBUTES: 'a=x%2Cy%3Dz, b=%E2%80%A8 ,c=%zz,d',
      }),
    )
    expect(otel.config.otel).toEqual({
      enabled: true,
      endpoint: 'http://c:4318',
      resourceAttributes: { a: 'x,y=z', b: '\u2028', c: '%zz' },
    })
    expect(paths(otel)).toEqual(
      expect.arrayContaining(['otel.resourceAttributes.c', 'otel.resourceAttributes']),
    )
    const mongo = importValues(
      envYaml({
        LOG_STORE: 'mongo',
        MONGO_DB_CONNECTION_URL: 'mongodb://u:p@h/?tls=true&tlsCAFile=%2Fetc%2Fshared%2Fca.pem',
      }),
    )
    expect(mongo.config.logStore).toMatchObject({
      connectionUrl: 'mongodb://u:p@h/?tls=true',
      tlsCa: { fileName: 'ca.pem' },
    })
    expect(paths(mongo)).toContain('logStore.tlsCa.pem')
  })

  it('reads pull secrets in string and object form, and keeps numbers as written', () => {
    expect(importValues('imagePullSecrets: [mine]\nimageCredentials: []\n').config.registry).toEqual({
      mode: 'existing',
      secretName: 'mine',
    })
    expect(importValues('imagePullSecrets:\n  - name: theirs\n').config.registry).toEqual({
      mode: 'existing',
      secretName: 'theirs',
    })
    const r = importValues(
      'environment:\n  data:\n    PORT: 8788\n    REDIS_TLS_ENABLED: yes\n    X_CUSTOM: 0x1F\n',
    )
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(
      /PORT is 8788[\s\S]*REDIS_TLS_ENABLED is "yes"/,
    )
    // A key nothing models is an extra variable of the Kubernetes step, its text as written.
    expect(r.config.kubernetes?.extraEnv).toEqual({ X_CUSTOM: '0x1F' })
    expect(r.config.keptValues).toBeUndefined()
  })

  it('warns about an existing Secret the chart would ignore, and vault placeholders', () => {
    const r = importValues(
      'environment:\n  create: true\n  existingSecret: s\n  data: {}\nuseVaultInjection: false\n',
    )
    expect(r.config.secrets).toEqual({ mode: 'existingSecret', secretName: 's' })
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(/ignores existingSecret/)
    const vault = importValues(
      `${reference('1.7.7')}\nuseVaultInjection: true\n`.replace(
        'useVaultInjection: false  # Set this to true to use Vault injection\n',
        '',
      ),
    )
    expect(vault.config.secrets).toEqual({ mode: 'vault', host: 'vault.hashicorp.com' })
    expect(paths(vault)).toEqual(expect.arrayContaining(['secrets.secretPath', 'secrets.role']))
  })

  it('survives keys that look like object internals', () => {
    const r = importValues(
      '__proto__: {polluted: 1}\nconstructor: 1\nenvironment:\n  data:\n    __proto__: x\n    toString: y\n',
    )
    expect(({} as Loose).polluted).toBeUndefined()
    expect(r.config).not.toHaveProperty('polluted')
  })
})

describe('importValues never fails on anything but ValuesParseError', () => {
  const safe = (text: string) => {
    try {
      const r = importValues(text)
      expect(Array.isArray(r.warnings)).toBe(true)
    } catch (e) {
      if (!(e instanceof ValuesParseError)) throw e
    }
  }
  it('for arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), safe), { numRuns: 300 })
  })
  it('for arbitrary YAML documents of any shape', () => {
    const shaped = fc.oneof(
      fc.anything({ maxDepth: 4 }),
      fc.record({
        environment: fc.record({ data: fc.dictionary(fc.string(), fc.anything({ maxDepth: 2 })) }),
      }),
      fc.record({
        imageCredentials: fc.anything(),
        imagePullSecrets: fc.anything(),
        serviceAccount: fc.anything(),
        dataservice: fc.anything(),
      }),
    )
    fc.assert(
      fc.property(shaped, (v) => safe(stringify(v))),
      { numRuns: 300 },
    )
  })
  it('for rendered files with random edits', () => {
    const texts = (Object.keys(fixtures) as FixtureName[]).map((n) =>
      renderValuesYaml(DeploymentConfigSchema.parse(fixtures[n])),
    )
    const edit = fc.tuple(
      fc.constantFrom(...texts),
      fc.nat(),
      fc.nat({ max: 20 }),
      fc.string({ unit: 'binary', maxLength: 10 }),
    )
    fc.assert(
      fc.property(edit, ([t, at, cut, insert]) => {
        const i = at % (t.length + 1)
        safe(t.slice(0, i) + insert + t.slice(i + cut))
      }),
      { numRuns: 300 },
    )
  })
})

describe('the chart version in the header', () => {
  it('keeps a released version and refuses one that was never released', () => {
    const text = (v: string) =>
      `# Chart:     portkey-ai/gateway ${v}\nenvironment:\n  data:\n    LOG_STORE: "s3"\n`
    expect(importValues(text('1.6.2')).config.chart?.version).toBe('1.6.2')
    const r = importValues(text('1.9.9'))
    expect(r.config.chart?.version).toBeUndefined()
    expect(r.warnings).toContainEqual({
      path: ['chart', 'version'],
      message:
        'values.yaml names chart 1.9.9, which is not a released version; the newest, 1.7.7, is assumed: pick the release you run.',
    })
  })
})
