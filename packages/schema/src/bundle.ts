import type { DeploymentConfig } from './config/index.js'

/** The bundle as zip bytes, identical for the same config. (being implemented) */
export const buildBundle = async (_config: DeploymentConfig): Promise<Uint8Array> => {
  throw new Error('not implemented')
}
