import type { DeploymentConfig } from '../config/index.js'

/** values.yaml for the chosen chart version. (being implemented) */
export const renderValuesYaml = (_config: DeploymentConfig): string => {
  throw new Error('not implemented')
}
