import { readFile } from 'node:fs/promises'
import { extname, resolve } from 'node:path'
import { type ValidationResult, validateConfig } from '@portkey-setup/schema'
import YAML from 'yaml'
import { redactInputFrom } from '../redact.js'
import { formatIssues, type Io, UsageError, writeJson } from './io.js'

/** Reads a text file, turning "not there" and friends into a usage error that names the file. */
export const readText = async (cwd: string, file: string): Promise<string> => {
  try {
    return await readFile(resolve(cwd, file), 'utf8')
  } catch (e) {
    const code = (e as { code?: string }).code
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (code ?? 'unreadable')
    throw new UsageError(`cannot read ${file}: ${why}.`)
  }
}

/**
 * A config file as JSON (.json) or YAML (.yaml/.yml; anything else is tried as JSON, then YAML).
 * Parser messages quote the offending text, which can be a secret, so only the position is kept.
 */
export const readConfigFile = async (cwd: string, file: string): Promise<unknown> => {
  const text = await readText(cwd, file)
  const ext = extname(file).toLowerCase()
  const asJson = () => JSON.parse(text) as unknown
  const asYaml = () => YAML.parse(text, { prettyErrors: true, maxAliasCount: 100 }) as unknown
  try {
    if (ext === '.json') return asJson()
    if (ext === '.yaml' || ext === '.yml') return asYaml()
    try {
      return asJson()
    } catch {
      return asYaml()
    }
  } catch (e) {
    const kind = ext === '.json' ? 'JSON' : ext === '.yaml' || ext === '.yml' ? 'YAML' : 'JSON or YAML'
    throw new UsageError(`${file} is not valid ${kind}: ${redactInputFrom((e as Error).message, text)}`)
  }
}

/**
 * Reads and validates a config file. An invalid one is reported (JSON on stdout with --json, the
 * problems on stderr otherwise) and yields undefined: the command then exits 1.
 */
export const readValidConfig = async (
  io: Io,
  json: boolean,
  file: string,
): Promise<Extract<ValidationResult, { valid: true }> | undefined> => {
  const input = await readConfigFile(io.cwd, file)
  const result = validateConfig(input)
  if (result.valid) return result
  if (json) writeJson(io, result)
  else {
    const n = result.issues.length
    io.stderr.write(
      `${file} is not valid (${n} problem${n === 1 ? '' : 's'}):\n${formatIssues(result.issues, input)}`,
    )
  }
  return undefined
}
