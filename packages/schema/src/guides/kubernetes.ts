import { KubernetesSchema, ResourcesSchema, SUGGESTED_RESOURCES } from '../config/kubernetes.js'
import { q, section, shell, step, text } from './blocks.js'
import type { GuideSection, GuideStep } from './types.js'
import { rec, type View, valid } from './view.js'

const TITLE = 'Kubernetes'

const SELECTOR = (v: View) => `app.kubernetes.io/name=gateway,app.kubernetes.io/instance=${v.release}`

/** The setup outside portkey-setup that the Kubernetes step's answers need: metrics, nodes, labels. */
const DEFAULTS = JSON.stringify(KubernetesSchema.parse({}))

/** Left alone, the section is at the chart's own defaults: nothing to do, and the README omits it. */
const isDefault = (k: unknown) => {
  const r = KubernetesSchema.safeParse(k ?? {})
  return r.success && JSON.stringify(r.data) === DEFAULTS
}

export const kubernetesGuide = (v: View): GuideSection => {
  if (isDefault(v.root.kubernetes))
    return section(
      'kubernetes',
      'default',
      TITLE,
      'One gateway pod with the chart\u2019s own runtime defaults.',
    )
  const k = rec(v.root.kubernetes)
  const scaling = rec(k.scaling)
  const auto = scaling.mode === 'autoscaling'
  const replicas = auto ? Number(scaling.minReplicas ?? 2) : Number(scaling.replicas ?? 1)
  const requests = rec(rec(k.resources).requests)
  const reqShape = ResourcesSchema.unwrap().shape.requests.unwrap().shape
  const cpu = valid(reqShape.cpu, requests.cpu)
  const memory = valid(reqShape.memory, requests.memory)
  const ns = q(v.namespace)
  const steps: GuideStep[] = []
  if (!cpu && !memory)
    steps.push(
      step(
        'kubernetes.resources',
        'Consider resource requests',
        `No requests are set, so the scheduler reserves nothing for the gateway and may pack it onto a busy node. A starting point is ${SUGGESTED_RESOURCES.requests.cpu} CPU and ${SUGGESTED_RESOURCES.requests.memory} memory requested, ${SUGGESTED_RESOURCES.limits.cpu} CPU and ${SUGGESTED_RESOURCES.limits.memory} as limits; watch real use and adjust.`,
      ),
    )
  if (auto)
    steps.push(
      step(
        'kubernetes.metrics',
        'Make sure the cluster serves pod metrics',
        `The autoscaler reads CPU and memory use from the metrics API (metrics-server on most clusters). Targets are shares of the requests${cpu || memory ? ` (${[cpu && `CPU ${cpu}`, memory && `memory ${memory}`].filter(Boolean).join(', ')})` : ', so set requests too'}.`,
        [
          shell('Check that pod metrics are available', `kubectl top pods --namespace ${ns}`),
          shell('After the install: watch the autoscaler', `kubectl get hpa --namespace ${ns} --watch`),
        ],
      ),
    )
  const nodeSelector = Object.entries(rec(k.nodeSelector))
  if (nodeSelector.length)
    steps.push(
      step(
        'kubernetes.nodes',
        'Check that nodes carry the selector labels',
        `The gateway pods run only on nodes labelled ${nodeSelector.map(([a, b]) => `${a}=${String(b)}`).join(', ')}. If none does, the pods stay Pending.`,
        [
          shell(
            'List the matching nodes',
            `kubectl get nodes -l ${q(nodeSelector.map(([a, b]) => `${a}=${String(b)}`).join(','))}`,
          ),
        ],
      ),
    )
  if (replicas > 1)
    steps.push(
      step(
        'kubernetes.pdb',
        'Disruption budget',
        `With ${replicas} gateway pods${auto ? ' at least' : ''}, the bundle adds pod-disruption-budget.yaml: a node drain evicts one gateway pod at a time. install.sh applies it after the chart.`,
        [shell('After the install: check it', `kubectl get pdb --namespace ${ns}`)],
      ),
    )
  steps.push(
    step(
      'kubernetes.verify',
      'After the install: see where the pods run',
      'The request timeout (REQUEST_TIMEOUT) is set in the Cluster & chart step; termination grace should be at least as long as your longest request.',
      [
        shell(
          'Gateway pods with their nodes',
          `kubectl get pods --namespace ${ns} -l ${q(SELECTOR(v))} -o wide`,
        ),
        text(
          'Pods that stay Pending',
          'kubectl describe pod <pod> names the rule (resources, selector, taint or spread) that blocks it.',
        ),
      ],
    ),
  )
  const summary = auto
    ? `Autoscaling from ${String(scaling.minReplicas ?? '?')} to ${String(scaling.maxReplicas ?? '?')} gateway pods.`
    : `${replicas} gateway pod${replicas === 1 ? '' : 's'}.`
  return section('kubernetes', auto ? 'autoscaling' : 'replicas', TITLE, summary, steps)
}
