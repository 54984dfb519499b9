import type { DeploymentConfig } from '../config/index.js'
import { iamPolicyFiles } from '../render/iam-files.js'
import { renderResourcesConfig } from '../render/resources-config.js'
import { scriptFiles, secretFiles } from '../render/scripts.js'
import { FILE_MODE } from '../render/types.js'
import { renderValuesYaml } from '../render/values-yaml.js'
import { writeFiles } from './stub-bin.js'

/** The bundle's files that the scripts read, written to a fresh directory (the README is not needed). */
export const writeBundleDir = (config: DeploymentConfig): string => {
  const resources = renderResourcesConfig(config)
  return writeFiles([
    { path: 'values.yaml', content: renderValuesYaml(config), mode: FILE_MODE },
    ...(resources === null ? [] : [{ path: 'resources-config.yaml', content: resources, mode: FILE_MODE }]),
    ...iamPolicyFiles(config),
    ...scriptFiles(config),
    ...secretFiles(config),
  ])
}
