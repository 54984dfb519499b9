import { z } from 'zod'
import { HTTP_URL, SINGLE_LINE } from './patterns.js'

/**
 * Field builders shared by every config section. Each one carries the provider's real syntax,
 * so nothing that passes validation can leave a YAML value, a shell word or a host name.
 * Messages say what is wrong and how to fix it; the issue path names the field.
 */

// No control characters: every value must fit one line of a YAML scalar, an env file and a shell word.
// C1 controls, U+FEFF and U+FFFE/U+FFFF are not printable in YAML (Helm refuses the file); NEL, LS and PS
// are line breaks to YAML 1.1 readers such as Helm; a lone surrogate cannot be written as UTF-8 at all.
const CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** True when a value fits on one line of YAML, an env file and a shell word. */
export const isSingleLine = (v: string) => !CONTROL.test(v)

declare module 'zod' {
  interface GlobalMeta {
    /** Example shown in an empty input. */
    'x-placeholder'?: string
    /** The environment key(s) the value is written to. */
    'x-env'?: string | readonly string[]
    /** Never logged, stored in a draft or put in a script. */
    'x-secret'?: boolean
    /** For an enum: each value's title and "choose this when". */
    'x-choices'?: Record<string, { title: string; when: string }>
  }
}

/**
 * The label is declared once, here: it is the schema's title, which the form shows and the
 * OpenAPI document carries, and every message below names the field by it.
 */
const requiredText = (label: string) =>
  z
    .string({
      error: (iss) => (iss.input === undefined ? `${label} is required.` : `${label} must be text.`),
    })
    .meta({ title: label })

/** Message for a whole section or nested object that is missing or not an object. */
export const objectError = (label: string, fix: string) => ({
  error: (iss: { input?: unknown }) =>
    iss.input === undefined ? `${label} is required: ${fix}` : `${label} must be an object: ${fix}`,
})

/** Free text on one line (user names, database names, ...). */
export const text = (label: string, max = 1024) =>
  requiredText(label)
    .min(1, { error: `${label} is required: enter a value.`, abort: true })
    .max(max, { error: `${label} is too long: use at most ${max} characters.`, abort: true })
    .regex(SINGLE_LINE, {
      error: `${label} must be a single line: remove line breaks, tabs and other control or invisible characters.`,
      abort: true,
    })
    .refine(isSingleLine, {
      error: `${label} must be a single line: remove line breaks, tabs and other control or invisible characters.`,
      abort: true,
    })

/** A secret: same rules as text, and marked so it is never logged, stored in a draft or put in a script. */
export const secret = (label: string, max = 4096) => text(label, max).meta({ 'x-secret': true })

/** A syntax-checked identifier. */
export const ident = (label: string, pattern: RegExp, rule: string, max = 255) =>
  requiredText(label)
    .min(1, { error: `${label} is required: enter a value.`, abort: true })
    .max(max, { error: `${label} is too long: use at most ${max} characters.`, abort: true })
    .regex(pattern, { error: `${label} is not valid: ${rule}`, abort: true })

// ---- Kubernetes -------------------------------------------------------------------------------
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/

export const dnsLabel = (label: string, max = 63) =>
  ident(
    label,
    DNS_LABEL,
    `use lowercase letters, digits and hyphens, starting and ending with a letter or digit (at most ${max}).`,
    max,
  )

export const k8sName = (label: string) =>
  ident(
    label,
    DNS_SUBDOMAIN,
    'use lowercase letters, digits, hyphens and dots, starting and ending with a letter or digit.',
    253,
  )

// ---- AWS --------------------------------------------------------------------------------------
export const awsRegion = (label = 'Region') =>
  ident(
    label,
    /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/,
    'use an AWS region code such as us-east-1 or eu-west-2.',
    32,
  )

/** GCS, NetApp and other S3-compatible providers name regions more loosely (auto, US, europe-west1). */
export const looseRegion = (label = 'Region') =>
  ident(
    label,
    /^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/,
    'use letters, digits and single hyphens, e.g. us-east-1 or auto.',
    64,
  )

const S3_BUCKET_RULE =
  'use 3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit, not shaped like an IP address.'
export const s3Bucket = (label = 'Bucket') =>
  ident(label, /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, S3_BUCKET_RULE, 63).regex(
    /^(?!.*\.\.)(?!.*\.-)(?!.*-\.)(?![0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$)(?!xn--)(?!sthree-)(?!.*-s3alias$)(?!.*--ol-s3$)/,
    { error: `${label} is not valid: ${S3_BUCKET_RULE} No "..", ".-", "xn--" prefix or "-s3alias" suffix.` },
  )

/** GCS also allows underscores. */
export const gcsBucket = (label = 'Bucket') =>
  ident(
    label,
    /^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/,
    'use 3-63 lowercase letters, digits, dots, hyphens and underscores, starting and ending with a letter or digit.',
    63,
  ).regex(/^(?!.*\.\.)(?![0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$)(?!goog)/, {
    error: `${label} is not valid: no "..", no IP-address shape and no "goog" prefix.`,
  })

export const roleArn = (label = 'Role ARN') =>
  ident(
    label,
    /^arn:aws(-cn|-us-gov)?:iam::\d{12}:role\/[A-Za-z0-9+=,.@_/-]{1,512}$/,
    'use the role ARN from the IAM console, e.g. arn:aws:iam::123456789012:role/PortkeyLogs.',
    600,
  )

export const iamName = (label: string) =>
  ident(label, /^[A-Za-z0-9+=,.@_-]{1,64}$/, 'use 1-64 letters, digits and + = , . @ _ -.', 64)

export const externalId = (label = 'External ID') =>
  ident(label, /^[A-Za-z0-9+=,.@:/_-]{2,1224}$/, 'use 2-1224 letters, digits and + = , . @ : / _ -.', 1224)

export const awsAccessKeyId = (label = 'Access key ID') =>
  ident(
    label,
    /^[A-Za-z0-9]{4,128}$/,
    'use the key id exactly as the provider shows it (letters and digits).',
    128,
  ).meta({ 'x-secret': true })

// ---- Azure ------------------------------------------------------------------------------------
export const guid = (label: string) =>
  ident(
    label,
    /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
    'use the GUID shown in the Azure portal, e.g. 00000000-0000-0000-0000-000000000000.',
    36,
  )

export const azureAccount = () =>
  ident('Storage account', /^[a-z0-9]{3,24}$/, 'use 3-24 lowercase letters and digits.', 24)

export const azureContainer = () =>
  ident(
    'Container',
    /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/,
    'use 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.',
    63,
  )

// ---- Hosts and URLs ---------------------------------------------------------------------------
const HOST =
  /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/
const IPV6 = /^\[[0-9A-Fa-f:.]+\]$/

/** A host name or address as it may appear in a URL (brackets around IPv6). */
export const isHost = (h: string) => HOST.test(h) || IPV6.test(h)

export const hostName = (label: string) =>
  ident(label, HOST, 'use a host name such as vault.example.com (letters, digits, hyphens and dots).', 253)

const urlText = (label: string) => text(label, 2048).meta({ format: 'uri', pattern: HTTP_URL.source })

/** An http(s) URL with a valid host, no credentials and nothing that could end a line. */
export const httpUrl = (label: string, example: string) =>
  urlText(label).superRefine((v, ctx) => {
    let u: URL
    try {
      u = new URL(v)
    } catch {
      ctx.addIssue({ code: 'custom', message: `${label} is not a URL: use the form ${example}.` })
      return
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
      ctx.addIssue({
        code: 'custom',
        message: `${label} must start with http:// or https://, e.g. ${example}.`,
      })
    else if (!isHost(u.hostname))
      ctx.addIssue({ code: 'custom', message: `${label} has an invalid host name: use the form ${example}.` })
    else if (u.username || u.password)
      ctx.addIssue({
        code: 'custom',
        message: `${label} must not carry a user or password: put them in their own fields.`,
      })
    else if (/\s/.test(v))
      ctx.addIssue({ code: 'custom', message: `${label} must not contain spaces: percent-encode them.` })
    else if (!HTTP_URL.test(v))
      ctx.addIssue({
        code: 'custom',
        message: `${label} is not a URL this tool accepts: use the form ${example}, with a host name or IP address and a port up to 65535.`,
      })
  })

export const bool = (label: string, fallback: boolean) =>
  z
    .boolean({ error: `${label} must be true or false.` })
    .meta({ title: label })
    .default(fallback)

/** A whole number within bounds (timeouts, sizes, counts). */
export const count = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a whole number.` })
    .int({ error: `${label} must be a whole number.` })
    .min(min, { error: `${label} must be at least ${min}.` })
    .max(max, { error: `${label} must be at most ${max}.` })
    .meta({ title: label })

/** A field's help for a person, its env key(s) and an example, as schema metadata. */
export const doc = (help: string, more: { env?: string | readonly string[]; placeholder?: string } = {}) => ({
  description: help,
  ...(more.env ? { 'x-env': more.env } : {}),
  ...(more.placeholder ? { 'x-placeholder': more.placeholder } : {}),
})

/** A discriminant: the choice's title and when to choose it travel with its value. */
export const option = <const V extends string | boolean>(value: V, title: string, when: string) =>
  z.literal(value).meta({ title, description: when })

/** One of a few named values; each value's title and "choose this when" travel with it. */
export const choice = <const V extends readonly [string, ...string[]]>(
  label: string,
  values: V,
  docs: { [K in V[number]]: { title: string; when: string } },
) =>
  z
    .enum(values, {
      error: `${label} must be ${values
        .map((v) => `"${v}"`)
        .join(', ')
        .replace(/, ([^,]*)$/, ' or $1')}.`,
    })
    .meta({ title: label, 'x-choices': docs })
