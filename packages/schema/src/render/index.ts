import type { DeploymentConfig } from '../config/index.js'
import { byPath, contentFiles } from './content-files.js'
import { renderReadme } from './readme.js'
import { type BundleFile, FILE_MODE } from './types.js'

export { byPath } from './content-files.js'
export * from './env-data.js'
export * from './iam-files.js'
export * from './iam-policies.js'
export * from './network-policy.js'
export { keptPaths } from './owned-values.js'
export * from './readme.js'
export * from './resources-config.js'
export * from './scripts.js'
export * from './secrets-manager.js'
export * from './shell.js'
export * from './types.js'
export * from './values/identity.js'
export * from './values-yaml.js'

/** Every file of the bundle, sorted by path. */
export const renderBundleFiles = (config: DeploymentConfig): BundleFile[] =>
  [{ path: 'README.md', content: renderReadme(config), mode: FILE_MODE }, ...contentFiles(config)].sort(
    byPath,
  )
