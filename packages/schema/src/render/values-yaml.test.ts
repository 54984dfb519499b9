import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { chartDefaultEnv } from '../chart/default-env.js'
import { type DeploymentConfigInput, DeploymentConfigSchema, resolveImages } from '../config/index.js'
import { type FixtureName, fixtures, SENTINEL } from '../fixtures/index.js'
import { CONTRACT_SECRET_KEYS, EXPECTED_ENV } from '../test-support/expected-env.js'
import { vaultSecretKeys } from './env-data.js'
import { renderValuesYaml } from './values-yaml.js'

// biome-ignore lint/suspicious/noExplicitAny: parsed YAML, checked by the assertions
type Values = Record<string, any>
const REG = 'portkeyenterpriseregistrycredentials'
const names = Object.keys(fixtures) as FixtureName[]

const render = (input: DeploymentConfigInput) => {
  const config = DeploymentConfigSchema.parse(input)
  const text = renderValuesYaml(config)
  return { config, text, values: parse(text) as Values }
}

describe.each(names)('values.yaml for the %s fixture', (name) => {
  const { config, text, values } = render(fixtures[name])
  const oldLayout = config.chart.version === '1.0.7'
  const mode = config.secrets.mode
  const expected = EXPECTED_ENV[name]
  const secretKeys = Object.keys(expected)
    .filter((k) => CONTRACT_SECRET_KEYS.includes(k))
    .sort()

  it('matches the snapshot and is the same text on every render', () => {
    expect(text).toMatchSnapshot()
    expect(renderValuesYaml(DeploymentConfigSchema.parse(structuredClone(fixtures[name])))).toBe(text)
  })

  it('writes exactly the env keys of the contract table, each a string even to a YAML 1.1 reader', () => {
    const data = values.environment.data as Record<string, unknown>
    // What the pod receives: null stands for an empty value where the config has one, and otherwise
    // removes or keeps a chart default; chart defaults kept empty are not the config's.
    const received = Object.fromEntries(
      Object.entries(data)
        .map(([k, v]): [string, unknown] => {
          const empty = expected[k] === '' || (mode === 'vault' && CONTRACT_SECRET_KEYS.includes(k))
          return [k, v === null && empty ? '' : v]
        })
        .filter(([k, v]) => v !== null && !(v === '' && !(k in expected))),
    )
    if (mode === 'inline') expect(received).toEqual(expected)
    if (mode === 'existingSecret' || mode === 'awsSecretsManager')
      expect(received).toEqual(
        Object.fromEntries(Object.entries(expected).filter(([k]) => !CONTRACT_SECRET_KEYS.includes(k))),
      )
    if (mode === 'vault')
      // Every key the gateway needs is listed (the chart wires only listed keys); secrets are blank.
      expect(received).toEqual(
        Object.fromEntries(
          Object.entries(expected).map(([k, v]) => [k, CONTRACT_SECRET_KEYS.includes(k) ? '' : v]),
        ),
      )
    // No empty string where the chart Secret, which the pod reads when secrets are inline, would turn
    // it into a null that an upgrade deletes.
    if (mode === 'inline')
      for (const [k, v] of Object.entries(data))
        if (v === '') expect(chartDefaultEnv(config.chart.version)).not.toHaveProperty(k)
    const yaml11 = parse(text, { version: '1.1' }) as Values
    for (const [k, v] of Object.entries(yaml11.environment.data))
      if (v !== null) expect(typeof v, `${k} under YAML 1.1`).toBe('string')
  })

  it('references or creates the pull secret in the form its chart layout reads', () => {
    const r = config.registry
    if (r.mode === 'create' && mode === 'inline') {
      expect(values.imageCredentials).toEqual([
        {
          name: REG,
          create: true,
          registry: r.server,
          username: r.username,
          password: r.password,
          email: '',
        },
      ])
      expect(values.imagePullSecrets).toEqual(oldLayout ? [REG] : undefined)
      return
    }
    const secret = r.mode === 'existing' ? r.secretName : REG
    if (oldLayout) {
      // 1.0.7 gives pods only the names in imageCredentials; create: false keeps it from making one.
      expect(values.imagePullSecrets).toEqual([secret])
      expect(values.imageCredentials).toEqual([{ name: secret, create: false }])
    } else {
      expect(values.imagePullSecrets).toEqual([{ name: secret }])
      expect(values.imageCredentials).toEqual([])
    }
  })

  it('delivers secrets the way the chosen mode needs', () => {
    const env = values.environment
    if (mode === 'existingSecret' || mode === 'awsSecretsManager') {
      expect(env.create).toBe(false)
      expect(env.existingSecret).toBe(
        mode === 'existingSecret' ? 'portkey-gateway-secrets' : 'portkey-gateway-env',
      )
      expect(env.secretKeys).toEqual(secretKeys)
      expect(values.useVaultInjection).toBeUndefined()
    } else {
      expect(env).toMatchObject({ create: true, secret: true })
      expect(env.existingSecret).toBeUndefined()
      expect(env.secretKeys).toBeUndefined()
    }
    if (mode === 'vault') {
      expect(values.useVaultInjection).toBe(true)
      expect(values.vaultConfig).toEqual({
        vaultHost: 'vault.acme.internal',
        secretPath: 'secret/data/portkey',
        role: 'portkey-gateway',
        ...(name === 'vault-secret-name' ? { kubernetesSecret: 'portkey-vault-env' } : {}),
      })
      expect(text).toContain(`# Secret keys, left empty here: ${secretKeys.join(', ')}.`)
    } else expect(values.vaultConfig).toBeUndefined()
  })

  it('keeps every secret value out of values.yaml unless secrets are inline', () => {
    if (mode === 'inline') expect(text).toContain(SENTINEL)
    else expect(text).not.toContain(SENTINEL)
  })

  // The identity fixtures (secrets-aws-sm*, azure-workload-identity) have their own tests in values/identity.test.ts,
  // production (IRSA and the CSI volume together) in values/production.test.ts.
  const identity =
    name.startsWith('secrets-aws-sm') || name === 'azure-workload-identity' || name === 'production'
  it.skipIf(identity)('sets the service account, the CA mount and the data service only where needed', () => {
    const irsa = name === 's3-assume-irsa' || name === 'kubernetes-irsa-service-account'
    const sa = {
      create: true,
      ...(KUBERNETES_SERVICE_ACCOUNTS[name] ?? {}),
      ...(irsa
        ? {
            annotations: {
              'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/PortkeyIrsa',
              ...KUBERNETES_SERVICE_ACCOUNTS[name]?.annotations,
            },
          }
        : {}),
    }
    expect(values.serviceAccount).toEqual(sa)
    if (irsa) expect(text).toContain('IRSA does not work without it')
    if (name === 'mongo-tls-ca') {
      expect(values.volumes).toEqual([{ name: 'shared-folder', configMap: { name: 'portkey-ai-mongo-ca' } }])
      expect(values.volumeMounts).toEqual([
        { name: 'shared-folder', mountPath: '/etc/shared/document_db.pem', subPath: 'document_db.pem' },
      ])
    } else {
      expect(values.volumes).toBeUndefined()
      expect(values.volumeMounts).toBeUndefined()
    }
    if (
      name === 'data-service' ||
      name === 'kubernetes-data-service-replicas' ||
      name === 'kubernetes-data-service-runtime'
    )
      // finetuneBucket and logexportsBucket are never read by the chart: the env keys carry them.
      expect(values.dataservice).toEqual({
        enabled: true,
        serviceAccount: { create: true },
        ...KUBERNETES_DATA_SERVICE[name],
      })
    else expect(values.dataservice).toBeUndefined()
  })

  it('writes only the top-level keys the choices need, under a header naming the deployment', () => {
    const keys = Object.keys(values)
    const sm = mode === 'awsSecretsManager'
    expect(
      keys.filter((k) => !['imagePullSecrets', 'imageCredentials', 'environment'].includes(k)).sort(),
    ).toEqual(
      [
        ...(mode === 'vault' ? ['useVaultInjection', 'vaultConfig'] : []),
        'serviceAccount',
        'service',
        ...(config.cache.store === 'redis' && !oldLayout ? ['redis'] : []),
        ...(name === 'mongo-tls-ca' || sm ? ['volumes', 'volumeMounts'] : []),
        ...(name === 'data-service' || name === 'secrets-aws-sm-data-service' ? ['dataservice'] : []),
        ...(name === 'azure-workload-identity' ? ['podLabels'] : []),
        ...(config.logStore.type === 'minio' ? ['minio'] : []),
        ...(config.semanticCache.enabled && config.semanticCache.milvus.source === 'chart' ? ['milvus'] : []),
        // Kept settings add their own keys (service is one the wizard writes anyway).
        ...Object.keys(config.keptValues ?? {}).filter((k) => !['environment', 'service'].includes(k)),
        ...(config.exposure.ingress.enabled ? ['ingress'] : []),
        ...(Object.values(resolveImages(config)).some((i) => i.changed) ? ['images'] : []),
        ...(KUBERNETES_KEYS[name] ?? []),
      ].sort(),
    )
    expect(text).toContain('written by portkey-setup')
    expect(text).toContain(`# Chart:     portkey-ai/gateway ${config.chart.version}`)
    expect(text).toContain(`# Release:   ${config.chart.releaseName}`)
    expect(text).toContain(`# Namespace: ${config.chart.namespace}`)
    expect(text).toMatch(/^ {4}# Log store: .+ — chosen in portkey-setup$/m)
    if ('MONGO_DATABASE' in expected)
      expect(text).toMatch(/GENERATIONS_\); the README\n.*spells it GENERATION_/)
  })
})

/** Top-level keys the Kubernetes fixtures add (written out by hand from the chart's templates). */
const KUBERNETES_KEYS: Partial<Record<FixtureName, string[]>> = {
  'kubernetes-resources-hpa': ['resources', 'autoscaling', 'strategy', 'terminationGracePeriodSeconds'],
  'kubernetes-hpa-every-chart': ['resources', 'autoscaling'],
  'kubernetes-replicas-pdb-scheduling': [
    'replicaCount',
    'strategy',
    'nodeSelector',
    'tolerations',
    'affinity',
    'topologySpreadConstraints',
    'podLabels',
    'podAnnotations',
  ],
  'kubernetes-scheduling-old-charts': [
    'replicaCount',
    'nodeSelector',
    'tolerations',
    'affinity',
    'podLabels',
  ],
  'kubernetes-data-service-runtime': ['resources', 'dataservice'],
  'kubernetes-data-service-replicas': ['dataservice'],
  production: ['resources', 'autoscaling'],
}

const KUBERNETES_SERVICE_ACCOUNTS: Partial<
  Record<FixtureName, { name?: string; annotations?: Record<string, string> }>
> = {
  'kubernetes-replicas-pdb-scheduling': {
    name: 'portkey-gateway',
    annotations: { 'acme.example/audit': 'on' },
  },
  'kubernetes-irsa-service-account': {
    name: 'portkey-gateway',
    annotations: { 'eks.amazonaws.com/sts-regional-endpoints': 'true' },
  },
}

const KUBERNETES_DATA_SERVICE: Partial<Record<FixtureName, object>> = {
  'kubernetes-data-service-replicas': { deployment: { replicas: 2 } },
  'kubernetes-data-service-runtime': {
    deployment: {
      resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
      extraEnv: [{ name: 'LOG_LEVEL', value: 'info' }],
    },
    autoscaling: {
      enabled: true,
      createHpa: true,
      minReplicas: 1,
      maxReplicas: 3,
      targetCPUUtilizationPercentage: 75,
      targetMemoryUtilizationPercentage: 80,
    },
  },
}

describe('values.yaml beyond the fixtures', () => {
  it('gives the data service the IRSA role too', () => {
    const { values } = render({
      ...fixtures['s3-assume-irsa'],
      dataService: {
        enabled: true,
        finetunesBucket: 'acme-finetunes',
        finetunesRoleArn: 'arn:aws:iam::123456789012:role/PortkeyFinetunes',
      },
    })
    expect(values.dataservice.serviceAccount.annotations).toEqual({
      'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/PortkeyIrsa',
    })
    expect(values.dataservice.logexportsBucket).toBeUndefined()
  })

  it('keeps the in-cluster Redis off a NodePort: ClusterIP from 1.4.0, a NetworkPolicy before', () => {
    const at = (version: string) => render({ ...fixtures.s3, chart: { ...fixtures.s3.chart, version } })
    expect(at('1.4.0').values.redis).toEqual({ serviceType: 'ClusterIP' })
    expect(at('1.3.3').values.redis).toBeUndefined()
    expect(at('1.3.3').values.service).toEqual({ type: 'ClusterIP' })
  })

  it('writes the empty values of a chart default as null, and sets kept defaults empty with an existing Secret', () => {
    const inline = render(fixtures.s3).values.environment.data
    expect(inline.REDIS_MODE).toBeNull()
    expect(inline).not.toHaveProperty('LOG_STORE_BASEPATH')
    const existing = render(fixtures['secrets-existing']).values.environment.data
    expect(existing.REDIS_MODE).toBe('')
    expect(existing.SERVER_MODE).toBe('')
    expect(existing.LOG_STORE_BASEPATH).toBe('')
    expect(existing.MCP_PORT).toBeNull()
    expect(existing).not.toHaveProperty('REDIS_URL')
  })

  it('removes the chart defaults a Vault setup does not use where it can, and lists the rest for the Secret', () => {
    const { values, config } = render(fixtures['secrets-vault'])
    expect(values.environment.data.MCP_PORT).toBeNull()
    const keys = vaultSecretKeys(config)
    expect(keys).not.toContain('MCP_PORT')
    // A null default stays in the pod's env whatever values.yaml says, so the Secret must hold it.
    expect(keys).toEqual(
      expect.arrayContaining(['MONGO_DB_CONNECTION_URL', 'LOG_STORE_ACCESS_KEY', 'SERVER_MODE']),
    )
  })
})
