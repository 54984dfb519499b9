import { lacksMessage, supports } from '../chart/capabilities.js'
import { chartDefaultEnv } from '../chart/default-env.js'
import { IRSA_ANNOTATION } from '../chart/facts.js'
import type { Kubernetes, Resources, Scaling } from './kubernetes.js'
import { quantityValue } from './kubernetes-fields.js'

type Path = (string | number)[]
type Issue = (path: Path, message: string) => void
type Warn = (path: Path, message: string) => void

/** What the rules need from the rest of the config. */
export type RuntimeContext = {
  version: string
  secretsMode: string
  irsa: boolean
  dataService: boolean
  /** Env keys the config's fields are written to, and the secret ones among them. */
  envKeys: { all: ReadonlySet<string>; secret: ReadonlySet<string> }
}

/** Labels the chart puts on its pods itself: changing them would break its own selectors. */
const CHART_LABELS = /^(app\.kubernetes\.io\/(name|instance|version|managed-by|component)|helm\.sh\/chart)$/
/** Pod annotations the chart writes itself. */
const CHART_ANNOTATIONS = /^(checksum\/config|rollme)$/

const resourceRules = (r: Resources, at: Path, issue: Issue) => {
  for (const kind of ['cpu', 'memory'] as const) {
    const req = r.requests[kind]
    const lim = r.limits[kind]
    if (req && lim && quantityValue(req) > quantityValue(lim))
      issue(
        [...at, 'limits', kind],
        `The ${kind === 'cpu' ? 'CPU' : 'memory'} limit (${lim}) is below the request (${req}): raise the limit or lower the request.`,
      )
  }
}

const scalingRules = (s: Scaling, r: Resources, at: Path, issue: Issue) => {
  if (s.mode !== 'autoscaling') return
  // Utilization is a share of the request: without one the autoscaler has nothing to compare with.
  if (s.targetCpuPercent !== undefined && !r.requests.cpu)
    issue(
      [...at, 'targetCpuPercent'],
      'A CPU target is a share of the CPU request: set a CPU request under Resources, or clear the target.',
    )
  if (s.targetMemoryPercent !== undefined && !r.requests.memory)
    issue(
      [...at, 'targetMemoryPercent'],
      'A memory target is a share of the memory request: set a memory request under Resources, or clear the target.',
    )
  if (s.minReplicas > s.maxReplicas)
    issue(
      [...at, 'maxReplicas'],
      `Maximum replicas (${s.maxReplicas}) is below the minimum (${s.minReplicas}): raise the maximum or lower the minimum.`,
    )
  if (s.targetCpuPercent === undefined && s.targetMemoryPercent === undefined)
    issue(
      [...at, 'targetCpuPercent'],
      'Autoscaling needs a CPU or a memory target: enter at least one, e.g. 70.',
    )
}

/** Env keys the product sets itself, on any path (so an extra variable of that name overrides it). */
export const modelledEnvKeys = (version: string, fieldKeys: ReadonlySet<string>): Set<string> =>
  new Set([...fieldKeys, ...Object.keys(chartDefaultEnv(version)), 'PORT', 'DATASERVICE_BASEPATH'])

const envRules = (env: Record<string, string>, secret: ReadonlySet<string>, at: Path, issue: Issue) => {
  for (const k of Object.keys(env))
    if (secret.has(k))
      issue(
        [...at, k],
        `${k} is a secret the product already handles: set it in its own step, where it is kept out of plain values (extra variables are written as plain text).`,
      )
}

export const kubernetesRules = (k: Kubernetes, c: RuntimeContext, issue: Issue) => {
  const v = c.version
  resourceRules(k.resources, ['kubernetes', 'resources'], issue)
  scalingRules(k.scaling, k.resources, ['kubernetes', 'scaling'], issue)
  const s = k.strategy
  if (s.type === 'RollingUpdate' && /^0%?$/.test(s.maxSurge) && /^0%?$/.test(s.maxUnavailable))
    issue(
      ['kubernetes', 'strategy', 'maxUnavailable'],
      'Max surge and max unavailable cannot both be 0: a rollout could never replace a pod. Set one of them above 0.',
    )
  if (s.type !== 'default' && !supports(v, 'rolloutStrategy'))
    issue(['kubernetes', 'strategy', 'type'], lacksMessage(v, 'rolloutStrategy', 'keep the chart default'))
  if (k.terminationGracePeriodSeconds !== undefined && !supports(v, 'terminationGrace'))
    issue(
      ['kubernetes', 'terminationGracePeriodSeconds'],
      lacksMessage(v, 'terminationGrace', 'leave it empty'),
    )
  if (k.topologySpread.length && !supports(v, 'topologySpread'))
    issue(['kubernetes', 'topologySpread'], lacksMessage(v, 'topologySpread', 'remove the spread rules'))
  k.tolerations.forEach((t, i) => {
    const at = ['kubernetes', 'tolerations', i]
    if (t.operator === 'Exists' && t.value)
      issue([...at, 'value'], 'With "Exists" a toleration takes no value: clear it, or choose "Equal".')
    if (t.operator === 'Equal' && !t.key)
      issue([...at, 'key'], 'With "Equal" the taint key is required: enter it, or choose "Exists".')
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute')
      issue(
        [...at, 'tolerationSeconds'],
        'Toleration seconds apply only to the NoExecute effect: clear it or choose NoExecute.',
      )
  })
  for (const key of Object.keys(k.podLabels))
    if (CHART_LABELS.test(key))
      issue(
        ['kubernetes', 'podLabels', key],
        `${key} is set by the chart and selects its pods: choose another key.`,
      )
  for (const key of Object.keys(k.podAnnotations))
    if (CHART_ANNOTATIONS.test(key) || (c.secretsMode === 'vault' && key.startsWith('vault.hashicorp.com/')))
      issue(
        ['kubernetes', 'podAnnotations', key],
        `${key} is written by the chart itself: choose another key.`,
      )
  const saAnnotations = Object.keys(k.serviceAccount.annotations)
  if (saAnnotations.includes(IRSA_ANNOTATION) && c.irsa)
    issue(
      ['kubernetes', 'serviceAccount', 'annotations', IRSA_ANNOTATION],
      `${IRSA_ANNOTATION} is already set from the log store\u2019s IRSA role: remove it here and change the role in the log store step.`,
    )
  if (saAnnotations.length && !supports(v, 'serviceAccountAnnotations'))
    issue(
      ['kubernetes', 'serviceAccount', 'annotations'],
      lacksMessage(v, 'serviceAccountAnnotations', 'remove the annotations'),
    )
  envRules(k.extraEnv, c.envKeys.secret, ['kubernetes', 'extraEnv'], issue)

  if (!c.dataService) return
  const d = k.dataService
  resourceRules(d.resources, ['kubernetes', 'dataService', 'resources'], issue)
  scalingRules(d.scaling, d.resources, ['kubernetes', 'dataService', 'scaling'], issue)
  envRules(d.extraEnv, c.envKeys.secret, ['kubernetes', 'dataService', 'extraEnv'], issue)
  if (Object.keys(d.extraEnv).length && !supports(v, 'dataServiceExtraEnv'))
    issue(
      ['kubernetes', 'dataService', 'extraEnv'],
      lacksMessage(v, 'dataServiceExtraEnv', 'remove the data service\u2019s extra variables'),
    )
}

export const kubernetesWarnings = (k: Kubernetes, c: RuntimeContext, warn: Warn) => {
  const modelled = modelledEnvKeys(c.version, c.envKeys.all)
  for (const key of Object.keys(k.extraEnv))
    if (modelled.has(key))
      warn(
        ['kubernetes', 'extraEnv', key],
        `${key} is a variable the product sets from your other answers: this value replaces it. Prefer the step that sets it.`,
      )
  if (Object.keys(k.extraEnv).length && c.secretsMode === 'vault')
    warn(
      ['kubernetes', 'extraEnv'],
      'With Vault injection the gateway reads every variable from Vault: add these extra variables to your Vault secret too (README.md lists them).',
    )
  if (k.podAntiAffinity === 'required' && k.scaling.mode === 'autoscaling')
    warn(
      ['kubernetes', 'podAntiAffinity'],
      'With "required", the autoscaler cannot start more gateway pods than there are nodes.',
    )
}
