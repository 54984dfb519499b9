import JSZip from 'jszip'
import { CHART_VERSIONS } from '../chart/releases.js'
import { type ImportResult, importValues, ValuesParseError } from '../import-values.js'

/**
 * Reads what runs today, in any of the forms a user has at hand: a values.yaml, `helm get values`
 * output (with or without its title line), the export file of scripts/export-values.sh, or a bundle
 * zip from an earlier run. Says where the chart version came from: 'unknown' means the user must
 * confirm it (the wizard asks, the CLI wants --from, the API wants `from`).
 */
export type VersionSource = 'bundle' | 'export' | 'header' | 'helm-list' | 'unknown'

/** What the export file says about the running release. */
export type ReleaseFacts = {
  name?: string
  namespace?: string
  revision?: number
  chartVersion?: string
  appVersion?: string
  objects: string[]
}

export type ImportedDeployment = ImportResult & {
  version: string | undefined
  versionSource: VersionSource
  /** The values as read (the zip's values.yaml, or the text), for the diff against the upgrade. */
  valuesText: string
  release?: ReleaseFacts
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
export const isZip = (bytes: Uint8Array) => ZIP_MAGIC.every((b, i) => bytes[i] === b)

/** `helm list` prints the chart as <name>-<version> in its CHART column. */
export const versionFromHelmList = (text: string): string | undefined => {
  for (const m of text.matchAll(/\bgateway-(\d+\.\d+\.\d+)\b/g))
    if (m[1] && CHART_VERSIONS.includes(m[1])) return m[1]
  return undefined
}

export const EXPORT_MARKER = '# portkey-setup export:'

/** The export file's comment header (scripts/export-values.sh writes it). */
export const readExportHeader = (text: string): ReleaseFacts | undefined => {
  if (!text.startsWith(EXPORT_MARKER)) return undefined
  const field = (k: string) => new RegExp(`^# ${k}:[ \\t]*(.*?)[ \\t]*$`, 'm').exec(text)?.[1] || undefined
  const revision = Number(field('revision'))
  return {
    name: field('release'),
    namespace: field('namespace'),
    ...(Number.isInteger(revision) && revision > 0 ? { revision } : {}),
    chartVersion: field('chart-version'),
    appVersion: field('app-version'),
    objects: (field('objects') ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  }
}

/** `helm get values` starts with this line when run without -o yaml; `--all` with the other. */
const withoutHelmTitle = (text: string) => text.replace(/^\s*(USER-SUPPLIED|COMPUTED) VALUES:[ \t]*\r?\n/, '')

/** The header lines the importer reads, made from the export's facts. */
const asValuesHeader = (r: ReleaseFacts) =>
  [
    r.chartVersion && `# Chart: ${r.chartVersion}`,
    r.name && `# Release: ${r.name}`,
    r.namespace && `# Namespace: ${r.namespace}`,
  ]
    .filter(Boolean)
    .join('\n')

const fromText = (raw: string, helmList: string, fromBundle: boolean): ImportedDeployment => {
  const text = withoutHelmTitle(raw)
  const release = readExportHeader(text)
  const exported = release?.chartVersion && CHART_VERSIONS.includes(release.chartVersion)
  // The export's facts go in as the header the importer already reads (chart, release, namespace).
  const result = importValues(release ? `${asValuesHeader(release)}\n${text}` : text)
  const listed = versionFromHelmList(helmList)
  const header = result.config.chart?.version
  const [version, versionSource]: [string | undefined, VersionSource] = exported
    ? [release.chartVersion, 'export']
    : header
      ? [String(header), fromBundle ? 'bundle' : 'header']
      : listed
        ? [listed, 'helm-list']
        : [undefined, 'unknown']
  // The importer's "no version, newest assumed" warning gives way to the question the caller asks.
  const warnings = version
    ? result.warnings.filter((w) => w.path.join('.') !== 'chart.version')
    : result.warnings
  const config = version ? { ...result.config, chart: { ...result.config.chart, version } } : result.config
  return { config, warnings, version, versionSource, valuesText: text, ...(release ? { release } : {}) }
}

/**
 * Any accepted input -> the config it describes. `helmList` is optional `helm list` output that
 * names the chart version when the input does not. Throws ValuesParseError for input that is
 * neither a readable zip nor a YAML mapping.
 */
export const readDeployment = async (
  input: string | Uint8Array,
  helmList = '',
): Promise<ImportedDeployment> => {
  if (typeof input === 'string') return fromText(input, helmList, false)
  if (!isZip(input)) return fromText(new TextDecoder().decode(input), helmList, false)
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(input)
  } catch {
    throw new ValuesParseError('This zip cannot be opened: download the bundle again and choose that file.')
  }
  const entry = zip.file(/(^|\/)values\.yaml$/)[0]
  if (!entry)
    throw new ValuesParseError(
      'This zip has no values.yaml: choose a bundle portkey-setup made, or its values.yaml.',
    )
  return fromText(await entry.async('string'), helmList, true)
}
