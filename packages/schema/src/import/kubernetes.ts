import { chartDefaultEnv } from '../chart/default-env.js'
import { IRSA_ANNOTATION, UNMODELLED_ENV_KEYS } from '../chart/facts.js'
import { LATEST_CHART_VERSION } from '../chart/releases.js'
import { ENV_NAME } from '../config/kubernetes-fields.js'
import { WORKLOAD_IDENTITY_CLIENT_ID, WORKLOAD_IDENTITY_USE } from '../render/values/identity.js'
import {
  type ImportContext,
  isObject,
  isTrue,
  type Loose,
  own,
  ownArray,
  ownObject,
  scalarText,
} from './reader.js'

/** Top-level keys of values.yaml the Kubernetes step reads. */
export const KUBERNETES_TOP_KEYS = [
  'resources',
  'replicaCount',
  'autoscaling',
  'strategy',
  'terminationGracePeriodSeconds',
  'nodeSelector',
  'tolerations',
  'affinity',
  'topologySpreadConstraints',
  'podLabels',
  'podAnnotations',
  'extraEnv',
] as const

const P = 'kubernetes'

const num = (v: unknown): number | undefined => {
  if (typeof v === 'number' && Number.isFinite(v)) return v
  if (typeof v === 'string' && /^[0-9]+$/.test(v.trim())) return Number(v.trim())
  return undefined
}

/** A mapping of text to text; values that are not scalars are dropped with a warning. */
const textMap = (ctx: ImportContext, v: unknown, path: (string | number)[], what: string) => {
  if (v === undefined || v === null) return undefined
  if (!isObject(v)) {
    ctx.warn(path, `${what} must be a mapping; it was not carried over.`)
    return undefined
  }
  const out: Record<string, string> = {}
  for (const [k, x] of Object.entries(v)) {
    const t = scalarText(x)
    if (t === undefined)
      ctx.warn([...path, k], `${what} ${k} is not a single value; it was not carried over.`)
    else out[k] = t
  }
  return out
}

const readResources = (v: unknown) => {
  const part = (x: unknown) => {
    const cpu = scalarText(own(x, 'cpu'))
    const memory = scalarText(own(x, 'memory'))
    return { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) }
  }
  return { requests: part(own(v, 'requests')), limits: part(own(v, 'limits')) }
}

/** replicaCount or autoscaling, as the chart reads them for the gateway and the data service. */
const readScaling = (replicas: unknown, autoscaling: unknown): Loose | undefined => {
  if (isTrue(own(autoscaling, 'enabled'))) {
    const target = (k: string) => num(own(autoscaling, k))
    return {
      mode: 'autoscaling',
      minReplicas: num(own(autoscaling, 'minReplicas')),
      maxReplicas: num(own(autoscaling, 'maxReplicas')),
      targetCpuPercent: target('targetCPUUtilizationPercentage'),
      targetMemoryPercent: target('targetMemoryUtilizationPercentage'),
    }
  }
  const n = num(replicas)
  return n === undefined ? undefined : { mode: 'replicas', replicas: n }
}

const readStrategy = (v: unknown): Loose | undefined => {
  const type = own(v, 'type')
  if (type === 'Recreate') return { type: 'Recreate' }
  if (type === 'RollingUpdate') {
    const ru = ownObject(v, 'rollingUpdate')
    return {
      type: 'RollingUpdate',
      maxSurge: scalarText(own(ru, 'maxSurge')) || undefined,
      maxUnavailable: scalarText(own(ru, 'maxUnavailable')) || undefined,
    }
  }
  return undefined
}

/** podAntiAffinity as portkey-setup writes it; any other affinity is reported, not carried over. */
const readAffinity = (ctx: ImportContext, v: unknown): string | undefined => {
  if (!isObject(v) || Object.keys(v).length === 0) return undefined
  const anti = ownObject(v, 'podAntiAffinity')
  const others = Object.keys(v).filter((k) => k !== 'podAntiAffinity')
  if (others.length)
    ctx.warn(
      [P, 'podAntiAffinity'],
      `affinity.${others.join(', affinity.')} is not carried over: only the spread over nodes is.`,
    )
  if (ownArray(anti, 'requiredDuringSchedulingIgnoredDuringExecution')?.length) return 'required'
  if (ownArray(anti, 'preferredDuringSchedulingIgnoredDuringExecution')?.length) return 'preferred'
  return undefined
}

const readTolerations = (v: unknown) =>
  (Array.isArray(v) ? v : []).filter(isObject).map((t) => ({
    key: scalarText(own(t, 'key')) || undefined,
    operator: own(t, 'operator') === 'Exists' ? 'Exists' : 'Equal',
    value: scalarText(own(t, 'value')) || undefined,
    effect: scalarText(own(t, 'effect')) || undefined,
    tolerationSeconds: num(own(t, 'tolerationSeconds')),
  }))

const readSpread = (v: unknown) =>
  (Array.isArray(v) ? v : []).filter(isObject).map((t) => ({
    topologyKey: scalarText(own(t, 'topologyKey')),
    maxSkew: num(own(t, 'maxSkew')),
    whenUnsatisfiable: scalarText(own(t, 'whenUnsatisfiable')) || undefined,
  }))

/** An extraEnv list ({name, value}) as a map. */
const envList = (v: unknown): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const e of Array.isArray(v) ? v : []) {
    const name = own(e, 'name')
    const value = scalarText(own(e, 'value'))
    if (typeof name === 'string' && value !== undefined) out[name] = value
  }
  return out
}

/**
 * Env keys no other reader took and the chart does not know: the extra variables portkey-setup
 * writes into environment.data. Keys that only look like settings of another choice stay with the
 * leftovers, which warn about them.
 */
const extraEnvFromData = (ctx: ImportContext): Record<string, string> => {
  const known = new Set<string>([
    ...Object.keys(chartDefaultEnv(LATEST_CHART_VERSION)),
    ...UNMODELLED_ENV_KEYS,
    'AWS_IMDS_V1',
  ])
  const out: Record<string, string> = {}
  for (const [key, value] of ctx.env) {
    if (ctx.consumed.has(key) || known.has(key) || value === '' || !ENV_NAME.test(key)) continue
    if (/^(OTEL_|ANALYTICS_|AZURE_|MONGO_|LOG_STORE_)/.test(key)) continue
    out[key] = value
    ctx.consumed.add(key)
  }
  return out
}

/** The Kubernetes step's settings; call after the other readers, so their env keys are consumed. */
export const readKubernetes = (ctx: ImportContext): Loose => {
  const r = ctx.root
  const sa = ownObject(r, 'serviceAccount')
  const saAnnotations = textMap(
    ctx,
    own(sa, 'annotations'),
    [P, 'serviceAccount', 'annotations'],
    'Annotation',
  )
  // What identity writes (IRSA, AKS workload identity) is read back by the identity readers.
  if (saAnnotations) for (const k of [IRSA_ANNOTATION, WORKLOAD_IDENTITY_CLIENT_ID]) delete saAnnotations[k]
  const podLabels = textMap(ctx, own(r, 'podLabels'), [P, 'podLabels'], 'Pod label')
  if (podLabels) delete podLabels[WORKLOAD_IDENTITY_USE]
  const ds = ownObject(r, 'dataservice')
  const dsDeployment = ownObject(ds, 'deployment')
  return {
    resources: readResources(own(r, 'resources')),
    scaling: readScaling(own(r, 'replicaCount'), own(r, 'autoscaling')),
    strategy: readStrategy(own(r, 'strategy')),
    terminationGracePeriodSeconds: num(own(r, 'terminationGracePeriodSeconds')) || undefined,
    nodeSelector: textMap(ctx, own(r, 'nodeSelector'), [P, 'nodeSelector'], 'Node selector label'),
    tolerations: readTolerations(own(r, 'tolerations')),
    podAntiAffinity: readAffinity(ctx, own(r, 'affinity')),
    topologySpread: readSpread(own(r, 'topologySpreadConstraints')),
    podLabels,
    podAnnotations: textMap(ctx, own(r, 'podAnnotations'), [P, 'podAnnotations'], 'Pod annotation'),
    serviceAccount: {
      name: scalarText(own(sa, 'name')) || undefined,
      annotations: saAnnotations,
    },
    extraEnv: { ...extraEnvFromData(ctx), ...envList(own(r, 'extraEnv')) },
    dataService: isTrue(own(ds, 'enabled'))
      ? {
          resources: readResources(own(dsDeployment, 'resources')),
          scaling: readScaling(own(dsDeployment, 'replicas'), own(ds, 'autoscaling')),
          extraEnv: envList(own(dsDeployment, 'extraEnv')),
        }
      : undefined,
  }
}
