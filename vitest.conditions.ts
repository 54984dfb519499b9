import { defaultServerConditions } from 'vite'

/**
 * Export conditions for the Node-side test runs (apps/api, deploy): @portkey-setup/schema is read
 * from its TypeScript source, so tests need no rebuild of the package. Without 'module': it sends
 * packages such as @smithy/core to their bundler-only ESM builds (extensionless imports), which
 * Node cannot load.
 */
export const nodeTestConditions = ['source', ...defaultServerConditions.filter((c) => c !== 'module')]
