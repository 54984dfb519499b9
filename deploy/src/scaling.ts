/**
 * Readings of how many gateway pods run and how they survive disruption: the HPA or replica
 * count the config asked for, and PodDisruptionBudgets that select real pods of one workload.
 */
import { type KObject, type PodTemplate, podTemplates } from './objects.js'

/** One reason a pod would not start or stay up (the same shape as would-start's findings). */
type Finding = { object: string; problem: string }

/** What the config asked for the gateway: a fixed count, or an autoscaler's bounds and targets. */
export type GatewayScale =
  | { replicas: number }
  | { minReplicas: number; maxReplicas: number; cpu?: number; memory?: number }

type Selector = {
  matchLabels?: Record<string, string>
  matchExpressions?: { key: string; operator: string; values?: string[] }[]
}

/** A label selector as the API server reads it; an empty selector matches nothing here. */
export const selectorMatches = (s: Selector | undefined, labels: Record<string, string>): boolean => {
  if (!s) return false
  const ml = Object.entries(s.matchLabels ?? {})
  const me = s.matchExpressions ?? []
  if (ml.length === 0 && me.length === 0) return false
  return (
    ml.every(([k, v]) => labels[k] === v) &&
    me.every((e) => {
      const has = Object.hasOwn(labels, e.key)
      const v = labels[e.key] ?? ''
      if (e.operator === 'Exists') return has
      if (e.operator === 'DoesNotExist') return !has
      if (e.operator === 'In') return has && (e.values ?? []).includes(v)
      if (e.operator === 'NotIn') return !has || !(e.values ?? []).includes(v)
      return false
    })
  )
}

const isGateway = (p: PodTemplate) => p.spec.containers?.some((c) => c.name === 'gateway') ?? false

export const checkDisruptionBudgets = (manifests: KObject[], out: Finding[]) => {
  const pods = podTemplates(manifests)
  for (const pdb of manifests.filter((o) => o.kind === 'PodDisruptionBudget')) {
    const where = `PodDisruptionBudget ${pdb.metadata.name}`
    const spec = (pdb.spec ?? {}) as { selector?: Selector; minAvailable?: unknown; maxUnavailable?: unknown }
    if (pdb.apiVersion !== 'policy/v1')
      out.push({ object: where, problem: `uses ${pdb.apiVersion}, not policy/v1` })
    if (spec.minAvailable === undefined && spec.maxUnavailable === undefined)
      out.push({ object: where, problem: 'sets neither minAvailable nor maxUnavailable' })
    const selected = pods.filter((p) => selectorMatches(spec.selector, p.labels))
    if (selected.length === 0) out.push({ object: where, problem: 'selects no pods' })
    else if (selected.length > 1)
      out.push({
        object: where,
        problem: `selects the pods of ${selected.map((p) => `${p.kind} ${p.name}`).join(' and ')}, not one workload`,
      })
  }
}

type Hpa = {
  scaleTargetRef?: { kind?: string; name?: string }
  minReplicas?: number
  maxReplicas?: number
  metrics?: { type: string; resource?: { name: string; target?: { averageUtilization?: number } } }[]
}

export const checkGatewayScale = (manifests: KObject[], want: GatewayScale | undefined, out: Finding[]) => {
  if (!want) return
  const gateway = manifests.find((o) => o.kind === 'Deployment' && podTemplates([o]).some(isGateway))
  if (!gateway) return
  const where = `Deployment ${gateway.metadata.name}`
  const hpas = manifests.filter(
    (o) =>
      o.kind === 'HorizontalPodAutoscaler' && (o.spec as Hpa).scaleTargetRef?.name === gateway.metadata.name,
  )
  const replicas = (gateway.spec as { replicas?: number }).replicas
  if ('replicas' in want) {
    if (hpas.length)
      out.push({ object: where, problem: 'is scaled by an autoscaler the config does not ask for' })
    if ((replicas ?? 1) !== want.replicas)
      out.push({ object: where, problem: `runs ${replicas ?? 1} replicas, expected ${want.replicas}` })
    return
  }
  const hpa = hpas[0]
  if (!hpa) {
    out.push({ object: where, problem: 'has no HorizontalPodAutoscaler, though the config asks for one' })
    return
  }
  const h = hpa.spec as Hpa
  const at = `HorizontalPodAutoscaler ${hpa.metadata.name}`
  if (h.minReplicas !== want.minReplicas || h.maxReplicas !== want.maxReplicas)
    out.push({
      object: at,
      problem: `scales ${h.minReplicas}..${h.maxReplicas}, expected ${want.minReplicas}..${want.maxReplicas}`,
    })
  const requests = podTemplates([gateway])[0]?.spec.containers?.find((c) => c.name === 'gateway') as
    | { resources?: { requests?: Record<string, unknown> } }
    | undefined
  for (const name of ['cpu', 'memory'] as const) {
    const got = h.metrics?.find((m) => m.type === 'Resource' && m.resource?.name === name)?.resource?.target
      ?.averageUtilization
    if (got !== want[name])
      out.push({
        object: at,
        problem: `${name} target is ${got ?? 'absent'}, expected ${want[name] ?? 'absent'}`,
      })
    if (got !== undefined && requests?.resources?.requests?.[name] === undefined)
      out.push({ object: at, problem: `targets ${name} use, but the gateway container requests no ${name}` })
  }
}
