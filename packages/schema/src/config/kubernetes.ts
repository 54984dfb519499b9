import { z } from 'zod'
import { choice, count, doc, k8sName, option } from './fields.js'
import {
  annotationMap,
  cpuQuantity,
  envMap,
  intOrPercent,
  labelKey,
  labelMap,
  labelValue,
  memoryQuantity,
} from './kubernetes-fields.js'

/**
 * How the pods run: resources, replicas or autoscaling, rollout, scheduling, pod metadata, the
 * service account and extra env. Every field is optional or has the chart's own default, so a
 * config that leaves the section alone renders exactly as before the section existed.
 *
 * Affinity and topology spread are modelled as their common cases, not as free YAML: a pod
 * anti-affinity against the release's own gateway pods (preferred or required) and spread rules by a
 * topology key. The renderer writes the label selector itself (the gateway's labels, minus the data
 * service's), so no rule can select the wrong pods, and every value is checked field by field.
 * Node placement beyond that is the node selector and tolerations.
 */

/** The values the placeholders suggest: a starting point for a gateway under moderate load. */
export const SUGGESTED_RESOURCES = {
  requests: { cpu: '500m', memory: '512Mi' },
  limits: { cpu: '1', memory: '1Gi' },
} as const

const resourceSet = (kind: 'request' | 'limit', suggested: { cpu: string; memory: string }) =>
  z
    .strictObject({
      cpu: cpuQuantity(`CPU ${kind}`)
        .optional()
        .meta(
          doc(
            kind === 'request'
              ? 'CPU the scheduler reserves for each pod. Empty: none reserved (the chart sets none).'
              : 'Most CPU a pod may use before it is throttled. Empty: no cap (the chart sets none).',
            { placeholder: `${suggested.cpu} (suggested)` },
          ),
        ),
      memory: memoryQuantity(`Memory ${kind}`)
        .optional()
        .meta(
          doc(
            kind === 'request'
              ? 'Memory the scheduler reserves for each pod. Empty: none reserved (the chart sets none).'
              : 'Most memory a pod may use; above it the pod is restarted. Empty: no cap (the chart sets none).',
            { placeholder: `${suggested.memory} (suggested)` },
          ),
        ),
    })
    .prefault({})

export const ResourcesSchema = z
  .strictObject({
    requests: resourceSet('request', SUGGESTED_RESOURCES.requests).meta({ title: 'Requests' }),
    limits: resourceSet('limit', SUGGESTED_RESOURCES.limits).meta({ title: 'Limits' }),
  })
  .prefault({})
  .meta({ title: 'Resources', description: 'CPU and memory per pod.' })

export const ReplicasSchema = z.strictObject({
  mode: option('replicas', 'A fixed number of pods', 'Choose this for a steady load or a first install.'),
  replicas: count('Replicas', 1, 100)
    .default(1)
    .meta(doc('How many pods run. With more than one, the bundle adds a PodDisruptionBudget.')),
})

export const AutoscalingSchema = z.strictObject({
  mode: option(
    'autoscaling',
    'Autoscaling (HorizontalPodAutoscaler)',
    'Choose this when the load varies: Kubernetes adds and removes pods between a minimum and a maximum.',
  ),
  minReplicas: count('Minimum replicas', 1, 100)
    .default(2)
    .meta(doc('Pods that always run, however quiet it is.', { placeholder: '2' })),
  maxReplicas: count('Maximum replicas', 1, 1000)
    .default(10)
    .meta(doc('The most pods the autoscaler may start.', { placeholder: '10' })),
  targetCpuPercent: count('CPU target (%)', 1, 100)
    .optional()
    .meta(
      doc('Average CPU use, as a share of the CPU request, the autoscaler steers towards.', {
        placeholder: '70',
      }),
    ),
  targetMemoryPercent: count('Memory target (%)', 1, 100)
    .optional()
    .meta(
      doc('Average memory use, as a share of the memory request, the autoscaler steers towards.', {
        placeholder: '80',
      }),
    ),
})

export const ScalingSchema = z
  .discriminatedUnion('mode', [ReplicasSchema, AutoscalingSchema], {
    error: 'Scaling mode must be "replicas" or "autoscaling".',
  })
  .default({ mode: 'replicas', replicas: 1 })
  .meta({ title: 'Replicas or autoscaling', description: 'How many gateway pods run.' })

export const StrategySchema = z
  .discriminatedUnion(
    'type',
    [
      z.strictObject({
        type: option(
          'default',
          'Chart default',
          'Keep Kubernetes\u2019 rolling update (25% surge, 25% unavailable).',
        ),
      }),
      z.strictObject({
        type: option(
          'RollingUpdate',
          'Rolling update',
          'Replace pods a few at a time, so the gateway stays up.',
        ),
        maxSurge: intOrPercent('Max surge')
          .default('25%')
          .meta(
            doc('Extra pods allowed above the desired count during a rollout.', { placeholder: '1 or 25%' }),
          ),
        maxUnavailable: intOrPercent('Max unavailable')
          .default('0')
          .meta(
            doc('Pods that may be missing during a rollout; 0 keeps full capacity.', { placeholder: '0' }),
          ),
      }),
      z.strictObject({
        type: option('Recreate', 'Recreate', 'Stop every old pod before starting new ones (a short outage).'),
      }),
    ],
    { error: 'Rollout strategy must be "default", "RollingUpdate" or "Recreate".' },
  )
  .default({ type: 'default' })
  .meta({ title: 'Rollout strategy', description: 'How pods are replaced on helm upgrade.' })

export const TolerationSchema = z.strictObject({
  key: labelKey('Taint key')
    .optional()
    .meta(
      doc('The taint to tolerate; empty with "Exists" tolerates every taint.', { placeholder: 'dedicated' }),
    ),
  operator: choice('Operator', ['Equal', 'Exists'], {
    Equal: { title: 'Equal', when: 'The taint must have this value.' },
    Exists: { title: 'Exists', when: 'Any value of the taint.' },
  }).default('Equal'),
  value: labelValue('Taint value')
    .optional()
    .meta(doc('The taint value (Equal only).', { placeholder: 'portkey' })),
  effect: choice('Effect', ['NoSchedule', 'PreferNoSchedule', 'NoExecute'], {
    NoSchedule: { title: 'NoSchedule', when: 'Tolerate taints that keep pods off the node.' },
    PreferNoSchedule: { title: 'PreferNoSchedule', when: 'Tolerate taints that discourage pods.' },
    NoExecute: { title: 'NoExecute', when: 'Tolerate taints that evict running pods.' },
  })
    .optional()
    .meta(doc('Which taint effect this tolerates; empty means all.')),
  tolerationSeconds: count('Toleration seconds', 0, 86_400)
    .optional()
    .meta(doc('With NoExecute: how long the pod stays after the taint appears.')),
})

export const SpreadSchema = z.strictObject({
  topologyKey: labelKey('Topology key')
    .default('topology.kubernetes.io/zone')
    .meta(
      doc('The node label whose values pods are spread over.', {
        placeholder: 'topology.kubernetes.io/zone',
      }),
    ),
  maxSkew: count('Max skew', 1, 100)
    .default(1)
    .meta(doc('The largest difference in gateway pods between two domains.')),
  whenUnsatisfiable: choice('When it cannot be met', ['ScheduleAnyway', 'DoNotSchedule'], {
    ScheduleAnyway: { title: 'Schedule anyway', when: 'Prefer the spread, but never leave a pod pending.' },
    DoNotSchedule: { title: 'Do not schedule', when: 'Keep a pod pending rather than break the spread.' },
  }).default('ScheduleAnyway'),
})

const extraEnvField = () =>
  envMap(
    'Extra environment variables',
    'Variables the product has no field for, passed to the container as written. Not for secrets.',
  )

export const DataServiceRuntimeSchema = z
  .strictObject({
    resources: ResourcesSchema,
    scaling: ScalingSchema,
    extraEnv: extraEnvField(),
  })
  .prefault({})
  .meta({
    title: 'Data service',
    description: 'The same settings for the data service pods (when it is on).',
  })

export const KubernetesSchema = z
  .strictObject({
    resources: ResourcesSchema,
    scaling: ScalingSchema,
    strategy: StrategySchema,
    terminationGracePeriodSeconds: count('Termination grace (seconds)', 1, 86_400)
      .optional()
      .meta(
        doc('How long a stopping pod may finish its requests before it is killed. Empty: 30.', {
          placeholder: '30',
        }),
      ),
    nodeSelector: labelMap('Node selector', 'Run the pods only on nodes with all of these labels.'),
    tolerations: z
      .array(TolerationSchema, { error: 'Tolerations must be a list.' })
      .max(20, { error: 'Use at most 20 tolerations.' })
      .default([])
      .meta({ title: 'Tolerations', description: 'Taints the pods may be scheduled onto.' }),
    podAntiAffinity: choice('Spread over nodes', ['none', 'preferred', 'required'], {
      none: { title: 'No rule', when: 'Let the scheduler place pods freely.' },
      preferred: { title: 'Prefer separate nodes', when: 'Put gateway pods on different nodes when it can.' },
      required: {
        title: 'Require separate nodes',
        when: 'Never two gateway pods on one node (needs enough nodes).',
      },
    })
      .default('none')
      .meta({ description: 'A pod anti-affinity rule against the release\u2019s own gateway pods.' }),
    topologySpread: z
      .array(SpreadSchema, { error: 'Topology spread must be a list.' })
      .max(5, { error: 'Use at most 5 topology spread rules.' })
      .default([])
      .meta({
        title: 'Topology spread',
        description: 'Spread the gateway pods evenly over zones or nodes.',
      }),
    podLabels: labelMap('Pod labels', 'Labels added to every gateway pod.'),
    podAnnotations: annotationMap('Pod annotations', 'Annotations added to every gateway pod.'),
    serviceAccount: z
      .strictObject({
        name: k8sName('Service account name')
          .optional()
          .meta(
            doc('The name of the service account the chart creates. Empty: named after the release.', {
              placeholder: 'portkey-gateway',
            }),
          ),
        annotations: annotationMap(
          'Service account annotations',
          'Annotations on the gateway\u2019s service account.',
        ),
      })
      .prefault({})
      .meta({ title: 'Service account' }),
    extraEnv: extraEnvField(),
    dataService: DataServiceRuntimeSchema,
  })
  .prefault({})
  .meta({ title: 'Kubernetes', description: 'How the gateway pods run on the cluster.' })

export type Kubernetes = z.infer<typeof KubernetesSchema>
export type Resources = z.infer<typeof ResourcesSchema>
export type Scaling = z.infer<typeof ScalingSchema>
