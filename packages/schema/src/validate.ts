import type { z } from 'zod'
import {
  type ConfigWarning,
  configWarnings,
  type DeploymentConfig,
  DeploymentConfigSchema,
} from './config/index.js'
import { keptConflicts } from './render/kept-conflicts.js'

export type ConfigIssue = { path: (string | number)[]; code: string; message: string }

export type ValidationResult =
  | { valid: true; config: DeploymentConfig; warnings: ConfigWarning[] }
  | { valid: false; issues: ConfigIssue[] }

/** One zod issue in the contract's shape; unknown keys get a message that says what to do. */
export const toConfigIssue = (i: z.core.$ZodIssue): ConfigIssue => ({
  path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
  code: i.code,
  message:
    i.code === 'unrecognized_keys'
      ? `Unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}: remove ${i.keys.length > 1 ? 'them' : 'it'} or check the spelling.`
      : i.message,
})

/** Parses any input into a config, or a list of issues each naming its field. Never throws. */
export const parseConfig = (
  input: unknown,
): { valid: true; config: DeploymentConfig } | { valid: false; issues: ConfigIssue[] } => {
  const r = DeploymentConfigSchema.safeParse(input)
  if (!r.success) return { valid: false, issues: r.error.issues.map(toConfigIssue) }
  const issues = keptConflicts(r.data)
  return issues.length ? { valid: false, issues } : { valid: true, config: r.data }
}

/** parseConfig, with the warnings a valid config may still want to reconsider. */
export const validateConfig = (input: unknown): ValidationResult => {
  const r = parseConfig(input)
  return r.valid ? { ...r, warnings: configWarnings(r.config) } : r
}
