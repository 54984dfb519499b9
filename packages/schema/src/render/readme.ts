import type { DeploymentConfig } from '../config/index.js'

/** The bundle's README.md. (being implemented) */
export const renderReadme = (_config: DeploymentConfig): string => {
  throw new Error('not implemented')
}
