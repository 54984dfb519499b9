import { DeploymentConfigSchema, parseConfig, toConfigIssue } from '@portkey-setup/schema'
import type { FastifySchemaCompiler } from 'fastify'
import { z } from 'zod'
import { type Issue, RequestValidationError } from './errors.js'

/**
 * Request validation through zod. The deployment config goes through the schema package's
 * parseConfig, so the API answers with exactly the messages the CLI and the wizard show.
 */

/** Maps any zod error to the contract's issue list. */
export const issuesFromZod = (error: z.ZodError): Issue[] => error.issues.map(toConfigIssue)

/** Validates a body against a zod schema; the config answers 422 (the contract), any other body 400. */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema }) => {
  if (schema === DeploymentConfigSchema)
    return (data) => {
      const r = parseConfig(data)
      return r.valid ? { value: r.config } : { error: new RequestValidationError(r.issues, 422) }
    }
  if (!(schema instanceof z.ZodType)) throw new Error('route schemas must be zod schemas')
  return (data) => {
    const r = schema.safeParse(data)
    return r.success ? { value: r.data } : { error: new RequestValidationError(issuesFromZod(r.error), 400) }
  }
}
