import { z } from 'zod'

/** Where in the config something is, e.g. ["logStore","bucket"] or ["sync","organisations",0]. */
export const ConfigPathSchema = z
  .array(z.union([z.string(), z.number().int().min(0)]))
  .meta({ id: 'ConfigPath', description: 'Where in the config, e.g. ["logStore","bucket"].' })

/** One problem with a config (a 422 lists them); the message names the field the user sees. */
export const IssueSchema = z
  .object({
    path: ConfigPathSchema,
    code: z.string().describe('What kind of problem, e.g. invalid_format or too_small.'),
    message: z.string().describe('What is wrong with the field and how to fix it.'),
  })
  .meta({ id: 'Issue', description: 'A problem with one field of the config.' })
export type Issue = z.infer<typeof IssueSchema>

/** Something a valid config or an imported values.yaml may want reconsidered; never blocks. */
export const WarningSchema = z
  .object({ path: ConfigPathSchema, message: z.string() })
  .meta({ id: 'Warning', description: 'Worth reconsidering; never blocks a bundle.' })
export type Warning = z.infer<typeof WarningSchema>
