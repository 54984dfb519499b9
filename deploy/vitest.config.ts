import { defaultServerConditions } from 'vite'
import { defineConfig } from 'vitest/config'

// Read @portkey-setup/schema from its TypeScript source, so tests need no rebuild of the package.
// Without 'module', as in apps/api: some packages' bundler-only builds do not load in Node.
const conditions = ['source', ...defaultServerConditions.filter((c) => c !== 'module')]

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['src/**/*.test.ts'],
    // The matrix and the script runs shell out to helm and kubectl; each file takes its own core.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    globalSetup: ['src/cluster-setup.ts'],
  },
})
