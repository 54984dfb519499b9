import { defineConfig } from '@playwright/test'
import { checksEndpointOverrides } from './e2e/support/peers.js'

/**
 * e2e: Debian's Chromium (never a downloaded browser) against the real API serving the built
 * wizard, with connection checks reaching the real peers of scripts/peers (moto for the S3 family
 * and STS, Azurite for blobs, Redis...). Run `npx turbo run build` and `bash scripts/peers/up.sh`
 * first; `npm test` does both.
 */
const PORT = Number(process.env.E2E_PORT ?? 18080)
/** Set E2E_BASE_URL to test a server that is already running (it must allow loopback checks). */
const EXTERNAL = process.env.E2E_BASE_URL

export default defineConfig({
  testDir: 'e2e/tests',
  globalSetup: './e2e/support/global-setup.ts',
  outputDir: 'e2e/artifacts/results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['html', { outputFolder: 'e2e/artifacts/report', open: 'never' }]],
  use: {
    baseURL: EXTERNAL ?? `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: EXTERNAL
    ? undefined
    : {
        command: 'node apps/api/dist/server.js',
        url: `http://127.0.0.1:${PORT}/api/health`,
        reuseExistingServer: false,
        timeout: 60_000,
        env: {
          PORT: String(PORT),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          CHECKS_ALLOW_LOOPBACK: 'true',
          CHECKS_TIMEOUT_MS: '5000',
          // Test only: provider endpoints on the loopback peers instead of AWS and Azure.
          CHECKS_ENDPOINT_OVERRIDES: JSON.stringify(checksEndpointOverrides()),
          // Every test drives a fresh wizard from the same address; the default limit is for real users.
          RATE_LIMIT_MAX: '100000',
          ...(process.env.E2E_SERVER_ENV ? JSON.parse(process.env.E2E_SERVER_ENV) : {}),
        },
      },
})
