import type { DeploymentConfig } from '../config/index.js'
import { renderBundleFiles } from '../render/index.js'
import { writeFiles } from './stub-bin.js'

/** The bundle's files, written to a fresh directory as a user unzips them. */
export const writeBundleDir = (config: DeploymentConfig): string => writeFiles(renderBundleFiles(config))
