export * from './config/index.js'
export * from './env.js'
export * from './secret-fields.js'
export * from './validate.js'
