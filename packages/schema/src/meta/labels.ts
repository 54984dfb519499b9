import { DeploymentConfigObject, type SectionId } from '../config/index.js'
import { docOf } from './docs.js'
import { literalValues, type PathSegment, peel, schemaAt, unionParts } from './walk.js'

/** The wizard step each top-level key of the config is filled in on, by its title. */
export const SECTION_TITLES = {
  chart: 'Cluster & chart',
  gateway: 'Cluster & chart',
  registry: 'Image registry',
  images: 'Image registry',
  logStore: 'Log store',
  analytics: 'Analytics',
  otel: 'Analytics',
  cache: 'Cache',
  sync: 'Sync',
  bedrock: 'Bedrock',
  dataService: 'Data service',
  kubernetes: 'Kubernetes',
  exposure: 'Exposure',
  secrets: 'Secrets delivery',
} as const satisfies Record<SectionId | 'gateway' | 'otel' | 'images', string>

/**
 * The label the form shows for the field at path, choosing branches by the values: a
 * discriminator is named by its union, a list item by the list's item.
 */
export const labelOf = (path: readonly PathSegment[], values?: unknown): string | undefined => {
  const schema = schemaAt(DeploymentConfigObject, path, values)
  if (!schema) return undefined
  if (path.length > 1 && literalValues(schema).length) {
    const parent = schemaAt(DeploymentConfigObject, path.slice(0, -1), values)
    if (parent && unionParts(parent)?.key === String(path[path.length - 1])) return docOf(parent).label
  }
  return docOf(schema).label ?? (peel(schema).inner !== schema ? docOf(peel(schema).inner).label : undefined)
}

/**
 * How a message outside the form names a field: the step it is on and its label, e.g.
 * "Log store › Bucket". Never a dotted path, unless the schema has no label for it.
 */
export const fieldTitle = (path: readonly PathSegment[], values?: unknown): string => {
  const section = SECTION_TITLES[path[0] as keyof typeof SECTION_TITLES]
  if (!section) return path.length ? path.join('.') : 'The config'
  if (path.length === 1) return section
  const label = labelOf(path, values) ?? path.slice(1).join('.')
  return label === section ? section : `${section} › ${label}`
}
