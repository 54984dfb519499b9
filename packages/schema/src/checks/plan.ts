import { CHECK_TARGETS, type CheckTarget } from '../check-result.js'
import type { Analytics } from '../config/analytics.js'
import type { Cache } from '../config/cache.js'
import type { DeploymentConfig } from '../config/index.js'
import type { AzureAuth, LogStore, S3AssumeAuth } from '../config/log-store.js'
import type { Registry } from '../config/registry.js'
import type { SemanticCache } from '../config/semantic-cache.js'
import { labelOf, SECTION_TITLES } from '../meta/labels.js'

/**
 * Which connectivity checks a config gets, before anything is dialled: pure, so the wizard and
 * the API read the same answer. The API's catalog (apps/api/src/checks/catalog.ts) holds the
 * checks themselves and the reason each skip gives; a test there keeps the two in step.
 */

/** A top-level section of the config. */
export type ConfigSection = keyof DeploymentConfig

/** The sections each target's check reads when it runs; nothing else of the config matters to it. */
export const CHECK_READS = {
  registry: ['chart', 'registry', 'images'],
  logStore: ['logStore'],
  analytics: ['analytics'],
  otel: ['otel'],
  cache: ['cache'],
  bedrock: ['logStore', 'bedrock'],
  dataService: ['logStore', 'dataService'],
  // No Milvus check runs yet (every option is skipped), so it reads nothing.
  semanticCache: [],
} as const satisfies Record<CheckTarget, readonly ConfigSection[]>

export type CheckPlanItem = {
  target: CheckTarget
  /** The config uses this part: always for the required ones, for the optional ones when turned on. */
  applies: boolean
  /**
   * The API answers "skipped" instead of dialling: the part is not used, or it can be proven only
   * inside the cluster (IRSA, the node role through IMDS, a managed identity, an in-cluster Redis).
   */
  skipped: boolean
  /** The sections the check reads; none when it is skipped. */
  reads: readonly ConfigSection[]
}

/**
 * Whether each option can be proven from outside the cluster. Keyed by the schema's
 * discriminants: a new option fails typecheck here until it is decided.
 */
const FROM_OUTSIDE = {
  registry: { create: true, existing: false } satisfies Record<Registry['mode'], boolean>,
  logStore: {
    mongo: true,
    s3: true,
    wasabi: true,
    gcs: true,
    netapp: true,
    s3_custom: true,
    // The chart's MinIO exists only inside the cluster, after installing.
    minio: false,
    s3_assume: { access_keys: true, irsa: false, imds: false } satisfies Record<
      S3AssumeAuth['method'],
      boolean
    >,
    azure: { key: true, entra: true, managed: false } satisfies Record<AzureAuth['mode'], boolean>,
  } satisfies Record<LogStore['type'], boolean | Record<string, boolean>>,
  analytics: { clickhouse: true, control_plane: false } satisfies Record<Analytics['store'], boolean>,
  cache: { 'aws-elastic-cache': true, custom: true, redis: false } satisfies Record<Cache['store'], boolean>,
  // No Milvus-compatible server runs here to prove a check against (see the catalog's reason).
  milvus: { chart: false, external: false } satisfies Record<
    Extract<SemanticCache, { enabled: true }>['milvus']['source'],
    boolean
  >,
}

const logStoreFromOutside = (ls: LogStore): boolean => {
  if (ls.type === 's3_assume') return FROM_OUTSIDE.logStore.s3_assume[ls.auth.method]
  if (ls.type === 'azure') return FROM_OUTSIDE.logStore.azure[ls.auth.mode]
  return FROM_OUTSIDE.logStore[ls.type]
}

/** The data service uses the log store's identity: S3 keys, or the role the s3_assume keys assume. */
const dataServiceFromOutside = (ls: LogStore): boolean =>
  ls.type === 's3' || (ls.type === 's3_assume' && ls.auth.method === 'access_keys')

type Decision = { applies: boolean; fromOutside: boolean }
const OFF: Decision = { applies: false, fromOutside: false }

const PLAN: { [T in CheckTarget]: (c: DeploymentConfig) => Decision } = {
  registry: (c) => ({ applies: true, fromOutside: FROM_OUTSIDE.registry[c.registry.mode] }),
  logStore: (c) => ({ applies: true, fromOutside: logStoreFromOutside(c.logStore) }),
  // The control plane's analytics are Portkey's own: nothing of the user's to check.
  analytics: (c) =>
    c.analytics.store === 'control_plane'
      ? OFF
      : { applies: true, fromOutside: FROM_OUTSIDE.analytics[c.analytics.store] },
  otel: (c) => (c.otel.enabled ? { applies: true, fromOutside: true } : OFF),
  cache: (c) => ({ applies: true, fromOutside: FROM_OUTSIDE.cache[c.cache.store] }),
  // Without assume-role keys the role comes from IRSA or the node role, inside the cluster.
  bedrock: (c) =>
    c.bedrock.enabled ? { applies: true, fromOutside: !!c.bedrock.assumeRoleCredentials } : OFF,
  dataService: (c) =>
    c.dataService.enabled ? { applies: true, fromOutside: dataServiceFromOutside(c.logStore) } : OFF,
  semanticCache: (c) =>
    c.semanticCache.enabled
      ? { applies: true, fromOutside: FROM_OUTSIDE.milvus[c.semanticCache.milvus.source] }
      : OFF,
}

/** Every check target, in the order the wizard shows them, with what this config makes of it. */
export const checkPlan = (config: DeploymentConfig): CheckPlanItem[] =>
  CHECK_TARGETS.map((target) => {
    const { applies, fromOutside } = PLAN[target](config)
    const skipped = !(applies && fromOutside)
    return { target, applies, skipped, reads: skipped ? [] : CHECK_READS[target] }
  })

/**
 * What each check is about, which names it in the wizard and the CLI: a whole section, or one
 * field of the branch the check needs (values pick the branch).
 */
const CHECK_SUBJECT = {
  registry: { path: ['registry'] },
  logStore: { path: ['logStore'] },
  analytics: { path: ['analytics', 'endpoint'], values: { analytics: { store: 'clickhouse' } } },
  otel: { path: ['otel', 'endpoint'], values: { otel: { enabled: true } } },
  cache: { path: ['cache'] },
  bedrock: { path: ['bedrock'] },
  dataService: { path: ['dataService', 'finetunesBucket'], values: { dataService: { enabled: true } } },
  semanticCache: { path: ['semanticCache', 'milvus'], values: { semanticCache: { enabled: true } } },
} satisfies Record<CheckTarget, { path: readonly string[]; values?: unknown }>

/** The section a check's fields are filled in on (its wizard step, with NESTED_SECTIONS). */
export const checkSection = (target: CheckTarget): ConfigSection =>
  CHECK_SUBJECT[target].path[0] as ConfigSection

/** The name of a check as the wizard shows it: "Log store", "ClickHouse endpoint". */
export const checkLabel = (target: CheckTarget): string => {
  const subject: { path: readonly string[]; values?: unknown } = CHECK_SUBJECT[target]
  const [section] = subject.path
  return subject.path.length === 1
    ? SECTION_TITLES[section as keyof typeof SECTION_TITLES]
    : (labelOf(subject.path, subject.values) ?? target)
}
