import { z } from 'zod'
import { DeploymentConfigSchema } from '../config/index.js'

/**
 * The deployment config is one OpenAPI component: the routes that take it ($ref) and the
 * JSON Schema at /api/schema describe the same object. The id is added to the schema's own entry
 * in zod's registry (not to a copy), so every route that uses DeploymentConfigSchema refers to it.
 */
export const DEPLOYMENT_CONFIG_ID = 'DeploymentConfig'

z.globalRegistry.add(DeploymentConfigSchema, {
  ...z.globalRegistry.get(DeploymentConfigSchema),
  id: DEPLOYMENT_CONFIG_ID,
})

/**
 * z.toJSONSchema of a schema that has an id answers { $ref, $defs }; callers that want the
 * object itself at the root (the /api/schema document, the API's serializer) inline it back.
 */
export const inlineRootRef = (json: Record<string, unknown>): Record<string, unknown> => {
  const ref = json.$ref
  if (typeof ref !== 'string') return json
  const defsKey = '$defs' in json ? '$defs' : 'definitions'
  const prefix = `#/${defsKey}/`
  const defs = { ...(json[defsKey] as Record<string, Record<string, unknown>> | undefined) }
  if (!ref.startsWith(prefix)) return json
  const root = defs[ref.slice(prefix.length)]
  if (!root) return json
  delete defs[ref.slice(prefix.length)]
  const { $ref: _ref, [defsKey]: _defs, ...rest } = json
  return { ...rest, ...root, ...(Object.keys(defs).length > 0 ? { [defsKey]: defs } : {}) }
}
