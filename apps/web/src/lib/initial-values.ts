import { type DeploymentConfigInput, DeploymentConfigObject } from '@portkey-setup/schema'
import type { DefaultValues } from 'react-hook-form'
import { initialValueOf } from './schema-path'

export type FormValues = DeploymentConfigInput

/** Keys that pick a union branch: values from different branches are never mixed. */
const DISCRIMINATORS = ['type', 'mode', 'store', 'enabled', 'method']

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** What a fresh wizard starts from: the chart's defaults, and no log store until the user picks one. */
export const initialValues = (): DefaultValues<FormValues> => {
  const out: Record<string, unknown> = {}
  for (const [key, schema] of Object.entries(DeploymentConfigObject.shape)) {
    if (key === 'logStore') continue
    out[key] = initialValueOf(schema)
  }
  // One empty row, so the organisation list shows where to type.
  out.sync = { organisations: [''] }
  return out as DefaultValues<FormValues>
}

/**
 * Lays a partial config (a draft or an imported values.yaml) over the defaults. Objects merge key by
 * key unless they are different branches of a union, in which case the override wins whole.
 */
export const mergeValues = (base: unknown, override: unknown): unknown => {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override
  const sameBranch = DISCRIMINATORS.every((k) => !(k in base) || !(k in override) || base[k] === override[k])
  if (!sameBranch) return structuredClone(override)
  const out: Record<string, unknown> = { ...base }
  for (const [k, v] of Object.entries(override)) out[k] = mergeValues(base[k], v)
  return out
}

export const valuesFrom = (partial: unknown): DefaultValues<FormValues> =>
  mergeValues(initialValues(), partial) as DefaultValues<FormValues>
