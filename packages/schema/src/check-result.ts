import { z } from 'zod'

/**
 * The contract's CheckResult (api-contract.md), defined once: the API validates and documents its
 * responses with it, the wizard parses what the API sends with it.
 */

/** The parts of a config that can be checked, in the order the wizard shows them. */
export const CHECK_TARGETS = [
  'registry',
  'logStore',
  'analytics',
  'otel',
  'cache',
  'bedrock',
  'dataService',
  'semanticCache',
] as const
export type CheckTarget = (typeof CHECK_TARGETS)[number]

export const CHECK_STATUSES = ['pass', 'warn', 'fail', 'skipped'] as const
export type CheckStatus = (typeof CHECK_STATUSES)[number]

/** Expected failure classes; anything else is a bug and reported as INTERNAL. */
export const CHECK_ERROR_CODES = [
  'AUTH_FAILED',
  'ACCESS_DENIED',
  'NOT_FOUND',
  'TIMEOUT',
  'CONNECTION_REFUSED',
  'CONNECTION_FAILED',
  'DNS_NOT_FOUND',
  'TLS_FAILED',
  'TARGET_BLOCKED',
  'UNSUPPORTED',
  'UNAVAILABLE',
  'PROTOCOL_ERROR',
  'MISMATCH',
  'CANCELLED',
  'INTERNAL',
] as const
export type CheckErrorCode = (typeof CHECK_ERROR_CODES)[number]

const CheckStatusSchema = z.enum(CHECK_STATUSES).meta({ id: 'CheckStatus' })

const CheckStepSchema = z
  .object({
    name: z.string().describe('resolve, connect, tls, authenticate, assume-role, write, read, version, ...'),
    status: CheckStatusSchema,
    durationMs: z.number().describe('Time the step took, in milliseconds.'),
    detail: z
      .string()
      .optional()
      .describe('What the step found; never bytes the server sent, never a secret.'),
  })
  .meta({ id: 'CheckStep', description: 'One step of a check, in the order it ran.' })
export type CheckStep = z.infer<typeof CheckStepSchema>

const CheckErrorSchema = z
  .object({
    code: z.enum(CHECK_ERROR_CODES).describe('The failure class.'),
    message: z.string().describe('What went wrong, in plain words.'),
    hint: z.string().describe('What to change, naming the config field.'),
    field: z
      .array(z.union([z.string(), z.number()]))
      .optional()
      .describe('The config field to change, e.g. ["logStore","auth","externalId"].'),
  })
  .meta({ id: 'CheckError', description: 'Why a check failed, and what to change.' })
export type CheckError = z.infer<typeof CheckErrorSchema>

export const CheckResultSchema = z
  .object({
    target: z.enum(CHECK_TARGETS).describe('Which part of the config.'),
    kind: z.string().describe('The backend actually probed, e.g. s3_assume or redis-cluster.'),
    status: CheckStatusSchema.describe(
      'skipped: cannot be proven from outside the cluster (the steps say why).',
    ),
    durationMs: z.number(),
    steps: z.array(CheckStepSchema).describe('In order; the first failing step ends the check.'),
    error: CheckErrorSchema.optional(),
  })
  .meta({ id: 'CheckResult', description: 'The outcome of one connectivity check.' })
export type CheckResult = z.infer<typeof CheckResultSchema>
