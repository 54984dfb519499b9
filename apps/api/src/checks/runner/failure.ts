import type { CheckError, CheckErrorCode, FieldPath } from './types.js'

/**
 * An expected failure: the backend said no, or could not be reached. Thrown inside a step, it
 * ends the check with this code, message and hint. Anything else thrown is a bug (INTERNAL).
 */
export class CheckFailure extends Error {
  override name = 'CheckFailure'
  readonly code: CheckErrorCode
  readonly hint: string
  readonly field: FieldPath | undefined

  constructor(code: CheckErrorCode, message: string, hint: string, field?: FieldPath) {
    super(message)
    this.code = code
    this.hint = hint
    this.field = field
  }

  toError(): CheckError {
    return {
      code: this.code,
      message: this.message,
      hint: this.hint,
      ...(this.field ? { field: this.field } : {}),
    }
  }
}

export const fail = (code: CheckErrorCode, message: string, hint: string, field?: FieldPath): never => {
  throw new CheckFailure(code, message, hint, field)
}

/**
 * A protocol error code or class name is worth showing ("SignatureDoesNotMatch", "WRONGPASS"),
 * but it arrives from the peer: only short identifier-like tokens pass, anything else is dropped.
 */
export const safeToken = (value: unknown): string | undefined => {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value !== 'string') return undefined
  return /^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/.test(value) ? value : undefined
}

/** " (Name code)" for a message tail, from whichever tokens are safe. */
export const errorTag = (...parts: unknown[]): string => {
  const safe = parts.map(safeToken).filter((p): p is string => p !== undefined)
  const unique = [...new Set(safe)]
  return unique.length ? ` (${unique.join(' ')})` : ''
}

/** A Node system error code such as ECONNREFUSED, looking through wrapped causes. */
export const errnoOf = (err: unknown, depth = 0): string | undefined => {
  if (!err || typeof err !== 'object' || depth > 5) return undefined
  const e = err as { code?: unknown; cause?: unknown; errors?: unknown }
  if (typeof e.code === 'string' && /^[A-Z][A-Z0-9_]{2,63}$/.test(e.code)) return e.code
  if (Array.isArray(e.errors))
    for (const inner of e.errors) {
      const c = errnoOf(inner, depth + 1)
      if (c) return c
    }
  return errnoOf(e.cause, depth + 1)
}

/** Finds an error of a given class in a chain of causes. */
export const findCause = <T>(err: unknown, match: (e: unknown) => e is T, depth = 0): T | undefined => {
  if (match(err)) return err
  if (!err || typeof err !== 'object' || depth > 5) return undefined
  const e = err as { cause?: unknown; errors?: unknown }
  if (Array.isArray(e.errors))
    for (const inner of e.errors) {
      const f = findCause(inner, match, depth + 1)
      if (f) return f
    }
  return findCause(e.cause, match, depth + 1)
}
