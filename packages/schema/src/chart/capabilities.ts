import { atLeast, CHART_RELEASES, CHART_VERSIONS, compareVersions } from './releases.js'

/**
 * What a chart version can do, as far as the bundle depends on it. Each entry was found by rendering
 * every released chart through `helm template` and installing it on a real API server (the deploy
 * matrix in deploy/ proves every row, and fails when a row is wrong).
 */
export type Capability = {
  /** First release that has it. */
  since?: string
  /** Releases in range whose templates fail for it. */
  broken?: readonly string[]
  /** Says what it is, in a sentence such as "<title> needs chart 1.3.1 or later". */
  title: string
  /** How the bundle copes where it is missing; without one, options that need it are refused. */
  workaround?: string
}

export const CHART_CAPABILITIES = {
  irsaAnnotations: {
    since: '1.0.6',
    title: 'IRSA (the chart reads serviceAccount.annotations from this release on)',
  },
  dataService: {
    broken: ['1.0.5'],
    title: 'The data service',
  },
  vaultSecretName: {
    since: '1.1.0',
    title: 'Naming the Secret Vault fills (vaultConfig.kubernetesSecret)',
    workaround: 'the Secret is named after the chart, gateway',
  },
  vaultWithDataService: {
    since: '1.1.1',
    title: 'Vault injection together with the data service',
  },
  existingSecret: {
    since: '1.3.1',
    title: 'An existing Secret (environment.existingSecret with secretKeys)',
  },
  /** existingSecret + secretKeys (1.3.1) read the synced Secret; IRSA needs serviceAccount.annotations (1.0.6). */
  secretsStoreCsi: {
    since: '1.3.1',
    title:
      'AWS Secrets Manager through the Secrets Store CSI driver (environment.existingSecret with secretKeys, a CSI volume and the IRSA annotation)',
  },
  /** The client-id annotation needs serviceAccount.annotations; the pod label (podLabels) is older. */
  workloadIdentity: {
    since: '1.0.6',
    title: 'AKS workload identity (the service account annotation and the pod label)',
  },
  redisServiceType: {
    since: '1.4.0',
    title: 'A ClusterIP service for the in-cluster Redis',
    workaround: 'the bundle adds a NetworkPolicy that admits only the gateway and data service pods',
  },
  /** Pods get the names in imagePullSecrets; before, only those in imageCredentials. */
  pullSecretNames: {
    since: '1.7.0',
    title: 'The imagePullSecrets list',
    workaround: 'pull secrets are listed in imageCredentials with create: false',
  },
  /** TLS to Redis: the 1.0.7 README allowed it only with ElastiCache; from 1.1.0 that note is gone. */
  redisTlsAnyStore: {
    since: '1.1.0',
    title: 'TLS to a Redis other than Amazon ElastiCache',
  },
  /** The chart's own MinIO (templates/minio) reaches the log store as LOG_STORE=s3_custom from 1.5.0. */
  s3Custom: {
    since: '1.5.0',
    title: 'The s3_custom log store (any S3-compatible store at a base path)',
  },
  minio: {
    since: '1.5.0',
    title: 'The MinIO the chart deploys (minio.enabled)',
  },
  milvus: {
    since: '1.5.0',
    title: 'The Milvus vector store for the semantic cache',
  },
  /** Only the docs of chart 1.7.7 describe OTEL_EXPORTER_OTLP_HEADERS and OTEL_EXPORTER_OTLP_PROTOCOL. */
  otelExporterOptions: {
    since: '1.7.7',
    title: 'OTLP exporter headers and protocol',
  },
  /** Before, the Redis Deployment pulls redis:alpine from Docker Hub whatever the values say. */
  redisImage: {
    since: '1.1.3',
    title: 'Choosing the in-cluster Redis image (images.redisImage)',
  },
  /** 1.0.3–1.0.4 read ingress.hosts[].paths; 1.0.5–1.2.0 route / only; 1.3.0 reads ingress.gatewayPath. */
  ingressPath: {
    broken: [
      '1.0.5',
      '1.0.6',
      '1.0.7',
      '1.1.0',
      '1.1.1',
      '1.1.2',
      '1.1.3',
      '1.1.4',
      '1.1.5',
      '1.1.6',
      '1.1.7',
      '1.2.0',
    ],
    title: 'An Ingress path other than /',
  },
  /** Before, the Ingress is described as a list (ingress.hosts, ingress.className). */
  ingressHostname: {
    since: '1.0.5',
    title: 'The Ingress as one host name (ingress.hostname, ingressClassName)',
    workaround: 'the bundle writes the older ingress.hosts list',
  },
  ingressMcpRouting: {
    since: '1.3.0',
    title: 'MCP routing on the Ingress (ingress.hostBased, mcpPath, mcpHostname)',
  },
  topologySpread: {
    since: '1.1.6',
    title: 'Topology spread constraints (topologySpreadConstraints)',
  },
  rolloutStrategy: {
    since: '1.6.2',
    title: 'A rollout strategy (strategy)',
  },
  terminationGrace: {
    since: '1.6.2',
    title: 'A termination grace period (terminationGracePeriodSeconds)',
  },
  serviceAccountAnnotations: {
    since: '1.0.6',
    title: 'Service account annotations (serviceAccount.annotations)',
  },
  dataServiceExtraEnv: {
    since: '1.1.0',
    title: 'Extra environment variables for the data service (dataservice.deployment.extraEnv)',
  },
} as const satisfies Record<string, Capability>

export type CapabilityId = keyof typeof CHART_CAPABILITIES

export const supports = (version: string, id: CapabilityId): boolean => {
  const c: Capability = CHART_CAPABILITIES[id]
  return (!c.since || atLeast(version, c.since)) && !(c.broken ?? []).includes(version)
}

/** Released versions that have it, as short ranges: "1.0.3–1.0.4, 1.0.6 or later". */
export const versionsWith = (id: CapabilityId): string => {
  const ok = [...CHART_VERSIONS].sort(compareVersions).map((v) => [v, supports(v, id)] as const)
  const runs: string[][] = []
  let current: string[] | undefined
  for (const [v, yes] of ok) {
    if (yes) {
      if (!current) {
        current = []
        runs.push(current)
      }
      current.push(v)
    } else current = undefined
  }
  const newest = ok[ok.length - 1]?.[0]
  return runs
    .map((r) => {
      const first = r[0] ?? ''
      const last = r[r.length - 1] ?? ''
      if (last === newest) return `${first} or later`
      return first === last ? first : `${first}\u2013${last}`
    })
    .join(', ')
}

/** The message for a config that needs a capability the chosen version lacks. */
export const lacksMessage = (version: string, id: CapabilityId, fix: string): string =>
  `${CHART_CAPABILITIES[id].title} needs chart ${versionsWith(id)}, and chart ${version} is selected: choose one of those versions${fix ? ` or ${fix}` : ''}.`

/** What a release lacks compared with the newest, in the capabilities' own words (for the picker). */
export const lacks = (version: string): string[] =>
  (Object.keys(CHART_CAPABILITIES) as CapabilityId[])
    .filter((id) => !supports(version, id))
    .map((id) => {
      const c: Capability = CHART_CAPABILITIES[id]
      return c.workaround ? `${c.title}: ${c.workaround}` : `${c.title}: not available`
    })

/** Every release, newest first, with what it lacks: what the API and the CLI list. */
export const releaseSummaries = () => CHART_RELEASES.map((r) => ({ ...r, lacks: lacks(r.version) }))
