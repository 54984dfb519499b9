import type { DeploymentConfig } from '../config/index.js'
import type { BundleFile } from './types.js'

export * from './iam-policies.js'
export * from './readme.js'
export * from './resources-config.js'
export * from './types.js'
export * from './values-yaml.js'

/** Every file of the bundle, sorted by path. (being implemented) */
export const renderBundleFiles = (_config: DeploymentConfig): BundleFile[] => {
  throw new Error('not implemented')
}
