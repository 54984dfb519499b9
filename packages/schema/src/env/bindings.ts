import type { z } from 'zod'
import { DeploymentConfigObject, type SectionId } from '../config/index.js'
import { docOf } from '../meta/docs.js'
import { isRecord, type PathSegment, peel, shapeOf, unionOption, unionParts } from '../meta/walk.js'

/**
 * A field's env binding, read from its `x-env` metadata: where the value sits in the config, the
 * keys it is written to, and whether it is a secret. A discriminated union with `x-env` writes its
 * discriminator's value (LOG_STORE, ANALYTICS_STORE).
 */
export type EnvBinding = { path: PathSegment[]; env: string[]; secret: boolean }
export type ActiveBinding = EnvBinding & { value: unknown; optional?: boolean }

/** Sections in the order their keys are written (the chart's own order of environment.data). */
export const ENV_SECTIONS = [
  'gateway',
  'logStore',
  'bedrock',
  'analytics',
  'otel',
  'cache',
  'semanticCache',
  'sync',
  'dataService',
] as const satisfies readonly (SectionId | 'gateway' | 'otel' | 'semanticCache')[]

const sectionSchema = (id: string): z.ZodType =>
  (DeploymentConfigObject.shape as Record<string, z.ZodType>)[id] as z.ZodType

/**
 * Walks a value along its schema. With `all`, every branch of every union is visited (the static
 * list of bindings); otherwise only the branches the value chose, and nothing below an optional
 * object that is absent.
 */
const walk = (schema: z.ZodType, value: unknown, path: PathSegment[], all: boolean, out: ActiveBinding[]) => {
  const { inner, optional, hasDefault, defaultValue } = peel(schema)
  const doc = docOf(schema)
  const v = value === undefined && hasDefault ? defaultValue : value
  const union = unionParts(inner)
  if (union) {
    const options = all ? union.options : [unionOption(inner, isRecord(v) ? v[union.key ?? ''] : undefined)]
    const chosen = options.filter((o): o is z.ZodType => o !== undefined)
    if (doc.env.length && union.key && chosen.length)
      out.push({
        path: [...path, union.key],
        env: doc.env,
        secret: doc.secret,
        value: isRecord(v) ? v[union.key] : undefined,
      })
    for (const o of chosen) walk(o, v, path, all, out)
    return
  }
  if (doc.env.length) {
    out.push({ path, env: doc.env, secret: doc.secret, value: v, optional })
    return
  }
  const shape = shapeOf(inner)
  if (!shape || (!all && optional && v === undefined)) return
  for (const [key, field] of Object.entries(shape))
    walk(field, isRecord(v) ? v[key] : undefined, [...path, key], all, out)
}

type EnvSection = (typeof ENV_SECTIONS)[number]

/** The bindings one section's chosen branch uses, with their values, in the order they are written. */
export const sectionBindings = (config: unknown, id: EnvSection): ActiveBinding[] => {
  const out: ActiveBinding[] = []
  walk(sectionSchema(id), isRecord(config) ? config[id] : undefined, [id], false, out)
  return out
}

/** The bindings the chosen path uses, with their values, in the order they are written. */
export const activeBindings = (config: unknown): ActiveBinding[] =>
  ENV_SECTIONS.flatMap((id) => sectionBindings(config, id))

let everyBinding: EnvBinding[] | undefined
/** Every binding of every branch, in the order they are written; duplicates of a key are kept. */
export const envBindings = (): EnvBinding[] => {
  if (!everyBinding) {
    const out: ActiveBinding[] = []
    for (const id of ENV_SECTIONS) walk(sectionSchema(id), undefined, [id], true, out)
    everyBinding = out.map(({ path, env, secret }) => ({ path, env, secret }))
  }
  return everyBinding
}
