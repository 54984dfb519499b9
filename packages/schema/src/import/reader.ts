import { type Document, isAlias, isMap, isScalar, type Node } from 'yaml'
import { isPlaceholder } from '../chart/facts.js'
import { isSecretEnvKey } from '../env/index.js'

export type ImportWarning = { path: (string | number)[]; message: string }
export type Path = (string | number)[]

/** Any JSON-ish object read from YAML; nothing about its shape is trusted. */
export type Loose = Record<string, unknown>

export const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v)

/** An own property only: toJS objects inherit from Object.prototype, so "constructor" must not leak in. */
export const own = (o: unknown, key: string): unknown =>
  isObject(o) && Object.hasOwn(o, key) ? o[key] : undefined

export const ownObject = (o: unknown, key: string): Loose | undefined => {
  const v = own(o, key)
  return isObject(v) ? v : undefined
}

export const ownArray = (o: unknown, key: string): unknown[] | undefined => {
  const v = own(o, key)
  return Array.isArray(v) ? v : undefined
}

/** YAML scalars as text: numbers and booleans as written, null as empty. */
export const scalarText = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v)
  if (v === null || v === undefined) return ''
  return undefined
}

export const isTrue = (v: unknown) =>
  v === true || (typeof v === 'string' && v.trim().toLowerCase() === 'true')

export type SecretsMode = 'inline' | 'existingSecret' | 'vault' | 'awsSecretsManager'

/**
 * Reading state shared by the section readers: the env map taken from environment.data, which keys
 * have been used, how secrets are delivered, and the warnings so far.
 */
export class ImportContext {
  readonly warnings: ImportWarning[] = []
  readonly consumed = new Set<string>()
  mode: SecretsMode = 'inline'
  secretName: string | undefined
  /** Keys environment.secretKeys says come from the existing Secret. */
  secretKeys = new Set<string>()

  constructor(
    readonly root: Loose,
    readonly env: Map<string, string>,
  ) {}

  warn(path: Path, message: string) {
    this.warnings.push({ path, message })
  }

  /** Whether a key is present with a value, or is delivered from outside values.yaml. */
  has(key: string) {
    return (
      (this.env.get(key) ?? '') !== '' ||
      this.secretKeys.has(key) ||
      (this.mode === 'vault' && this.env.has(key) && isSecretEnvKey(key))
    )
  }

  /** Text of an env key, or undefined (with a warning when the chosen path needs it). */
  get(key: string, path: Path, required = true): string | undefined {
    this.consumed.add(key)
    const raw = this.env.get(key)
    // Only the empty string is empty: a password of spaces is still what the user typed.
    const v = raw
    if (v !== undefined && v !== '') {
      if (isPlaceholder(v)) {
        this.warn(path, `${key} still holds the placeholder ${v}: enter the real value.`)
        return undefined
      }
      return v
    }
    if (!required) return undefined
    if (this.secretKeys.has(key) || (this.mode !== 'inline' && isSecretEnvKey(key)))
      this.warn(
        path,
        this.mode === 'vault'
          ? `${key} comes from Vault, not from values.yaml: enter it again to build a new bundle.`
          : this.mode === 'awsSecretsManager'
            ? `${key} is kept in AWS Secrets Manager (synced into the Secret ${this.secretName ?? ''}), not in values.yaml: enter it again to build a new bundle.`
            : `${key} is kept in the Secret ${this.secretName ?? ''}, not in values.yaml: enter it again to build a new bundle.`,
      )
    else
      this.warn(
        path,
        `${key} is ${raw === undefined ? 'not set' : 'empty'} in values.yaml: fill in this field.`,
      )
    return undefined
  }
}

/** Text of a string-like field outside the env; placeholders and empties become warnings. */
export const fieldText = (
  ctx: ImportContext,
  v: unknown,
  path: Path,
  label: string,
  required = true,
): string | undefined => {
  const t = scalarText(v)
  if (t === undefined) {
    ctx.warn(path, `${label} must be text; the value found was ignored.`)
    return undefined
  }
  if (t === '') {
    if (required) ctx.warn(path, `${label} is empty: fill it in.`)
    return undefined
  }
  if (isPlaceholder(t)) {
    ctx.warn(path, `${label} still holds the placeholder ${t}: enter the real value.`)
    return undefined
  }
  return t
}

/**
 * environment.data read from the document's nodes rather than from toJS, so PORT: 8787 or a number
 * a user typed keeps the exact text they wrote.
 */
export const readEnvData = (doc: Document, warn: (path: Path, message: string) => void) => {
  const env = new Map<string, string>()
  const node = doc.getIn(['environment', 'data'], true)
  if (node === undefined || node === null) return env
  if (!isMap(node)) {
    warn(['environment', 'data'], 'environment.data must be a mapping of names to values; it was ignored.')
    return env
  }
  for (const pair of node.items) {
    const keyNode = pair.key
    const key = isScalar(keyNode) ? scalarText(keyNode.value) : undefined
    if (key === undefined || key === '') {
      warn(['environment', 'data'], 'A key of environment.data is not a plain name; it was ignored.')
      continue
    }
    let value = pair.value as Node | null
    if (isAlias(value)) value = (value.resolve(doc) ?? null) as Node | null
    // Null either removes a chart default or (where the default is null) stands for an empty value;
    // both reach the pod as nothing, so both read as empty.
    if (value === null || value === undefined || (isScalar(value) && value.value === null)) env.set(key, '')
    else if (isScalar(value)) {
      const v = value.value
      env.set(key, typeof v === 'string' ? v : (value.source ?? scalarText(v) ?? ''))
    } else
      warn(
        ['environment', 'data', key],
        `${key} must be a single value, not a list or mapping; it was ignored.`,
      )
  }
  return env
}
