import { CHART_VERSIONS, importValues } from '@portkey-setup/schema'
import JSZip from 'jszip'

/**
 * Reads what the import dialog was given, in the browser: a values.yaml, pasted `helm get values`
 * output, the export file of scripts/export-values.sh, or a bundle zip (its values.yaml). Says where
 * the chart version came from; 'unknown' means the user must confirm it. Loaded on demand only.
 */
export type VersionSource = 'bundle' | 'export' | 'header' | 'helm-list' | 'unknown'

export type ReadImport = ReturnType<typeof importValues> & {
  version: string | undefined
  versionSource: VersionSource
  /** The values as read (the zip's values.yaml, or the text), for the diff against the upgrade. */
  valuesText: string
}

export class ImportReadError extends Error {
  override name = 'ImportReadError'
}

const ZIP_MAGIC = [0x50, 0x4b]

export const isZip = (bytes: Uint8Array) => ZIP_MAGIC.every((b, i) => bytes[i] === b)

/** `helm list` prints the chart as <name>-<version> in its CHART column. */
export const versionFromHelmList = (text: string): string | undefined => {
  for (const m of text.matchAll(/\bgateway-(\d+\.\d+\.\d+)\b/g))
    if (m[1] && CHART_VERSIONS.includes(m[1])) return m[1]
  return undefined
}

/** The export file's comment header names the running release's chart version. */
const exportVersion = (text: string): string | undefined => {
  if (!/^# portkey-setup export: \d+/m.test(text.split('\n', 1)[0] ?? '')) return undefined
  return /^# chart-version:\s*(\S+)\s*$/m.exec(text)?.[1]
}

/** `helm get values` starts with this line when run without -o yaml. */
const withoutHelmTitle = (text: string) => text.replace(/^\s*USER-SUPPLIED VALUES:\s*\n/, '')

const fromText = (raw: string, helmList: string, fromBundle: boolean): ReadImport => {
  const text = withoutHelmTitle(raw)
  const result = importValues(text)
  const exported = exportVersion(text)
  const listed = versionFromHelmList(helmList)
  const header = result.config.chart?.version
  const [version, versionSource]: [string | undefined, VersionSource] =
    exported && CHART_VERSIONS.includes(exported)
      ? [exported, 'export']
      : header
        ? [String(header), fromBundle ? 'bundle' : 'header']
        : listed
          ? [listed, 'helm-list']
          : [undefined, 'unknown']
  // The importer's "no version, newest assumed" warning is replaced by the question the dialog asks.
  const warnings = version
    ? result.warnings.filter((w) => w.path.join('.') !== 'chart.version')
    : result.warnings
  const config = version ? { ...result.config, chart: { ...result.config.chart, version } } : result.config
  return { config, warnings, version, versionSource, valuesText: text }
}

export const readImport = async (input: string | Uint8Array, helmList = ''): Promise<ReadImport> => {
  if (typeof input === 'string') return fromText(input, helmList, false)
  if (!isZip(input)) return fromText(new TextDecoder().decode(input), helmList, false)
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(input)
  } catch {
    throw new ImportReadError('This zip cannot be opened: download the bundle again and choose that file.')
  }
  const entry = zip.file(/(^|\/)values\.yaml$/)[0]
  if (!entry)
    throw new ImportReadError(
      'This zip has no values.yaml: choose a bundle portkey-setup made, or its values.yaml.',
    )
  return fromText(await entry.async('string'), helmList, true)
}
