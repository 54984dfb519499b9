export * from './capabilities.js'
export * from './default-env.js'
export * from './releases.js'
export * from './facts.js'
