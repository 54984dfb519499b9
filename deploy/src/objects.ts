/** The few Kubernetes object shapes the deploy reading looks at. */
export type KObject = {
  apiVersion: string
  kind: string
  metadata: {
    name: string
    namespace?: string
    labels?: Record<string, string>
    annotations?: Record<string, string>
  }
  type?: string
  data?: Record<string, unknown>
  stringData?: Record<string, unknown>
  spec?: unknown
}

type Probe = { httpGet?: { port?: number | string }; tcpSocket?: { port?: number | string } }
type Ref = { name?: string; key?: string; optional?: boolean }
export type Container = {
  name: string
  image?: string
  imagePullPolicy?: string
  ports?: { name?: string; containerPort: number }[]
  env?: { name: string; value?: unknown; valueFrom?: Record<string, Ref> }[]
  envFrom?: { secretRef?: Ref; configMapRef?: Ref }[]
  volumeMounts?: { name: string; mountPath: string; subPath?: string }[]
  livenessProbe?: Probe
  readinessProbe?: Probe
  startupProbe?: Probe
}
export type PodSpec = {
  containers?: Container[]
  initContainers?: Container[]
  imagePullSecrets?: { name: string }[]
  serviceAccountName?: string
  volumes?: { name: string; configMap?: { name: string }; secret?: { secretName: string } }[]
}
export type PodTemplate = { kind: string; name: string; labels: Record<string, string>; spec: PodSpec }

const WORKLOADS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job']

export const podTemplates = (objects: KObject[]): PodTemplate[] =>
  objects
    .filter((o) => WORKLOADS.includes(o.kind))
    .map((o) => {
      const t = (o.spec as { template?: { metadata?: { labels?: Record<string, string> }; spec?: PodSpec } })
        .template
      return { kind: o.kind, name: o.metadata.name, labels: t?.metadata?.labels ?? {}, spec: t?.spec ?? {} }
    })

/** A selector matches when every one of its labels is on the object (an empty selector matches nothing here). */
export const labelsMatch = (selector: Record<string, string> | undefined, labels: Record<string, string>) =>
  selector !== undefined &&
  Object.keys(selector).length > 0 &&
  Object.entries(selector).every(([k, v]) => labels[k] === v)
