import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { fixtures } from '../fixtures/index.js'
import { importValues } from '../import-values.js'
import { renderPodDisruptionBudget } from '../render/pod-disruption-budget.js'
import { renderValuesYaml } from '../render/values-yaml.js'
import { validateConfig } from '../validate.js'
import { DeploymentConfigSchema } from './index.js'
import { quantityValue } from './kubernetes-fields.js'

// biome-ignore lint/suspicious/noExplicitAny: config inputs built by hand, checked by the assertions
type Loose = Record<string, any>
const base = fixtures.s3 as Loose
const withK8s = (kubernetes: Loose, more: Loose = {}) => ({ ...base, ...more, kubernetes })
const issues = (input: unknown) => {
  const v = validateConfig(input)
  return v.valid ? [] : v.issues.map((i) => [i.path.join('.'), i.message] as const)
}
const messageAt = (input: unknown, path: string) => issues(input).find(([p]) => p === path)?.[1]
const warningsOf = (input: unknown) => {
  const v = validateConfig(input)
  if (!v.valid) throw new Error(JSON.stringify(v.issues))
  return v.warnings.map((w) => [w.path.join('.'), w.message] as const)
}

describe('Kubernetes quantities', () => {
  it.each([
    ['500m', 0.5],
    ['2', 2],
    ['0.25', 0.25],
    ['512Mi', 512 * 2 ** 20],
    ['1G', 1e9],
    ['129e6', 129e6],
  ])('%s is %d', (q, n) => expect(quantityValue(q)).toBeCloseTo(n))

  it('refuses CPU and memory outside their syntax at the field, naming the fix', () => {
    const input = withK8s({ resources: { requests: { cpu: '500 m', memory: '1 GB' } } })
    expect(messageAt(input, 'kubernetes.resources.requests.cpu')).toMatch(
      /CPU request is not valid: use cores/,
    )
    expect(messageAt(input, 'kubernetes.resources.requests.memory')).toMatch(
      /Memory request is not valid: .*512Mi/,
    )
  })

  it('refuses a limit below its request', () => {
    const input = withK8s({
      resources: { requests: { cpu: '2', memory: '1Gi' }, limits: { cpu: '500m', memory: '1Gi' } },
    })
    expect(issues(input)).toEqual([
      [
        'kubernetes.resources.limits.cpu',
        'The CPU limit (500m) is below the request (2): raise the limit or lower the request.',
      ],
    ])
  })
})

describe('scaling rules', () => {
  const auto = (s: Loose, requests: Loose = { cpu: '500m', memory: '512Mi' }) =>
    withK8s({ resources: { requests }, scaling: { mode: 'autoscaling', ...s } })
  it('needs min <= max and at least one target', () => {
    expect(
      messageAt(
        auto({ minReplicas: 5, maxReplicas: 3, targetCpuPercent: 70 }),
        'kubernetes.scaling.maxReplicas',
      ),
    ).toMatch(/below the minimum/)
    expect(
      messageAt(auto({ minReplicas: 2, maxReplicas: 3 }), 'kubernetes.scaling.targetCpuPercent'),
    ).toMatch(/CPU or a memory target/)
  })
  it('refuses a target without the request it is a share of', () => {
    expect(
      messageAt(auto({ targetMemoryPercent: 80 }, { cpu: '1' }), 'kubernetes.scaling.targetMemoryPercent'),
    ).toMatch(/memory request/)
  })
  it('renders both targets, and null for one left out so the chart default goes', () => {
    const v = parse(
      renderValuesYaml(
        DeploymentConfigSchema.parse(auto({ minReplicas: 2, maxReplicas: 4, targetCpuPercent: 60 })),
      ),
    )
    expect(v.autoscaling).toEqual({
      enabled: true,
      minReplicas: 2,
      maxReplicas: 4,
      targetCPUUtilizationPercentage: 60,
      targetMemoryUtilizationPercentage: null,
    })
    expect(v.replicaCount).toBeUndefined()
  })
})

describe('pod metadata and the service account', () => {
  it('checks label keys and values by the Kubernetes rules', () => {
    const input = withK8s({ podLabels: { 'Bad Key': 'x', ok: '-bad-' } })
    expect(issues(input).map(([p]) => p)).toEqual(
      expect.arrayContaining(['kubernetes.podLabels.Bad Key', 'kubernetes.podLabels.ok']),
    )
    expect(messageAt(input, 'kubernetes.podLabels.Bad Key')).toMatch(
      /Pod labels key is not valid: use an optional prefix/,
    )
    expect(
      messageAt(
        withK8s({ podLabels: { 'app.kubernetes.io/instance': 'x' } }),
        'kubernetes.podLabels.app.kubernetes.io/instance',
      ),
    ).toMatch(/set by the chart/)
  })

  it('refuses an annotation that clashes with the IRSA role, and keeps both otherwise', () => {
    const irsa = fixtures['s3-assume-irsa'] as Loose
    const clash = {
      ...irsa,
      kubernetes: {
        serviceAccount: { annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::1:role/x' } },
      },
    }
    expect(issues(clash)[0]?.[1]).toMatch(/already set from the log store/)
    const ok = DeploymentConfigSchema.parse({
      ...irsa,
      kubernetes: { serviceAccount: { name: 'gw', annotations: { a: 'b' } } },
    })
    expect(parse(renderValuesYaml(ok)).serviceAccount).toEqual({
      create: true,
      name: 'gw',
      annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/PortkeyIrsa', a: 'b' },
    })
  })
})

describe('extra environment variables', () => {
  it('refuses a secret key and warns when one shadows a modelled key', () => {
    expect(issues(withK8s({ extraEnv: { LOG_STORE_SECRET_KEY: 'x' } }))[0]?.[1]).toMatch(
      /secret the product already handles/,
    )
    expect(warningsOf(withK8s({ extraEnv: { SERVICE_NAME: 'x', LOG_LEVEL: 'debug' } }))).toEqual(
      expect.arrayContaining([['kubernetes.extraEnv.SERVICE_NAME', expect.stringMatching(/replaces it/)]]),
    )
    expect(
      warningsOf(withK8s({ extraEnv: { LOG_LEVEL: 'debug' } })).filter(([p]) => p.startsWith('kubernetes')),
    ).toEqual([])
  })
  it('refuses bad names and empty values', () => {
    expect(issues(withK8s({ extraEnv: { '1X': 'a' } }))[0]?.[1]).toMatch(/letters, digits and underscores/)
    expect(issues(withK8s({ extraEnv: { X: '' } }))[0]?.[1]).toMatch(/value is empty/)
  })
  it('writes them into environment.data on every version', () => {
    for (const version of ['1.0.7', '1.7.7']) {
      const c = DeploymentConfigSchema.parse({
        ...withK8s({ extraEnv: { LOG_LEVEL: 'debug' } }),
        chart: { ...base.chart, version },
      })
      const v = parse(renderValuesYaml(c))
      expect(v.environment.data.LOG_LEVEL).toBe('debug')
      expect(v.extraEnv).toBeUndefined()
    }
  })
})

describe('chart versions', () => {
  const at = (version: string, kubernetes: Loose) =>
    withK8s(kubernetes, { chart: { ...base.chart, version } })
  it.each([
    ['1.6.1', { strategy: { type: 'Recreate' } }, 'kubernetes.strategy.type', '1.6.2'],
    ['1.6.1', { terminationGracePeriodSeconds: 30 }, 'kubernetes.terminationGracePeriodSeconds', '1.6.2'],
    ['1.1.5', { topologySpread: [{}] }, 'kubernetes.topologySpread', '1.1.6'],
    [
      '1.0.5',
      { serviceAccount: { annotations: { a: 'b' } } },
      'kubernetes.serviceAccount.annotations',
      '1.0.6',
    ],
  ])('%s refuses %j at its field, naming the first version that has it', (version, k, path, since) => {
    expect(messageAt(at(version, k), path)).toMatch(
      new RegExp(`needs chart ${since.replaceAll('.', '\\.')} or later`),
    )
    expect(issues(at(since, k))).toEqual([])
  })
})

describe('PodDisruptionBudget', () => {
  it('is written only with more than one gateway pod, selecting gateway pods but not the data service', () => {
    expect(renderPodDisruptionBudget(DeploymentConfigSchema.parse(base))).toBeNull()
    const pdb = parse(
      renderPodDisruptionBudget(
        DeploymentConfigSchema.parse(fixtures['kubernetes-replicas-pdb-scheduling']),
      ) ?? '',
    )
    expect(pdb).toEqual({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'portkey-ai-gateway', namespace: 'portkeyai' },
      spec: {
        maxUnavailable: 1,
        selector: {
          matchLabels: { 'app.kubernetes.io/name': 'gateway', 'app.kubernetes.io/instance': 'portkey-ai' },
          matchExpressions: [{ key: 'app.kubernetes.io/component', operator: 'DoesNotExist' }],
        },
      },
    })
  })
})

describe('import', () => {
  it('reads a hand-written runtime block of either layout', () => {
    const yamlText = [
      'resources: {requests: {cpu: 250m, memory: 256Mi}}',
      'autoscaling: {enabled: true, minReplicas: 3, maxReplicas: 9, targetCPUUtilizationPercentage: 65}',
      'strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 1}}',
      'tolerations: [{key: dedicated, operator: Equal, value: gw, effect: NoSchedule}]',
      'affinity: {nodeAffinity: {}, podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{}]}}',
      'extraEnv: [{name: LOG_LEVEL, value: debug}]',
      '',
    ].join('\n')
    const r = importValues(yamlText)
    expect(r.config.kubernetes).toMatchObject({
      resources: { requests: { cpu: '250m', memory: '256Mi' } },
      scaling: { mode: 'autoscaling', minReplicas: 3, maxReplicas: 9, targetCpuPercent: 65 },
      strategy: { type: 'RollingUpdate', maxSurge: '25%', maxUnavailable: '1' },
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gw', effect: 'NoSchedule' }],
      podAntiAffinity: 'required',
      extraEnv: { LOG_LEVEL: 'debug' },
    })
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(/affinity\.nodeAffinity is not carried over/)
  })
})
