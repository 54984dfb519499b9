import { z } from 'zod'
import { lacksMessage, supports } from '../chart/capabilities.js'
import { envKeysOf } from '../meta/env-keys.js'
import { AnalyticsSchema } from './analytics.js'
import { BedrockSchema } from './bedrock.js'
import { CacheSchema } from './cache.js'
import { ChartSchema, DEFAULT_CHART_VERSION, GatewaySchema } from './chart.js'
import { DataServiceSchema } from './data-service.js'
import { DEFAULT_MCP_PATH, ExposureSchema } from './exposure.js'
import { identityRules } from './identity.js'
import { ImagesSchema, imageRegistry, registryServerHost } from './images.js'
import { KeptValuesSchema } from './kept.js'
import { KubernetesSchema } from './kubernetes.js'
import { kubernetesRules, kubernetesWarnings, type RuntimeContext } from './kubernetes-rules.js'
import { LogStoreSchema } from './log-store.js'
import { OtelSchema } from './otel.js'
import { RegistrySchema } from './registry.js'
import { SecretsSchema } from './secrets.js'
import { SemanticCacheSchema } from './semantic-cache.js'
import { redisTlsRules, storeRules } from './store-rules.js'
import { SyncSchema } from './sync.js'

export * from './analytics.js'
export * from './bedrock.js'
export * from './cache.js'
export * from './chart.js'
export * from './data-service.js'
export * from './exposure.js'
export * from './identity.js'
export * from './images.js'
export * from './kept.js'
export * from './kubernetes.js'
export * from './log-store.js'
export * from './otel.js'
export * from './registry.js'
export * from './secrets.js'
export * from './semantic-cache.js'
export * from './sync.js'

/** The wizard's sections, in order; each is a top-level key of the config. */
export const SECTION_IDS = [
  'chart',
  'registry',
  'logStore',
  'analytics',
  'cache',
  'sync',
  'bedrock',
  'dataService',
  'kubernetes',
  'exposure',
  'secrets',
] as const
export type SectionId = (typeof SECTION_IDS)[number]

/** Sections that carry no form step of their own (shown inside another step). */
export const NESTED_SECTIONS = {
  gateway: 'chart',
  otel: 'analytics',
  semanticCache: 'cache',
  images: 'registry',
} as const

/** The log stores the data service can work with (it needs Amazon S3). */
export const FINETUNE_LOG_STORES: readonly string[] = ['s3', 's3_assume']

export const DeploymentConfigObject = z.strictObject({
  schemaVersion: z
    .literal(1, { error: 'schemaVersion must be 1: this portkey-setup reads config version 1.' })
    .default(1)
    .describe('Version of this config format.'),
  chart: ChartSchema.default({
    version: DEFAULT_CHART_VERSION,
    releaseName: 'portkey-ai',
    namespace: 'portkeyai',
  }),
  registry: RegistrySchema,
  images: ImagesSchema,
  gateway: GatewaySchema.default({ serviceName: 'portkeyenterprise' }),
  logStore: LogStoreSchema,
  analytics: AnalyticsSchema.default({ store: 'control_plane' }),
  otel: OtelSchema,
  cache: CacheSchema.default({ store: 'redis', url: 'redis://redis:6379', tls: false, mode: 'standalone' }),
  semanticCache: SemanticCacheSchema,
  sync: SyncSchema,
  bedrock: BedrockSchema,
  dataService: DataServiceSchema,
  kubernetes: KubernetesSchema,
  exposure: ExposureSchema,
  secrets: SecretsSchema,
  keptValues: KeptValuesSchema,
})

type Parsed = z.output<typeof DeploymentConfigObject>

type Issue = (path: (string | number)[], message: string) => void

/** The Ingress: what the chosen chart can route, and paths and hosts that would collide. */
const exposureRules = (c: Parsed, issue: Issue) => {
  const ing = c.exposure.ingress
  if (!ing.enabled) return
  const v = c.chart.version
  const at = (k: string) => ['exposure', 'ingress', k]
  if (ing.path !== '/' && !supports(v, 'ingressPath'))
    issue(at('path'), lacksMessage(v, 'ingressPath', 'route / (the whole host)'))
  const mcp = !supports(v, 'ingressMcpRouting')
  if (mcp && ing.routing !== 'path')
    issue(at('routing'), lacksMessage(v, 'ingressMcpRouting', 'route by path'))
  if (mcp && ing.mcpPath !== DEFAULT_MCP_PATH)
    issue(at('mcpPath'), lacksMessage(v, 'ingressMcpRouting', `reset the MCP path to ${DEFAULT_MCP_PATH}`))
  if (mcp && ing.mcpHost)
    issue(at('mcpHost'), lacksMessage(v, 'ingressMcpRouting', 'leave the MCP host name empty'))
  if (ing.routing === 'host' && ing.path !== '/')
    issue(
      at('path'),
      'Routing by host gives the gateway the whole host: set the gateway path to /, or route by path.',
    )
  if (ing.routing === 'path' && ing.mcpPath === ing.path)
    issue(at('mcpPath'), 'The MCP path must differ from the gateway path: e.g. /mcp beside /.')
  if (ing.routing === 'host' && ing.mcpHost === ing.host)
    issue(at('mcpHost'), 'The MCP host name must differ from the gateway host name: e.g. mcp.<host>.')
}

/** Images the chosen chart cannot be told to pull. */
const imageRules = (c: Parsed, issue: Issue) => {
  const v = c.chart.version
  if (c.cache.store !== 'redis' || supports(v, 'redisImage')) return
  const r = c.images.redis
  for (const k of ['repository', 'tag'] as const)
    if (r[k])
      issue(['images', 'redis', k], lacksMessage(v, 'redisImage', 'leave it empty, or use a custom Redis'))
  if (r.pullPolicy !== 'IfNotPresent')
    issue(
      ['images', 'redis', 'pullPolicy'],
      lacksMessage(v, 'redisImage', 'keep IfNotPresent, or use a custom Redis'),
    )
}

let fieldEnvKeys: RuntimeContext['envKeys'] | undefined
const envKeys = () => {
  if (!fieldEnvKeys) fieldEnvKeys = envKeysOf(DeploymentConfigObject)
  return fieldEnvKeys
}
const runtimeContext = (c: Parsed): RuntimeContext => ({
  envKeys: envKeys(),
  version: c.chart.version,
  secretsMode: c.secrets.mode,
  irsa: c.logStore.type === 's3_assume' && c.logStore.auth.method === 'irsa',
  dataService: c.dataService.enabled,
})

/** Rules that span sections; each issue points at the field to change. */
const crossFieldRules = (c: Parsed, ctx: z.RefinementCtx) => {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message })

  redisTlsRules(c, issue)
  if (c.cache.store === 'redis' && c.cache.mode === 'cluster')
    issue(
      ['cache', 'mode'],
      'The Redis the chart deploys is a single node: choose standalone, or a custom/aws-elastic-cache store for cluster mode.',
    )
  if (
    c.cache.store === 'redis' &&
    c.cache.url !== 'redis://redis:6379' &&
    !/^redis:\/\/([^@]*@)?redis(:6379)?\/?$/.test(c.cache.url)
  )
    issue(
      ['cache', 'url'],
      'With the in-cluster redis store the URL must point at the deployed service (redis://redis:6379): reset it or choose custom.',
    )

  if (c.dataService.enabled && !FINETUNE_LOG_STORES.includes(c.logStore.type))
    issue(
      ['dataService', 'enabled'],
      `The data service supports only Amazon S3 log stores (s3 or s3_assume), not ${c.logStore.type}: change the log store or turn the data service off.`,
    )

  // Options the chosen chart version lacks, or renders wrongly: refused where the choice is made.
  const v = c.chart.version
  if (c.secrets.mode === 'existingSecret' && !supports(v, 'existingSecret'))
    issue(['secrets', 'mode'], lacksMessage(v, 'existingSecret', 'keep secrets inline or in Vault'))
  if (c.secrets.mode === 'awsSecretsManager' && !supports(v, 'secretsStoreCsi'))
    issue(['secrets', 'mode'], lacksMessage(v, 'secretsStoreCsi', 'keep secrets inline or in Vault'))
  identityRules(c, issue)
  if (c.logStore.type === 's3_assume' && c.logStore.auth.method === 'irsa' && !supports(v, 'irsaAnnotations'))
    issue(
      ['logStore', 'auth', 'method'],
      lacksMessage(v, 'irsaAnnotations', 'use access keys or the instance role'),
    )
  if (c.dataService.enabled && !supports(v, 'dataService'))
    issue(['dataService', 'enabled'], lacksMessage(v, 'dataService', 'turn the data service off'))
  if (c.dataService.enabled && c.secrets.mode === 'vault' && !supports(v, 'vaultWithDataService'))
    issue(['secrets', 'mode'], lacksMessage(v, 'vaultWithDataService', 'keep secrets inline'))
  storeRules(c, issue)

  exposureRules(c, issue)
  imageRules(c, issue)

  kubernetesRules(c.kubernetes, runtimeContext(c), issue)

  if (c.bedrock.enabled) {
    const b = c.bedrock
    if (b.role === 'separate' && !b.separateRoleArn)
      issue(
        ['bedrock', 'separateRoleArn'],
        'A separate Bedrock role needs its ARN: enter it, or attach the policy to the principal role.',
      )
    if (
      b.assumeRoleCredentials &&
      c.logStore.type === 's3_assume' &&
      c.logStore.auth.method === 'access_keys' &&
      c.logStore.auth.roleArn !== b.principalRoleArn
    )
      issue(
        ['bedrock', 'principalRoleArn'],
        'With long-term keys the chart has one LOG_STORE_AWS_ROLE_ARN, so the principal role must be the log store role: use the same ARN as the log store.',
      )
  }
}

export const DeploymentConfigSchema = DeploymentConfigObject.superRefine(crossFieldRules).describe(
  'A Portkey gateway deployment: chart, registry, log store, analytics, cache, sync and optional services.',
)

export type DeploymentConfig = z.output<typeof DeploymentConfigSchema>
export type DeploymentConfigInput = z.input<typeof DeploymentConfigSchema>

export type ConfigWarning = { path: (string | number)[]; message: string }

/** Things a valid config may still want to reconsider; never blocks a bundle. */
export const configWarnings = (c: DeploymentConfig): ConfigWarning[] => {
  const w: ConfigWarning[] = []
  if (c.secrets.mode === 'inline')
    w.push({
      path: ['secrets', 'mode'],
      message: 'Secrets are written into values.yaml: keep the bundle out of version control.',
    })
  if (c.secrets.mode === 'vault' && c.secrets.host !== 'vault.hashicorp.com')
    w.push({
      path: ['secrets', 'host'],
      message:
        'The chart writes this host as the prefix of the Vault agent annotations; the Vault injector reads vault.hashicorp.com/... unless you configured it otherwise.',
    })
  if (c.logStore.type === 's3_assume' && c.logStore.auth.method === 'imds' && c.logStore.auth.imdsV1)
    w.push({
      path: ['logStore', 'auth', 'imdsV1'],
      message: 'IMDSv1 is weaker than IMDSv2: prefer IMDSv2 on the nodes when you can.',
    })
  if (c.logStore.type === 's3_assume' && c.logStore.auth.method === 'irsa' && !c.logStore.auth.clusterName)
    w.push({
      path: ['logStore', 'auth', 'clusterName'],
      message: 'Without the EKS cluster name the IRSA commands keep a placeholder you must fill in.',
    })
  if (
    c.logStore.type === 'mongo' &&
    c.logStore.tlsCa &&
    !/[?&](tls|ssl)=true/i.test(c.logStore.connectionUrl)
  )
    w.push({
      path: ['logStore', 'connectionUrl'],
      message: 'A CA certificate is set but the URL does not say tls=true: add it so the CA is used.',
    })
  if (
    c.bedrock.enabled &&
    c.logStore.type === 's3_assume' &&
    c.logStore.auth.method === 'irsa' &&
    c.bedrock.principalRoleArn !== c.logStore.auth.roleArn
  )
    w.push({
      path: ['bedrock', 'principalRoleArn'],
      message: 'With IRSA the principal role is normally the IRSA role of the log store.',
    })
  if (c.bedrock.enabled && c.bedrock.role === 'principal' && c.bedrock.separateRoleArn)
    w.push({
      path: ['bedrock', 'separateRoleArn'],
      message: 'A separate role ARN is set but the principal role is used: it is ignored.',
    })
  const mirror = imageRegistry(c)
  if (
    c.images.registry &&
    c.registry.mode === 'create' &&
    registryServerHost(c.registry.server)?.split('/')[0] !== c.images.registry.split('/')[0]
  )
    w.push({
      path: ['images', 'registry'],
      message: `The pull secret is made for ${c.registry.server} but the images come from ${c.images.registry}: set the registry server to ${c.images.registry.split('/')[0]} so the cluster logs in there.`,
    })
  if (mirror && c.cache.store === 'redis' && !supports(c.chart.version, 'redisImage'))
    w.push({
      path: ['images', 'registry'],
      message: `Chart ${c.chart.version} pulls redis:alpine from Docker Hub itself, not from ${mirror}: mirror it there too, use a custom Redis, or choose chart 1.1.3 or later.`,
    })
  kubernetesWarnings(c.kubernetes, runtimeContext(c), (path, message) => w.push({ path, message }))
  return w
}
