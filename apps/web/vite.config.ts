import react from '@vitejs/plugin-react'
import { defaultClientConditions, defineConfig } from 'vite'
import { compileHints } from './scripts/compile-hints'

// The API serves the built wizard on :8080; in development Vite serves it and forwards /api there.
const apiTarget = process.env.PORTKEY_API_URL ?? 'http://127.0.0.1:8080'
const api = { '/api': { target: apiTarget, changeOrigin: false } }

/**
 * Vendor chunks are split by what loads when: react and the form stack are needed for the first
 * step; jszip, yaml, highlight.js and diff only when the user reaches Review or imports a file, so
 * they get chunks of their own that are fetched by dynamic import. Radix has no group: the first
 * step uses only its Switch, and a group would put the dialogs, tabs and radio groups in the first
 * load with it; left to the default splitting, each primitive loads with the chunk that uses it.
 */
const groups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
  { name: 'form', test: /node_modules[\\/](react-hook-form|@hookform[\\/]resolvers|zod)[\\/]/, priority: 20 },
  {
    name: 'jszip',
    test: /node_modules[\\/](jszip|pako|lie|immediate|setimmediate|readable-stream)[\\/]/,
    priority: 10,
  },
  { name: 'yaml', test: /node_modules[\\/]yaml[\\/]/, priority: 10 },
  { name: 'highlight', test: /node_modules[\\/]highlight\.js[\\/]/, priority: 10 },
  { name: 'diff', test: /node_modules[\\/]diff[\\/]/, priority: 10 },
]

export default defineConfig({
  plugins: [react(), compileHints()],
  // @portkey-setup/schema is read from its TypeScript source: no rebuild of the package in development.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  server: { host: '127.0.0.1', proxy: api },
  preview: { host: '127.0.0.1', proxy: api },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    chunkSizeWarningLimit: 400,
    rolldownOptions: { output: { codeSplitting: { groups } } },
  },
})
