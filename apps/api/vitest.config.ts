import { defineConfig } from 'vitest/config'

import { nodeTestConditions as conditions } from '../../vitest.conditions.ts'

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
