import { fieldTitle } from '@portkey-setup/schema'
import type { Issue } from '../errors.js'

export const EXIT = {
  OK: 0,
  /** The config (or values file) was read but is not valid. */
  INVALID: 1,
  /** Bad command line, a missing or unreadable file, or text that does not parse. */
  USAGE: 2,
  /** Anything else: a bug or an I/O failure. */
  FAILED: 3,
} as const

export type Io = {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
  cwd: string
  env: Record<string, string | undefined>
}

/** A mistake on the command line or with an input file: exit 2 with this message. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/**
 * One problem per line, the field named as the wizard names it ("Log store › Bucket: …"); the
 * config, when given, picks the branch whose label applies. --json keeps the exact paths.
 */
export const formatIssues = (issues: readonly Pick<Issue, 'path' | 'message'>[], values?: unknown) =>
  issues.map((i) => `${fieldTitle(i.path, values)}: ${i.message}\n`).join('')

export const writeJson = (io: Io, value: unknown) => io.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
