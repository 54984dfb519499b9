#!/usr/bin/env node
// The CLI is compiled TypeScript in dist/; in a fresh checkout, build it first.
import { existsSync } from 'node:fs'

const cli = new URL('../dist/cli.js', import.meta.url)
if (!existsSync(cli)) {
  process.stderr.write('portkey-setup is not built yet: run "npm run build" in the repository root first.\n')
  process.exitCode = 2
} else {
  const { run } = await import(cli.href)
  await run()
}
