import { type DeploymentConfig, DeploymentConfigSchema } from '../config/index.js'
import { type FixtureName, fixtures } from '../fixtures/index.js'

/** Every fixture, parsed (defaults applied), by name. */
export const fixtureConfigs = (): [FixtureName, DeploymentConfig][] =>
  (Object.keys(fixtures) as FixtureName[]).map((name) => [name, DeploymentConfigSchema.parse(fixtures[name])])

export const fixtureConfig = (name: FixtureName): DeploymentConfig =>
  DeploymentConfigSchema.parse(fixtures[name])
