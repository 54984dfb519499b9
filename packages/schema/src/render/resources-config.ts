import type { DeploymentConfig } from '../config/index.js'

/** resources-config.yaml (ConfigMap resource-config with the Mongo CA), or null when no CA is set. (being implemented) */
export const renderResourcesConfig = (_config: DeploymentConfig): string | null => {
  throw new Error('not implemented')
}
