import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff'
import { parse, stringify, type ToStringOptions } from 'yaml'
import { mergeValues } from './helm-merge'

/**
 * The chart's default values against the values Helm will actually use (the defaults with the
 * user's values.yaml merged over them), as a unified diff. Both sides are parsed and written back
 * the same way, so the diff holds only real changes, never differences of layout, quoting or
 * comments. Imported dynamically only: it brings the yaml and diff libraries with it.
 */

const READ = { mapAsMap: true } as const

/** Strings double-quoted, as in the bundle's values.yaml; no line folding, so one key stays one line. */
const WRITE: ToStringOptions = { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' }

/** A values file as data: mappings as `Map`s, in file order (what mergeValues takes). */
export const readValues = (text: string): unknown => parse(text, READ)

/** Values written back as YAML, the one way both sides of the diff are written. */
export const writeValues = (values: unknown): string => stringify(values, WRITE)

export type ValuesPatch = { patch: string; changed: boolean }

export const valuesPatch = (
  defaultsText: string,
  valuesText: string,
  labels: { defaults: string; merged: string },
): ValuesPatch => {
  const defaults = readValues(defaultsText)
  const before = writeValues(defaults)
  const after = writeValues(mergeValues(defaults, readValues(valuesText)))
  const patch = createTwoFilesPatch(labels.defaults, labels.merged, before, after, undefined, undefined, {
    context: 3,
    // The --- and +++ lines name both sides; the ==== rule above them adds nothing here.
    headerOptions: FILE_HEADERS_ONLY,
  })
  return { patch, changed: before !== after }
}

/** Two values files compared key by key, both written the same way (comments and layout ignored). */
export const valuesChange = (
  beforeText: string,
  afterText: string,
  labels: { before: string; after: string },
): ValuesPatch => {
  const before = writeValues(readValues(beforeText))
  const after = writeValues(readValues(afterText))
  const patch = createTwoFilesPatch(labels.before, labels.after, before, after, undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  })
  return { patch, changed: before !== after }
}
