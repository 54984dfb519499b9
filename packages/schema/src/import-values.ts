import type { DeploymentConfigInput } from './config/index.js'
import type { DeepPartial } from './guides/types.js'

export type ImportWarning = { path: (string | number)[]; message: string }
export type ImportResult = { config: DeepPartial<DeploymentConfigInput>; warnings: ImportWarning[] }

/** Thrown for text that is not YAML or not a mapping; the API answers 400 with its message. */
export class ValuesParseError extends Error {
  override name = 'ValuesParseError'
}

/** Reads a values.yaml of either chart layout back into a partial config. (being implemented) */
export const importValues = (_yamlText: string): ImportResult => {
  throw new ValuesParseError('not implemented')
}
