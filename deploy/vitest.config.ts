import { defineConfig } from 'vitest/config'

import { nodeTestConditions as conditions } from '../vitest.conditions.ts'

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
