import { z } from 'zod'
import { CHECK_ERROR_CODES, CHECK_TARGETS } from './types.js'

/** The contract's CheckResult as a zod schema: the route's response schema and its OpenAPI entry. */

const StatusSchema = z.enum(['pass', 'warn', 'fail', 'skipped'])

export const CheckStepSchema = z.object({
  name: z.string().describe('resolve, connect, tls, authenticate, assume-role, write, read, version, ...'),
  status: StatusSchema,
  durationMs: z.number().describe('Time the step took, in milliseconds.'),
  detail: z.string().optional().describe('What the step found; never bytes the server sent, never a secret.'),
})

export const CheckErrorSchema = z.object({
  code: z.enum(CHECK_ERROR_CODES).describe('The failure class.'),
  message: z.string().describe('What went wrong, in plain words.'),
  hint: z.string().describe('What to change, naming the config field.'),
  field: z
    .array(z.union([z.string(), z.number()]))
    .optional()
    .describe('The config field to change, e.g. ["logStore","auth","externalId"].'),
})

export const CheckResultSchema = z
  .object({
    target: z.enum(CHECK_TARGETS).describe('Which part of the config.'),
    kind: z.string().describe('The backend actually probed, e.g. s3_assume or redis-cluster.'),
    status: StatusSchema.describe('skipped: cannot be proven from outside the cluster (the steps say why).'),
    durationMs: z.number(),
    steps: z.array(CheckStepSchema).describe('In order; the first failing step ends the check.'),
    error: CheckErrorSchema.optional(),
  })
  .describe('The outcome of one connectivity check.')
