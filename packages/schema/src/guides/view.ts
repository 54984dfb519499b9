import type { z } from 'zod'
import { ChartSchema, GatewaySchema } from '../config/chart.js'
import { placeholder, roleNameOf } from '../render/iam-policies.js'
import { gatewayDeploymentName } from '../render/scripts/common.js'

/**
 * Reading a partial, possibly malformed config. The wizard asks for a guide on every keystroke,
 * so nothing here may throw: each value is checked with the schema field it belongs to, and a
 * value that is missing or fails its own rule becomes a placeholder such as <bucket>. Only
 * checked values reach a command, which is what keeps them safe to paste.
 */
export type Rec = Record<string, unknown>

/** The value as a plain object, or an empty one. */
export const rec = (v: unknown): Rec =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : {}

/** The value as the field's schema accepts it (defaults applied), or undefined. */
export const valid = (schema: z.ZodType, value: unknown): string | undefined => {
  const r = schema.safeParse(value)
  return r.success && typeof r.data === 'string' && r.data.length > 0 ? r.data : undefined
}

/** The checked value, or a placeholder naming what belongs there. */
export const pick = (schema: z.ZodType, value: unknown, name: string): string =>
  valid(schema, value) ?? placeholder(name)

export const isPlaceholder = (v: string) => v.startsWith('<') && v.endsWith('>')

/** A role's name from its ARN, or a placeholder when the ARN is still a placeholder. */
export const roleName = (arn: string, name = 'role-name') =>
  isPlaceholder(arn) ? placeholder(name) : roleNameOf(arn)

/** What every guide needs to know about where the chart goes. */
export type View = {
  root: Rec
  release: string
  namespace: string
  version: string
  serviceName: string
  /** Name of the gateway Deployment and Service: the chart's fullname template. */
  fullname: string
}

export const viewOf = (config: unknown): View => {
  const root = rec(config)
  const chart = rec(root.chart)
  const release = pick(ChartSchema.shape.releaseName, chart.releaseName, 'release-name')
  return {
    root,
    release,
    namespace: pick(ChartSchema.shape.namespace, chart.namespace, 'namespace'),
    version: pick(ChartSchema.shape.version, chart.version, 'chart-version'),
    serviceName: pick(GatewaySchema.shape.serviceName, rec(root.gateway).serviceName, 'service-name'),
    fullname: gatewayDeploymentName(release),
  }
}
