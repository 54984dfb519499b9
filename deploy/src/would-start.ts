import { type ExposureWorld, isGatewayService, readExposure } from './exposure-readings.js'
/**
 * Reads rendered manifests as a kubelet would, and says why a pod would not start
 * (../shared/design/deploy-fidelity.md, "What would start means"). It knows nothing of how the
 * bundle was made: it gets the manifests, the objects that exist beside them, and the env the
 * gateway must receive, and reports every mismatch.
 */
import { type KObject, labelsMatch, type PodSpec, podTemplates } from './objects.js'
import { checkDisruptionBudgets, checkGatewayScale, type GatewayScale } from './scaling.js'

export type Finding = { object: string; problem: string }

/** A Secret or ConfigMap as the pods will see it; a key whose value is unknown (Vault) maps to undefined. */
export type DataObject = {
  kind: 'Secret' | 'ConfigMap'
  name: string
  type?: string
  data: Map<string, string | null | undefined>
}

export type World = {
  /** Objects Helm renders plus those the bundle applies itself (resources-config.yaml, policies). */
  manifests: KObject[]
  /** Objects made outside Helm: by create-secret.sh, by the user (named in the config), by Vault. */
  external: DataObject[]
  /** The env the gateway container must receive, value for value. */
  expectedEnv: Record<string, string>
  /** Chart-default env keys that a values file cannot remove; they may arrive with an empty value. */
  emptyDefaults: ReadonlySet<string>
  /** Env keys the chart adds on its own (e.g. DATASERVICE_BASEPATH). */
  chartEnv: ReadonlySet<string>
  /** When the path uses IRSA: the role the gateway's service account must carry. */
  irsaRoleArn?: string
  /** With AKS workload identity: the client id the gateway's service account must name (and the pod label). */
  workloadClientId?: string
  /** With AWS Secrets Manager: the role the service account of a pod mounting the CSI volume must carry. */
  csiRoleArn?: string
  /** Where the Mongo CA must be mounted, and the ConfigMap key holding it. */
  mongoCa?: { path: string }
  /** The gateway Service type, Ingress and images the config asks for. */
  exposure?: ExposureWorld
  /** How many gateway pods the config asks for (fixed or autoscaled). */
  gatewayScale?: GatewayScale
}

const GATEWAY_PORT = 8787
const PLACEHOLDER = /^<[^<>]*>$/
const IRSA = 'eks.amazonaws.com/role-arn'

const dataObjects = (w: World): DataObject[] => [
  ...w.manifests
    .filter((o) => o.kind === 'Secret' || o.kind === 'ConfigMap')
    .map((o): DataObject => {
      // A Secret's data is base64; stringData and a ConfigMap's data are plain text.
      const fromData = (v: unknown) =>
        v === null || v === undefined
          ? null
          : o.kind === 'Secret'
            ? Buffer.from(String(v), 'base64').toString('utf8')
            : String(v)
      const entries: [string, string | null][] = [
        ...Object.entries(o.data ?? {}).map(([k, v]): [string, string | null] => [k, fromData(v)]),
        ...Object.entries(o.stringData ?? {}).map(([k, v]): [string, string | null] => [
          k,
          v === null ? null : String(v),
        ]),
      ]
      return {
        kind: o.kind as 'Secret' | 'ConfigMap',
        name: o.metadata.name,
        type: o.type,
        data: new Map(entries),
      }
    }),
  ...w.external,
]

/** Resolves one env entry of a container: its value, or a finding. */
const resolveEnv = (
  e: {
    name: string
    value?: unknown
    valueFrom?: Record<string, { name?: string; key?: string; optional?: boolean }>
  },
  objects: DataObject[],
  where: string,
  out: Finding[],
): string | undefined => {
  if (!e.valueFrom) {
    const v = e.value === undefined || e.value === null ? '' : String(e.value)
    if (v === '<nil>' || PLACEHOLDER.test(v.trim()))
      out.push({ object: where, problem: `env ${e.name} is the value ${JSON.stringify(v)}` })
    return v
  }
  const [kind, ref] = Object.entries(e.valueFrom)[0] ?? []
  if (kind !== 'secretKeyRef' && kind !== 'configMapKeyRef') return undefined
  const want = kind === 'secretKeyRef' ? 'Secret' : 'ConfigMap'
  const obj = objects.find((o) => o.kind === want && o.name === ref?.name)
  if (!obj) {
    if (!ref?.optional)
      out.push({ object: where, problem: `env ${e.name} reads ${want} ${ref?.name}, which nothing creates` })
    return undefined
  }
  if (!obj.data.has(ref?.key ?? '')) {
    if (!ref?.optional)
      out.push({
        object: where,
        problem: `env ${e.name} reads key ${ref?.key} of ${want} ${obj.name}, which it lacks`,
      })
    return undefined
  }
  const v = obj.data.get(ref?.key ?? '')
  if (v === null)
    out.push({
      object: where,
      problem: `env ${e.name} reads key ${ref?.key} of ${want} ${obj.name}, whose value is null: a helm upgrade deletes it`,
    })
  return v ?? undefined
}

const checkPullSecrets = (spec: PodSpec, objects: DataObject[], where: string, out: Finding[]) => {
  const pullsPortkey = [...(spec.containers ?? []), ...(spec.initContainers ?? [])].some((c) =>
    /(^|\/)portkeyai\//.test(c.image ?? ''),
  )
  const names = (spec.imagePullSecrets ?? []).map((s) => s.name)
  if (pullsPortkey && names.length === 0)
    out.push({ object: where, problem: 'pulls a portkeyai image with no imagePullSecrets' })
  for (const n of names) {
    const s = objects.find((o) => o.kind === 'Secret' && o.name === n)
    if (!s) out.push({ object: where, problem: `image pull secret ${n} is created by nothing` })
    else if (s.type !== 'kubernetes.io/dockerconfigjson')
      out.push({
        object: where,
        problem: `image pull secret ${n} is not of type kubernetes.io/dockerconfigjson`,
      })
  }
}

const checkProbes = (spec: PodSpec, where: string, isGateway: boolean, out: Finding[]) => {
  for (const c of spec.containers ?? []) {
    const ports = c.ports ?? []
    if (isGateway && !ports.some((p) => p.containerPort === GATEWAY_PORT))
      out.push({ object: where, problem: `container ${c.name} does not declare port ${GATEWAY_PORT}` })
    for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
      const p = c[probe]
      const target = p?.httpGet?.port ?? p?.tcpSocket?.port
      if (target === undefined) continue
      const num = typeof target === 'number' ? target : ports.find((x) => x.name === target)?.containerPort
      if (num === undefined || !ports.some((x) => x.containerPort === num))
        out.push({
          object: where,
          problem: `${probe} targets port ${target}, which container ${c.name} does not serve`,
        })
      else if (isGateway && num !== GATEWAY_PORT)
        out.push({ object: where, problem: `${probe} targets ${num}, not the gateway's ${GATEWAY_PORT}` })
    }
  }
}

const checkVolumes = (spec: PodSpec, objects: DataObject[], where: string, out: Finding[]) => {
  for (const v of spec.volumes ?? []) {
    const ref = v.configMap
      ? { kind: 'ConfigMap', name: v.configMap.name }
      : v.secret
        ? { kind: 'Secret', name: v.secret.secretName }
        : undefined
    if (!ref) continue
    const obj = objects.find((o) => o.kind === ref.kind && o.name === ref.name)
    if (!obj) {
      out.push({
        object: where,
        problem: `volume ${v.name} needs ${ref.kind} ${ref.name}, which nothing creates`,
      })
      continue
    }
    for (const c of spec.containers ?? [])
      for (const m of c.volumeMounts ?? [])
        if (m.name === v.name && m.subPath && !obj.data.has(m.subPath))
          out.push({
            object: where,
            problem: `mount ${m.mountPath} takes key ${m.subPath}, which ${ref.kind} ${ref.name} lacks`,
          })
  }
}

/** The gateway and the data service act with the path's AWS identity; the Redis pod does not. */
const IDENTITY_CONTAINERS = ['gateway', 'dataservice']

const checkServiceAccount = (w: World, spec: PodSpec, where: string, out: Finding[]) => {
  const name = spec.serviceAccountName ?? 'default'
  const sa = w.manifests.find((o) => o.kind === 'ServiceAccount' && o.metadata.name === name)
  if (!sa && name !== 'default')
    out.push({ object: where, problem: `service account ${name} is created by nothing` })
  const needsIdentity = spec.containers?.some((c) => IDENTITY_CONTAINERS.includes(c.name)) ?? false
  if (needsIdentity && w.irsaRoleArn && sa?.metadata.annotations?.[IRSA] !== w.irsaRoleArn)
    out.push({ object: where, problem: `service account ${name} lacks ${IRSA}: ${w.irsaRoleArn}` })
  // The CSI driver's AWS provider reads the secret with the token of the pod that mounts the volume.
  const mountsCsi = (spec.volumes ?? []).some(
    (v) => (v as { csi?: { driver?: string } }).csi?.driver === 'secrets-store.csi.k8s.io',
  )
  if (mountsCsi && w.csiRoleArn && sa?.metadata.annotations?.[IRSA] !== w.csiRoleArn)
    out.push({
      object: where,
      problem: `mounts the Secrets Store CSI volume, but service account ${name} lacks ${IRSA}: ${w.csiRoleArn}`,
    })
}

/** Every Service has ports and selects pods; nothing without a password is reachable from outside. */
const checkServices = (w: World, out: Finding[]) => {
  const pods = podTemplates(w.manifests)
  for (const s of w.manifests.filter((o) => o.kind === 'Service')) {
    const where = `Service ${s.metadata.name}`
    const spec = s.spec as { ports?: unknown[]; selector?: Record<string, string>; type?: string }
    if (!spec.ports?.length) out.push({ object: where, problem: 'has no ports' })
    const selected = pods.filter((p) => labelsMatch(spec.selector, p.labels))
    if (selected.length === 0) out.push({ object: where, problem: 'selects no pods' })
    const open = spec.type === 'NodePort' || spec.type === 'LoadBalancer'
    // The gateway authenticates every request; it is open to the outside only when the config asks.
    const asked = spec.type === w.exposure?.gatewayServiceType && isGatewayService(w.manifests, s)
    if (!open || asked) continue
    const isolated = selected.every((p) =>
      w.manifests.some(
        (np) =>
          np.kind === 'NetworkPolicy' &&
          labelsMatch(
            (np.spec as { podSelector?: { matchLabels?: Record<string, string> } }).podSelector
              ?.matchLabels ?? {},
            p.labels,
          ) &&
          (
            (
              np.spec as {
                ingress?: {
                  from?: { podSelector?: unknown; ipBlock?: unknown; namespaceSelector?: unknown }[]
                }[]
              }
            ).ingress ?? []
          ).every(
            (r) =>
              (r.from ?? []).length > 0 &&
              (r.from ?? []).every((f) => f.podSelector && !f.ipBlock && !f.namespaceSelector),
          ),
      ),
    )
    if (!isolated)
      out.push({
        object: where,
        problem: `is a ${spec.type} reachable from outside the cluster, and no NetworkPolicy closes it`,
      })
  }
}

/** The workload identity webhook injects the token only into labelled pods, for the annotated account. */
const checkWorkloadIdentity = (
  w: World,
  labels: Record<string, string>,
  spec: PodSpec,
  where: string,
  out: Finding[],
) => {
  if (!w.workloadClientId) return
  if (labels['azure.workload.identity/use'] !== 'true')
    out.push({ object: where, problem: 'lacks the pod label azure.workload.identity/use: "true"' })
  const name = spec.serviceAccountName ?? 'default'
  const sa = w.manifests.find((o) => o.kind === 'ServiceAccount' && o.metadata.name === name)
  if (sa?.metadata.annotations?.['azure.workload.identity/client-id'] !== w.workloadClientId)
    out.push({
      object: where,
      problem: `service account ${name} lacks azure.workload.identity/client-id: ${w.workloadClientId}`,
    })
}

export const readWouldStart = (w: World): Finding[] => {
  const out: Finding[] = []
  const objects = dataObjects(w)
  for (const p of podTemplates(w.manifests)) {
    const where = `${p.kind} ${p.name}`
    const isGateway = p.spec.containers?.some((c) => c.name === 'gateway') ?? false
    checkPullSecrets(p.spec, objects, where, out)
    checkProbes(p.spec, where, isGateway, out)
    checkVolumes(p.spec, objects, where, out)
    checkServiceAccount(w, p.spec, where, out)
    if (isGateway) checkWorkloadIdentity(w, p.labels, p.spec, where, out)
    for (const c of p.spec.containers ?? []) {
      const received = new Map<string, string | undefined>()
      for (const e of c.env ?? [])
        received.set(e.name, resolveEnv(e, objects, `${where} container ${c.name}`, out))
      for (const f of c.envFrom ?? []) {
        const ref = f.secretRef ?? f.configMapRef
        const kind = f.secretRef ? 'Secret' : 'ConfigMap'
        if (ref && !ref.optional && !objects.some((o) => o.kind === kind && o.name === ref.name))
          out.push({ object: where, problem: `envFrom needs ${kind} ${ref.name}, which nothing creates` })
      }
      if (c.name === 'gateway') {
        compareEnv(w, received, `${where} container gateway`, out)
        checkMongoCa(w, p.spec, objects, `${where} container gateway`, out)
      }
    }
  }
  checkServices(w, out)
  if (w.exposure) readExposure(w.manifests, w.exposure, out)
  checkDisruptionBudgets(w.manifests, out)
  checkGatewayScale(w.manifests, w.gatewayScale, out)
  return out
}

const compareEnv = (w: World, received: Map<string, string | undefined>, where: string, out: Finding[]) => {
  for (const [k, v] of Object.entries(w.expectedEnv)) {
    if (!received.has(k))
      out.push({ object: where, problem: `env ${k} is missing (expected ${JSON.stringify(v)})` })
    else {
      const got = received.get(k)
      if (got !== undefined && got !== v)
        out.push({
          object: where,
          problem: `env ${k} is ${JSON.stringify(got)}, expected ${JSON.stringify(v)}`,
        })
    }
  }
  for (const [k, got] of received) {
    if (k in w.expectedEnv || w.chartEnv.has(k)) continue
    if (w.emptyDefaults.has(k) && (got === '' || got === undefined)) continue
    out.push({
      object: where,
      problem: `env ${k} is set (${JSON.stringify(got)}) but the config does not ask for it`,
    })
  }
}

/** The CA lands where tlsCAFile in the URL points, from a ConfigMap that holds it. */
const checkMongoCa = (w: World, spec: PodSpec, objects: DataObject[], where: string, out: Finding[]) => {
  if (!w.mongoCa) return
  const path = w.mongoCa.path
  if (!(w.expectedEnv.MONGO_DB_CONNECTION_URL ?? '').includes(`tlsCAFile=${path}`))
    out.push({ object: where, problem: `the Mongo URL does not point tlsCAFile at ${path}` })
  const gateway = spec.containers?.find((c) => c.name === 'gateway')
  const mount = gateway?.volumeMounts?.find((m) => m.mountPath === path)
  const volume = spec.volumes?.find((v) => v.name === mount?.name)
  const cm = objects.find((o) => o.kind === 'ConfigMap' && o.name === volume?.configMap?.name)
  if (!(mount && cm?.data.get(mount.subPath ?? '')?.includes('BEGIN CERTIFICATE')))
    out.push({ object: where, problem: `no CA certificate is mounted at ${path}` })
}
