import { z } from 'zod'
import { ident, isSingleLine, text } from './fields.js'
import { SINGLE_LINE } from './patterns.js'

/**
 * Field builders for Kubernetes object syntax: resource quantities, label and annotation keys,
 * label values and env names, as the API server checks them.
 */

const CPU = /^([0-9]+(\.[0-9]+)?|\.[0-9]+)m?$/
const MEMORY = /^([0-9]+(\.[0-9]+)?|\.[0-9]+)([eE][0-9]+|[KMGTPE]i|[kMGTPE])?$/

export const cpuQuantity = (label: string) =>
  ident(label, CPU, 'use cores such as 0.5 or 2, or millicores such as 500m.', 32)

export const memoryQuantity = (label: string) =>
  ident(label, MEMORY, 'use bytes with a unit such as 512Mi, 1Gi or 1G (Ki, Mi, Gi, Ti; k, M, G, T).', 32)

const UNITS: Record<string, number> = {
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
}

/** A quantity as a number (cores or bytes), for comparing a request with its limit. */
export const quantityValue = (q: string): number => {
  const m = /^([0-9.]+)(.*)$/.exec(q)
  if (!m) return Number.NaN
  const n = Number(m[1])
  const unit = m[2] ?? ''
  if (unit === '') return n
  if (/^[eE][0-9]+$/.test(unit)) return n * 10 ** Number(unit.slice(1))
  return n * (UNITS[unit] ?? Number.NaN)
}

const NAME = '[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?'
const PREFIX = '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*'
/** A label or annotation key: an optional DNS-subdomain prefix and "/", then a name of at most 63. */
export const LABEL_KEY = new RegExp(`^((?=[^/]{1,253}/)${PREFIX}/)?${NAME}$`)
/** A label value: empty, or at most 63 letters, digits, - _ . starting and ending alphanumeric. */
export const LABEL_VALUE = new RegExp(`^(${NAME})?$`)

const KEY_RULE =
  'use an optional prefix such as example.com/ and a name of at most 63 letters, digits, - _ . that starts and ends with a letter or digit.'

export const labelKey = (label: string) => ident(label, LABEL_KEY, KEY_RULE, 317)

export const labelValue = (label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .max(63, { error: `${label} is too long: a label value has at most 63 characters.` })
    .regex(LABEL_VALUE, {
      error: `${label} is not valid: use at most 63 letters, digits, - _ . starting and ending with a letter or digit (or leave it empty).`,
    })
    .meta({ title: label })

/** Text on one line that may be empty (annotation and env values). */
export const lineText = (label: string, max = 4096) =>
  z
    .string({ error: `${label} must be text.` })
    .max(max, { error: `${label} is too long: use at most ${max} characters.` })
    .regex(SINGLE_LINE, {
      error: `${label} must be a single line: remove line breaks and control characters.`,
    })
    .refine(isSingleLine, {
      error: `${label} must be a single line: remove line breaks and control characters.`,
    })
    .meta({ title: label })

export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
export const envName = (label: string) =>
  ident(
    label,
    ENV_NAME,
    'use letters, digits and underscores, not starting with a digit (e.g. LOG_LEVEL).',
    256,
  )

/** A record's message: a bad key says what is wrong with it; anything else, what the record must be. */
const recordError = (what: string) => ({
  error: (iss: { code?: string; issues?: { message?: string }[] }) =>
    iss.code === 'invalid_key' ? (iss.issues?.[0]?.message ?? what) : what,
})

/** A map of label key to value. */
export const labelMap = (label: string, help: string) =>
  z
    .record(
      labelKey(`${label} key`),
      labelValue(`${label} value`),
      recordError(`${label} must be an object of key → value.`),
    )
    .default({})
    .meta({ title: label, description: help })

/** A map of annotation key to text. */
export const annotationMap = (label: string, help: string) =>
  z
    .record(
      labelKey(`${label} key`),
      lineText(`${label} value`),
      recordError(`${label} must be an object of key → value.`),
    )
    .default({})
    .meta({ title: label, description: help })

/** Extra env: name → value, in the order given. Values are not empty: the chart drops empty ones on upgrade. */
export const envMap = (label: string, help: string) =>
  z
    .record(
      envName(`${label} name`),
      lineText(`${label} value`).min(1, {
        error: `${label} value is empty: enter a value or remove the variable.`,
      }),
      recordError(`${label} must be an object of name → value.`),
    )
    .default({})
    .meta({ title: label, description: help })

/** A whole number or a percentage, as maxSurge and maxUnavailable take. */
export const intOrPercent = (label: string) =>
  text(label, 8).regex(/^([0-9]{1,5}|([0-9]|[1-9][0-9]|100)%)$/, {
    error: `${label} must be a number of pods such as 1, or a percentage such as 25%.`,
  })
