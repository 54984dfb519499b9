export * from './capabilities.js'
export * from './releases.js'
export * from './default-env.js'
