import { z } from 'zod'
import { DeploymentConfigSchema } from './config/index.js'
import { inlineRootRef } from './contract/config.js'

let cached: Record<string, unknown> | undefined

/** JSON Schema (draft 2020-12) of the config as callers send it: defaults make fields optional. */
export const configJsonSchema = (): Record<string, unknown> => {
  cached ??= {
    $id: 'https://portkey-setup.local/schema/deployment-config.json',
    title: 'Portkey gateway deployment config',
    ...inlineRootRef(
      z.toJSONSchema(DeploymentConfigSchema, { io: 'input', unrepresentable: 'any' }) as Record<
        string,
        unknown
      >,
    ),
  }
  return structuredClone(cached)
}
