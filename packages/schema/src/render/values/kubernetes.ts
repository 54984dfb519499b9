import { Scalar } from 'yaml'
import { CHART_NAME } from '../../chart/facts.js'
import { type DeploymentConfig, logStoreIrsaRole, type Resources, type Scaling } from '../../config/index.js'
import { bool, type Entry, entry, map, seq, str, stringMap, word, type YamlNode } from '../yaml-doc.js'
import { identityPodLabels, identityServiceAccountAnnotations } from './identity.js'

/**
 * The Kubernetes step in values.yaml: resources, replicas or autoscaling, rollout, scheduling, pod
 * metadata and extra env, for the gateway and (when it is on) the data service. Nothing is written
 * for a setting left at its default, so such configs render as they did before the step existed.
 */

const num = (n: number): Scalar => new Scalar(n)
/** 3 stays a number (pods), 25% a string; Kubernetes reads both. */
const intOrPercent = (v: string): Scalar => (/^[0-9]+$/.test(v) ? num(Number(v)) : str(v))

/** The labels every gateway pod carries in every chart version, and only gateway pods. */
export const gatewayPodSelector = (c: DeploymentConfig) => ({
  matchLabels: { 'app.kubernetes.io/name': CHART_NAME, 'app.kubernetes.io/instance': c.chart.releaseName },
  // The data service pods carry the same two labels plus app.kubernetes.io/component.
  notLabel: 'app.kubernetes.io/component',
})

export const selectorNode = (c: DeploymentConfig): YamlNode => {
  const s = gatewayPodSelector(c)
  return map(
    entry('matchLabels', stringMap(s.matchLabels)),
    entry(
      'matchExpressions',
      seq(map(entry('key', str(s.notLabel)), entry('operator', word('DoesNotExist')))),
    ),
  )
}

/**
 * Who the gateway pods are: service account name and annotations, pod labels and annotations. One
 * place, so every feature that adds an identity annotation or label (IRSA today) merges here.
 */
export const gatewayPodIdentity = (c: DeploymentConfig) => {
  const k = c.kubernetes
  return {
    /** The log store's IRSA role: the data service's service account gets it too. */
    irsaRole: logStoreIrsaRole(c),
    serviceAccountName: k.serviceAccount.name,
    serviceAccountAnnotations: {
      ...Object.fromEntries(identityServiceAccountAnnotations(c)),
      ...k.serviceAccount.annotations,
    } as Record<string, string>,
    podLabels: { ...Object.fromEntries(identityPodLabels(c)), ...k.podLabels } as Record<string, string>,
    podAnnotations: { ...k.podAnnotations },
  }
}

const nonEmpty = (o: Record<string, string>) => Object.keys(o).length > 0

const resourcesEntry = (r: Resources, comment?: string | string[]): Entry | undefined => {
  const part = (x: { cpu?: string; memory?: string }) =>
    x.cpu || x.memory
      ? map(
          x.cpu ? entry('cpu', str(x.cpu)) : undefined,
          x.memory ? entry('memory', str(x.memory)) : undefined,
        )
      : undefined
  const requests = part(r.requests)
  const limits = part(r.limits)
  if (!requests && !limits) return undefined
  return entry(
    'resources',
    map(requests && entry('requests', requests), limits && entry('limits', limits)),
    comment,
    true,
  )
}

/** The chart reads the same autoscaling keys for the gateway and the data service. */
const autoscalingMap = (s: Scaling & { mode: 'autoscaling' }, extra: Entry[] = []) =>
  map(
    entry('enabled', bool(true)),
    ...extra,
    entry('minReplicas', num(s.minReplicas)),
    entry('maxReplicas', num(s.maxReplicas)),
    entry(
      'targetCPUUtilizationPercentage',
      s.targetCpuPercent === undefined ? new Scalar(null) : num(s.targetCpuPercent),
      s.targetCpuPercent === undefined || s.targetMemoryPercent === undefined
        ? 'null removes the chart\u2019s default target, so the autoscaler does not scale on it.'
        : undefined,
    ),
    entry(
      'targetMemoryUtilizationPercentage',
      s.targetMemoryPercent === undefined ? new Scalar(null) : num(s.targetMemoryPercent),
    ),
  )

const envList = (env: Record<string, string>) =>
  seq(
    ...Object.entries(env).map(([name, value]) => map(entry('name', str(name)), entry('value', str(value)))),
  )

const schedulingEntries = (c: DeploymentConfig): Entry[] => {
  const k = c.kubernetes
  const out: (Entry | undefined)[] = []
  if (nonEmpty(k.nodeSelector))
    out.push(
      entry('nodeSelector', stringMap(k.nodeSelector), 'Scheduling: only nodes with these labels.', true),
    )
  if (k.tolerations.length)
    out.push(
      entry(
        'tolerations',
        seq(
          ...k.tolerations.map((t) =>
            map(
              t.key ? entry('key', str(t.key)) : undefined,
              entry('operator', word(t.operator)),
              t.value !== undefined && t.operator === 'Equal' ? entry('value', str(t.value)) : undefined,
              t.effect ? entry('effect', word(t.effect)) : undefined,
              t.tolerationSeconds !== undefined
                ? entry('tolerationSeconds', num(t.tolerationSeconds))
                : undefined,
            ),
          ),
        ),
        'Taints the gateway pods tolerate.',
        true,
      ),
    )
  if (k.podAntiAffinity !== 'none') {
    const term = map(
      entry('labelSelector', selectorNode(c)),
      entry('topologyKey', str('kubernetes.io/hostname')),
    )
    out.push(
      entry(
        'affinity',
        map(
          entry(
            'podAntiAffinity',
            k.podAntiAffinity === 'required'
              ? map(entry('requiredDuringSchedulingIgnoredDuringExecution', seq(term)))
              : map(
                  entry(
                    'preferredDuringSchedulingIgnoredDuringExecution',
                    seq(map(entry('weight', num(100)), entry('podAffinityTerm', term))),
                  ),
                ),
          ),
        ),
        `Gateway pods ${k.podAntiAffinity === 'required' ? 'never share' : 'avoid sharing'} a node; the selector leaves out the data service pods.`,
        true,
      ),
    )
  }
  if (k.topologySpread.length)
    out.push(
      entry(
        'topologySpreadConstraints',
        seq(
          ...k.topologySpread.map((t) =>
            map(
              entry('maxSkew', num(t.maxSkew)),
              entry('topologyKey', str(t.topologyKey)),
              entry('whenUnsatisfiable', word(t.whenUnsatisfiable)),
              entry('labelSelector', selectorNode(c)),
            ),
          ),
        ),
        'Spread the gateway pods evenly; the selector counts gateway pods only.',
        true,
      ),
    )
  return out.filter((e): e is Entry => e !== undefined)
}

/** Top-level entries for the gateway pods (serviceAccount is written beside them, see below). */
export const gatewayRuntimeEntries = (c: DeploymentConfig): Entry[] => {
  const k = c.kubernetes
  const id = gatewayPodIdentity(c)
  const s = k.scaling
  const st = k.strategy
  const out: (Entry | undefined)[] = [
    resourcesEntry(k.resources, 'Resources of each gateway pod (only what you set; the chart sets none).'),
    s.mode === 'replicas' && s.replicas !== 1
      ? entry(
          'replicaCount',
          num(s.replicas),
          'Gateway pods; the bundle\u2019s PodDisruptionBudget keeps one up during node drains.',
          true,
        )
      : undefined,
    s.mode === 'autoscaling'
      ? entry(
          'autoscaling',
          autoscalingMap(s),
          'A HorizontalPodAutoscaler sizes the gateway; the chart then writes no replica count.',
          true,
        )
      : undefined,
    st.type === 'RollingUpdate'
      ? entry(
          'strategy',
          map(
            entry('type', word('RollingUpdate')),
            entry(
              'rollingUpdate',
              map(
                entry('maxSurge', intOrPercent(st.maxSurge)),
                entry('maxUnavailable', intOrPercent(st.maxUnavailable)),
              ),
            ),
          ),
          'Rollout: replace pods a few at a time.',
          true,
        )
      : st.type === 'Recreate'
        ? entry(
            'strategy',
            map(entry('type', word('Recreate'))),
            'Rollout: stop the old pods before new ones start.',
            true,
          )
        : undefined,
    k.terminationGracePeriodSeconds !== undefined
      ? entry(
          'terminationGracePeriodSeconds',
          num(k.terminationGracePeriodSeconds),
          'Seconds a stopping pod gets to finish its requests.',
          true,
        )
      : undefined,
    ...schedulingEntries(c),
    nonEmpty(id.podLabels)
      ? entry('podLabels', stringMap(id.podLabels), 'Added to every gateway pod.', true)
      : undefined,
    nonEmpty(id.podAnnotations)
      ? entry('podAnnotations', stringMap(id.podAnnotations), undefined, !nonEmpty(id.podLabels))
      : undefined,
  ]
  return out.filter((e): e is Entry => e !== undefined)
}

/** The service account map: created by the chart, named and annotated as the config says. */
export const serviceAccountMap = (c: DeploymentConfig, annotations: Record<string, string>) => {
  const id = gatewayPodIdentity(c)
  return map(
    entry('create', bool(true)),
    id.serviceAccountName ? entry('name', str(id.serviceAccountName)) : undefined,
    nonEmpty(annotations) ? entry('annotations', stringMap(annotations)) : undefined,
  )
}

/** Entries under dataservice for its runtime settings. */
export const dataServiceRuntime = (c: DeploymentConfig): { deployment: Entry[]; autoscaling?: Entry } => {
  const d = c.kubernetes.dataService
  const s = d.scaling
  const deployment = [
    resourcesEntry(d.resources),
    s.mode === 'replicas' && s.replicas !== 1 ? entry('replicas', num(s.replicas)) : undefined,
    nonEmpty(d.extraEnv) ? entry('extraEnv', envList(d.extraEnv)) : undefined,
  ].filter((e): e is Entry => e !== undefined)
  return {
    deployment,
    ...(s.mode === 'autoscaling'
      ? {
          autoscaling: entry(
            'autoscaling',
            autoscalingMap(s, [
              entry('createHpa', bool(true), 'createHpa: the chart makes the HPA only with both keys true.'),
            ]),
          ),
        }
      : {}),
  }
}
