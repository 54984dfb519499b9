import type {
  Analytics,
  AzureAuth,
  Bedrock,
  Cache,
  ConfigSection,
  DataService,
  DeploymentConfig,
  LogStore,
  Otel,
  Registry,
  S3AssumeAuth,
  SemanticCache,
} from '@portkey-setup/schema'
import { azureBlobCheck } from './azure-blob.js'
import { bedrockCheck } from './bedrock.js'
import { clickhouseCheck } from './clickhouse.js'
import { dataServiceCheck } from './data-service.js'
import { registryCheck } from './image-registry.js'
import { mongoCheck } from './mongo.js'
import { otelCheck } from './otel.js'
import { redisCheck } from './redis.js'
import { type RunOptions, runCheck, skippedResult } from './runner/run.js'
import {
  CHECK_TARGETS,
  type CheckDefinition,
  type CheckResult,
  type CheckTarget,
  type SkippedOption,
} from './runner/types.js'
import { s3AssumeKeysCheck, s3KeysCheck } from './s3.js'
import { s3CustomCheck } from './s3-custom.js'

/** A check as the catalog lists it: with the config sections it reads. */
export type CataloguedCheck<C> = CheckDefinition<C> & { reads: readonly ConfigSection[] }

const reading = <C>(check: CheckDefinition<C>, reads: readonly ConfigSection[]): CataloguedCheck<C> => ({
  ...check,
  reads,
})

/**
 * Every option of the config, mapped to its check (with the sections it reads) or to the reason
 * it cannot be checked from here. The keys are mapped types over the schema's discriminants: a
 * new option in the schema without an entry here fails typecheck. checkPlan in the schema
 * package says the same for the wizard; catalog-plan.test.ts keeps the two in step.
 */
type Leaf<C> = CataloguedCheck<C> | SkippedOption
type With<K extends keyof DeploymentConfig, V> = DeploymentConfig & { [P in K]: V }
type LS<T extends LogStore['type']> = Extract<LogStore, { type: T }>
type Flag<T extends { enabled: boolean }> = `${T['enabled']}`

export type CheckCatalog = {
  registry: { [M in Registry['mode']]: Leaf<With<'registry', Extract<Registry, { mode: M }>>> }
  logStore: { [T in Exclude<LogStore['type'], 's3_assume' | 'azure'>]: Leaf<With<'logStore', LS<T>>> } & {
    s3_assume: {
      [M in S3AssumeAuth['method']]: Leaf<
        With<'logStore', LS<'s3_assume'> & { auth: Extract<S3AssumeAuth, { method: M }> }>
      >
    }
    azure: {
      [M in AzureAuth['mode']]: Leaf<
        With<'logStore', LS<'azure'> & { auth: Extract<AzureAuth, { mode: M }> }>
      >
    }
  }
  analytics: { [S in Analytics['store']]: Leaf<With<'analytics', Extract<Analytics, { store: S }>>> }
  otel: { [E in Flag<Otel>]: Leaf<With<'otel', Extract<Otel, { enabled: E extends 'true' ? true : false }>>> }
  cache: { [S in Cache['store']]: Leaf<DeploymentConfig> }
  bedrock: {
    [E in Flag<Bedrock>]: Leaf<
      With<'bedrock', Extract<Bedrock, { enabled: E extends 'true' ? true : false }>>
    >
  }
  dataService: {
    [E in Flag<DataService>]: Leaf<
      With<'dataService', Extract<DataService, { enabled: E extends 'true' ? true : false }>>
    >
  }
  semanticCache: {
    [S in Extract<SemanticCache, { enabled: true }>['milvus']['source']]: Leaf<DeploymentConfig>
  } & { off: Leaf<DeploymentConfig> }
}

const IRSA =
  'IRSA hands credentials only to pods of the EKS cluster (their service account token is exchanged with STS), so nothing outside the cluster can prove it. After installing: in a pod running as the gateway service account, `aws sts get-caller-identity` must show the role, and `aws s3 cp` of a small file to the bucket must work.'
const IMDS =
  'The node role comes from the EC2 instance metadata service, which only the cluster nodes can reach (this API never calls a metadata service). After installing: from a gateway pod, `aws sts get-caller-identity` must show the node role, and `aws s3 cp` of a small file to the bucket must work.'
const MANAGED =
  'Managed identity tokens exist only inside the cluster: the Azure instance metadata service of the nodes hands them out, or, with AKS workload identity, Entra exchanges the pod\u2019s service account token for one; this API does neither. After installing: from a gateway pod, `az login --identity` (with workload identity: `az login --federated-token "$(cat $AZURE_FEDERATED_TOKEN_FILE)" --service-principal -u $AZURE_CLIENT_ID -t $AZURE_TENANT_ID`) and `az storage blob upload --auth-mode login` to the container must work.'

export const CATALOG: CheckCatalog = {
  registry: {
    create: reading(registryCheck, ['chart', 'registry', 'images']),
    existing: {
      kind: 'existing-secret',
      skipped:
        'The pull secret lives in the cluster and this API cannot read it. After installing, pods stuck in ImagePullBackOff mean the secret is wrong (`kubectl describe pod` shows why).',
    },
  },
  logStore: {
    mongo: reading(mongoCheck, ['logStore']),
    s3: reading(s3KeysCheck, ['logStore']),
    wasabi: reading(s3KeysCheck, ['logStore']),
    gcs: reading(s3KeysCheck, ['logStore']),
    netapp: reading(s3KeysCheck, ['logStore']),
    s3_custom: reading(s3CustomCheck, ['logStore']),
    minio: {
      kind: 'minio-in-cluster',
      skipped:
        'The chart runs this MinIO inside the cluster (http://minio:9000); it exists only after installing, and this API reaches nothing inside the cluster. After installing, `kubectl get statefulset minio` must show it ready, with the bucket created by its minio-client container.',
    },
    s3_assume: {
      access_keys: reading(s3AssumeKeysCheck, ['logStore']),
      irsa: { kind: 's3_assume', skipped: IRSA },
      imds: { kind: 's3_assume', skipped: IMDS },
    },
    azure: {
      key: reading(azureBlobCheck, ['logStore']),
      entra: reading(azureBlobCheck, ['logStore']),
      managed: { kind: 'azure-managed', skipped: MANAGED },
    },
  },
  analytics: {
    clickhouse: reading(clickhouseCheck, ['analytics']),
    control_plane: {
      kind: 'control_plane',
      skipped: 'Analytics go to the Portkey control plane; there is nothing of yours to check.',
    },
  },
  otel: {
    true: reading(otelCheck, ['otel']),
    false: { kind: 'disabled', skipped: 'OpenTelemetry push is off.' },
  },
  cache: {
    'aws-elastic-cache': reading(redisCheck, ['cache']),
    custom: reading(redisCheck, ['cache']),
    redis: {
      kind: 'redis-in-cluster',
      skipped:
        'The chart deploys this Redis inside the cluster (redis://redis:6379); it exists only after installing. `kubectl get pods` shows it running.',
    },
  },
  bedrock: {
    true: reading(bedrockCheck, ['logStore', 'bedrock']),
    false: { kind: 'disabled', skipped: 'Bedrock access through an assumed role is not enabled.' },
  },
  dataService: {
    true: reading(dataServiceCheck, ['logStore', 'dataService']),
    false: { kind: 'disabled', skipped: 'The data service is not enabled.' },
  },
  semanticCache: {
    chart: {
      kind: 'milvus-in-cluster',
      skipped:
        'The chart runs this Milvus inside the cluster (http://milvus:19530); it exists only after installing. After installing, the collection steps of the guide must answer without an error.',
    },
    external: {
      kind: 'milvus',
      skipped:
        'No Milvus check yet: this project has no Milvus-compatible server to prove one against (milvus-lite speaks only gRPC, without the REST API or sign-in the gateway uses). Describe the collection with the curl command of the guide to confirm the address and credentials.',
    },
    off: { kind: 'disabled', skipped: 'The semantic cache is off.' },
  },
}

type AnyLeaf = Leaf<DeploymentConfig>

/** The check (or skip reason) for the option this config chose, per target. */
const SELECT: { [T in CheckTarget]: (c: DeploymentConfig) => unknown } = {
  registry: (c) => CATALOG.registry[c.registry.mode],
  logStore: (c) => {
    const ls = c.logStore
    if (ls.type === 's3_assume') return CATALOG.logStore.s3_assume[ls.auth.method]
    if (ls.type === 'azure') return CATALOG.logStore.azure[ls.auth.mode]
    return CATALOG.logStore[ls.type]
  },
  analytics: (c) => CATALOG.analytics[c.analytics.store],
  otel: (c) => CATALOG.otel[`${c.otel.enabled}`],
  cache: (c) => CATALOG.cache[c.cache.store],
  bedrock: (c) => CATALOG.bedrock[`${c.bedrock.enabled}`],
  dataService: (c) => CATALOG.dataService[`${c.dataService.enabled}`],
  semanticCache: (c) =>
    c.semanticCache.enabled
      ? CATALOG.semanticCache[c.semanticCache.milvus.source]
      : CATALOG.semanticCache.off,
}

// The selector matched the discriminant, so the leaf's narrower config type holds for this config.
export const selectCheck = (config: DeploymentConfig, target: CheckTarget): AnyLeaf =>
  SELECT[target](config) as AnyLeaf

const isSkipped = (l: AnyLeaf): l is SkippedOption => 'skipped' in l

/** Runs one target of a config; never throws. */
export const checkTarget = (
  config: DeploymentConfig,
  target: CheckTarget,
  opts: RunOptions,
): Promise<CheckResult> => {
  const leaf = selectCheck(config, target)
  if (isSkipped(leaf)) return Promise.resolve(skippedResult(target, leaf.kind ?? target, leaf.skipped))
  return runCheck(leaf, config, opts)
}

/**
 * Runs the requested targets in parallel; each result is reported as soon as it is ready, and
 * all results come back in the order of the targets.
 */
export const runChecks = async (
  config: DeploymentConfig,
  targets: readonly CheckTarget[] = CHECK_TARGETS,
  opts: RunOptions,
  onResult?: (r: CheckResult) => void,
): Promise<CheckResult[]> => {
  const unique = CHECK_TARGETS.filter((t) => targets.includes(t))
  return Promise.all(
    unique.map(async (t) => {
      const r = await checkTarget(config, t, opts)
      onResult?.(r)
      return r
    }),
  )
}
