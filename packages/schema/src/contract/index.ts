export * from './config.js'
export * from './errors.js'
export * from './issues.js'
export * from './responses.js'
