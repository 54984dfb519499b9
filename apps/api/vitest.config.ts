import { defaultServerConditions } from 'vite'
import { defineConfig } from 'vitest/config'

// Read @portkey-setup/schema from its TypeScript source, so tests need no rebuild of the package.
// Without 'module': it sends packages such as @smithy/core to their bundler-only ESM builds
// (extensionless imports), which Node cannot load, and every AWS check fails as INTERNAL.
const conditions = ['source', ...defaultServerConditions.filter((c) => c !== 'module')]

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
