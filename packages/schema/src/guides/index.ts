export { SCRIPT_FILES } from './files.js'
export { guideFor, guideForSection } from './guide.js'
export { secretEnvKeysOf } from './secrets.js'
export * from './types.js'
