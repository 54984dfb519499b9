import { parseDocument } from 'yaml'
import { CHART_VERSIONS, LATEST_CHART_VERSION } from './chart/releases.js'
import type { DeploymentConfigInput } from './config/index.js'
import type { DeepPartial } from './guides/types.js'
import { readExposure } from './import/exposure.js'
import { readImages } from './import/images.js'
import { keptFrom } from './import/kept.js'
import { readKubernetes } from './import/kubernetes.js'
import { irsaRoleFrom, readLogStore } from './import/log-store.js'
import { ImportContext, type ImportWarning, isObject, type Loose, own, readEnvData } from './import/reader.js'
import { readHeader, readRegistry, readSecrets } from './import/registry-secrets.js'
import {
  readAnalytics,
  readBedrock,
  readCache,
  readDataService,
  readGateway,
  readOtel,
  readSync,
} from './import/sections.js'
import { readSemanticCache, warnUnusedChartStores } from './import/stores.js'
import { isModelledEnvKey } from './render/owned-values.js'

export type { ImportWarning }
export type ImportResult = { config: DeepPartial<DeploymentConfigInput>; warnings: ImportWarning[] }

/** Thrown for text that is not YAML or not a mapping; the API answers 400 with its message. */
export class ValuesParseError extends Error {
  override name = 'ValuesParseError'
}

export const MAX_VALUES_BYTES = 256 * 1024

/** Our own words for the yaml library's error codes; its messages may quote the file, secrets included. */
const YAML_PROBLEMS: Record<string, string> = {
  DUPLICATE_KEY: 'a key appears twice in the same mapping',
  TAB_AS_INDENT: 'a tab is used for indentation; YAML indents with spaces',
  BAD_INDENT: 'the indentation does not line up',
  MULTIPLE_DOCS: 'the text holds several YAML documents; keep only one',
  MISSING_CHAR: 'a closing quote or bracket is missing',
  BAD_DQ_ESCAPE: 'a double-quoted value has an invalid escape',
  BAD_ALIAS: 'an alias (*name) refers to no anchor',
  MULTILINE_IMPLICIT_KEY: 'a key runs over several lines',
  KEY_OVER_1024_CHARS: 'a key is longer than 1024 characters',
}

const parse = (text: unknown) => {
  if (typeof text !== 'string') throw new ValuesParseError('values.yaml must be sent as text.')
  if (text.length > MAX_VALUES_BYTES || new TextEncoder().encode(text).length > MAX_VALUES_BYTES)
    throw new ValuesParseError(
      'values.yaml is larger than 256 KiB: upload only the values file of the gateway chart.',
    )
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true })
  const err = doc.errors[0]
  if (err) {
    const before = text.slice(0, err.pos[0])
    const line = before.split('\n').length
    const column = err.pos[0] - before.lastIndexOf('\n')
    const what = YAML_PROBLEMS[err.code] ?? 'the text cannot be read as YAML'
    throw new ValuesParseError(`values.yaml is not valid YAML at line ${line}, column ${column}: ${what}.`)
  }
  let root: unknown
  try {
    root = doc.toJS({ maxAliasCount: 1000 })
  } catch {
    throw new ValuesParseError('values.yaml expands its aliases too many times to be read safely.')
  }
  if (root === null || root === undefined)
    throw new ValuesParseError('values.yaml is empty: upload the values file you want to import.')
  if (!isObject(root) || root instanceof Map || root instanceof Set)
    throw new ValuesParseError(
      'values.yaml must be a mapping of settings (key: value) at the top level, not a list or a single value.',
    )
  return { doc, root }
}

/** Modelled env keys that no reader took: settings of another choice. Other keys are kept as written. */
const leftovers = (ctx: ImportContext) => {
  for (const [key, value] of ctx.env) {
    if (ctx.consumed.has(key) || value.trim() === '' || !isModelledEnvKey(key)) continue
    ctx.warn(
      ['environment', 'data', key],
      `${key} is set but the chosen options do not use it; it is not carried over.`,
    )
  }
}

const otherSettings = (ctx: ImportContext, logStore: Loose | undefined) => {
  const root = ctx.root
  const irsa = own(logStore?.auth, 'method') === 'irsa'
  if (!irsa && ctx.mode !== 'awsSecretsManager' && irsaRoleFrom(ctx) !== undefined)
    ctx.warn(
      ['logStore'],
      'The service account has an IRSA role annotation, but the log store does not use IRSA; it is not carried over.',
    )
  const env = own(root, 'environment')
  if (own(env, 'secret') === false)
    ctx.warn(
      ['secrets'],
      'environment.secret is false (a ConfigMap); portkey-setup keeps settings in a Secret.',
    )
}

/** Drops undefined fields so the result is a clean partial config. */
const prune = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(prune)
  if (!isObject(v)) return v
  const out: Loose = {}
  for (const [k, x] of Object.entries(v))
    if (x !== undefined)
      Object.defineProperty(out, k, { value: prune(x), enumerable: true, writable: true, configurable: true })
  return out
}

/**
 * Reads a values.yaml of either chart layout (the chart's defaults, one portkey-setup wrote, or a
 * hand-edited one) back into a partial config. Anything it cannot carry over becomes a warning with
 * the config path it concerns; only text that is not a YAML mapping throws.
 */
export const importValues = (yamlText: string): ImportResult => {
  const { doc, root } = parse(yamlText)
  const warnings: ImportWarning[] = []
  const env = readEnvData(doc, (path, message) => warnings.push({ path, message }))
  const ctx = new ImportContext(root, env)
  ctx.warnings.push(...warnings)

  const config: Loose = {}
  const chart = readHeader(yamlText)
  if (chart) config.chart = chart
  if (!chart?.version)
    ctx.warn(
      ['chart', 'version'],
      `values.yaml does not say which chart version it is for; the newest, ${LATEST_CHART_VERSION}, is assumed: change it if you install another.`,
    )
  else if (!CHART_VERSIONS.includes(String(chart.version))) {
    ctx.warn(
      ['chart', 'version'],
      `values.yaml names chart ${String(chart.version)}, which is not a released version; the newest, ${LATEST_CHART_VERSION}, is assumed: pick the release you run.`,
    )
    delete chart.version
  }
  config.secrets = readSecrets(ctx, chart?.releaseName)
  config.registry = readRegistry(ctx)
  config.gateway = readGateway(ctx)
  const logStore = readLogStore(ctx)
  config.logStore = logStore
  // One service account, one role: with the log store on IRSA, its role reads the secret too.
  const secrets = config.secrets as Loose
  if (secrets.mode === 'awsSecretsManager' && own(logStore?.auth, 'method') === 'irsa') {
    if (secrets.roleArn === own(logStore?.auth, 'roleArn')) delete secrets.roleArn
  }
  config.analytics = readAnalytics(ctx)
  config.otel = readOtel(ctx)
  config.cache = readCache(ctx)
  const semanticCache = readSemanticCache(ctx)
  config.semanticCache = semanticCache
  config.sync = readSync(ctx)
  config.bedrock = readBedrock(ctx)
  config.dataService = readDataService(ctx)
  config.exposure = readExposure(ctx)
  config.images = readImages(ctx, String(chart?.version ?? LATEST_CHART_VERSION), config.registry)
  config.kubernetes = readKubernetes(ctx)
  leftovers(ctx)
  otherSettings(ctx, logStore)
  warnUnusedChartStores(ctx, logStore, semanticCache)
  const kept = keptFrom(root, String(chart?.version ?? LATEST_CHART_VERSION), env, ctx.consumed)
  if (kept) config.keptValues = kept
  return { config: prune(config) as DeepPartial<DeploymentConfigInput>, warnings: ctx.warnings }
}
