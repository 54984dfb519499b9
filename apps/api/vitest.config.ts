import { defaultServerConditions } from 'vite'
import { defineConfig } from 'vitest/config'

// Read @portkey-setup/schema from its TypeScript source, so tests need no rebuild of the package.
const conditions = ['source', ...defaultServerConditions]

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
