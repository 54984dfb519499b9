import { readFileSync } from 'node:fs'
import { DeploymentConfigSchema } from '@portkey-setup/schema'
import { fixtures } from '@portkey-setup/schema/fixtures'
import { describe, expect, it } from 'vitest'
import { helmTemplate } from './helm.js'
import type { KObject } from './objects.js'
import { worldFor } from './world.js'
import { type DataObject, readWouldStart } from './would-start.js'

/**
 * The reading must fail where a kubelet would. The seed product's own values files (kept in
 * testdata/ from its snapshots) are rendered through the real chart, and the reading must name the
 * breakage the deploy issue reported for each.
 */
const seed = (name: string) => readFileSync(new URL(`./testdata/seed-${name}.yaml`, import.meta.url), 'utf8')
const secret = (name: string, keys: string[], type?: string): DataObject => ({
  kind: 'Secret',
  name,
  ...(type ? { type } : {}),
  data: new Map(keys.map((k) => [k, 'x'])),
})
const PULL = 'kubernetes.io/dockerconfigjson'

const read = async (
  fixture: keyof typeof fixtures,
  version: string,
  values: string,
  external: DataObject[],
) => {
  const config = DeploymentConfigSchema.parse({
    ...fixtures[fixture],
    chart: { ...fixtures[fixture].chart, version },
  })
  const r = await helmTemplate(version, values, 'portkey-ai', 'portkeyai')
  if (!r.ok) throw new Error(r.error)
  return readWouldStart(await worldFor(config, r.objects, external)).map((f) => `${f.object}: ${f.problem}`)
}

describe('the would-start reading catches the seed bundles', () => {
  it('existing Secret on 1.7.7: SERVER_MODE reads as "<nil>", so the Service loses its ports and probes move to 8788', async () => {
    const found = await read('secrets-existing', '1.7.7', seed('secrets-existing'), [
      secret('portkey-gateway-secrets', [
        'LOG_STORE_ACCESS_KEY',
        'LOG_STORE_SECRET_KEY',
        'PORTKEY_CLIENT_AUTH',
        'REDIS_URL',
      ]),
      secret('portkeyenterpriseregistrycredentials', ['.dockerconfigjson'], PULL),
    ])
    expect(found).toContain('Service portkey-ai-gateway: has no ports')
    expect(found).toContain(
      'Deployment portkey-ai-gateway: livenessProbe targets port 8788, which container gateway does not serve',
    )
  })

  it('inline on 1.7.7: an empty REDIS_MODE is a null in the chart Secret, which an upgrade deletes', async () => {
    const found = await read('s3', '1.7.7', seed('s3'), [])
    expect(found).toContain(
      'Deployment portkey-ai-gateway container gateway: env REDIS_MODE reads key REDIS_MODE of Secret portkey-ai-gateway, whose value is null: a helm upgrade deletes it',
    )
  })

  it('the password-less Redis and the gateway on a NodePort are reported', async () => {
    const found = await read('s3', '1.7.7', seed('s3'), [])
    expect(found).toContain(
      'Service redis: is a NodePort reachable from outside the cluster, and no NetworkPolicy closes it',
    )
    expect(found).toContain(
      'Service portkey-ai-gateway: is a NodePort reachable from outside the cluster, and no NetworkPolicy closes it',
    )
  })

  it('a pre-made pull secret on 1.3.0: the chart ignores imagePullSecrets, so pods get none', async () => {
    const found = await read('registry-existing', '1.3.0', seed('registry-existing'), [
      secret('acme-pull-secret', ['.dockerconfigjson'], PULL),
    ])
    expect(found).toContain('Deployment portkey-ai-gateway: pulls a portkeyai image with no imagePullSecrets')
  })

  it('Vault on 1.7.7: the pod asks the Secret for chart defaults nobody listed', async () => {
    const seedKeys = ['LOG_STORE_ACCESS_KEY', 'LOG_STORE_SECRET_KEY', 'PORTKEY_CLIENT_AUTH', 'REDIS_URL']
    const found = await read('secrets-vault', '1.7.7', seed('secrets-vault'), [secret('gateway', seedKeys)])
    const missing = found.filter((f) => /reads key \w+ of Secret gateway, which it lacks/.test(f))
    expect(missing.length).toBeGreaterThan(10)
  })
})

describe('the would-start reading on hand-made objects', () => {
  const deployment = (spec: object): KObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'gw' },
    spec: { template: { metadata: { labels: { app: 'gw' } }, spec } },
  })
  const world = (manifests: KObject[], extra: object = {}) => ({
    manifests,
    external: [],
    expectedEnv: {},
    emptyDefaults: new Set<string>(),
    chartEnv: new Set<string>(),
    ...extra,
  })
  const gateway = {
    name: 'gateway',
    image: 'docker.io/redis:7',
    ports: [{ name: 'gateway', containerPort: 8787 }],
  }

  it('passes a minimal pod that needs nothing', () => {
    expect(readWouldStart(world([deployment({ containers: [gateway] })]))).toEqual([])
  })

  it('reports a missing service account, a missing CA, a placeholder and a missing env key', () => {
    const found = readWouldStart(
      world(
        [
          deployment({
            serviceAccountName: 'gw-sa',
            containers: [{ ...gateway, env: [{ name: 'A', value: '<your-value>' }] }],
          }),
        ],
        {
          expectedEnv: { B: 'b', MONGO_DB_CONNECTION_URL: 'mongodb://h/?tlsCAFile=/etc/shared/ca.pem' },
          mongoCa: { path: '/etc/shared/ca.pem' },
        },
      ),
    ).map((f) => f.problem)
    expect(found).toEqual(
      expect.arrayContaining([
        'service account gw-sa is created by nothing',
        'env A is the value "<your-value>"',
        'env B is missing (expected "b")',
        'no CA certificate is mounted at /etc/shared/ca.pem',
      ]),
    )
  })

  it('reports a Service that selects nothing', () => {
    const svc: KObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's' },
      spec: { ports: [{ port: 1 }], selector: { app: 'other' } },
    }
    expect(readWouldStart(world([deployment({ containers: [gateway] }), svc]))).toEqual([
      { object: 'Service s', problem: 'selects no pods' },
    ])
  })
})

describe('the scaling and disruption readings on hand-made objects', () => {
  const workload = (
    name: string,
    labels: Record<string, string>,
    container: string,
    spec: object = {},
  ): KObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      ...spec,
      template: {
        metadata: { labels },
        spec: { containers: [{ name: container, ports: [{ containerPort: 8787 }] }] },
      },
    },
  })
  const gw = workload('gw', { app: 'gw', release: 'r' }, 'gateway', { replicas: 2 })
  const ds = workload('ds', { app: 'gw', release: 'r', component: 'ds' }, 'dataservice')
  const pdb = (selector: object): KObject => ({
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: 'pdb' },
    spec: { maxUnavailable: 1, selector },
  })
  const world = (manifests: KObject[], extra: object = {}) => ({
    manifests,
    external: [],
    expectedEnv: {},
    emptyDefaults: new Set<string>(),
    chartEnv: new Set<string>(),
    ...extra,
  })
  const problems = (manifests: KObject[], extra: object = {}) =>
    readWouldStart(world(manifests, extra)).map((f) => `${f.object}: ${f.problem}`)

  it('passes a budget that selects the gateway pods only', () => {
    const ok = pdb({
      matchLabels: { app: 'gw' },
      matchExpressions: [{ key: 'component', operator: 'DoesNotExist' }],
    })
    expect(problems([gw, ds, ok], { gatewayScale: { replicas: 2 } })).toEqual([])
  })

  it('reports a budget that selects nothing, or the pods of two workloads', () => {
    expect(problems([gw, ds, pdb({ matchLabels: { app: 'other' } })])).toEqual([
      'PodDisruptionBudget pdb: selects no pods',
    ])
    expect(problems([gw, ds, pdb({ matchLabels: { app: 'gw' } })])).toEqual([
      'PodDisruptionBudget pdb: selects the pods of Deployment gw and Deployment ds, not one workload',
    ])
  })

  it('reports a replica count or autoscaler other than the config asks for', () => {
    expect(problems([gw], { gatewayScale: { replicas: 3 } })).toEqual([
      'Deployment gw: runs 2 replicas, expected 3',
    ])
    expect(problems([gw], { gatewayScale: { minReplicas: 2, maxReplicas: 4, cpu: 70 } })).toEqual([
      'Deployment gw: has no HorizontalPodAutoscaler, though the config asks for one',
    ])
    const hpa: KObject = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'gw' },
      spec: {
        scaleTargetRef: { kind: 'Deployment', name: 'gw' },
        minReplicas: 2,
        maxReplicas: 4,
        metrics: [{ type: 'Resource', resource: { name: 'memory', target: { averageUtilization: 80 } } }],
      },
    }
    expect(problems([gw, hpa], { gatewayScale: { minReplicas: 2, maxReplicas: 4, cpu: 70 } })).toEqual([
      'HorizontalPodAutoscaler gw: cpu target is absent, expected 70',
      'HorizontalPodAutoscaler gw: memory target is 80, expected absent',
      'HorizontalPodAutoscaler gw: targets memory use, but the gateway container requests no memory',
    ])
  })
})
