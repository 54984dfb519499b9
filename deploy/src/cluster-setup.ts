import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** Vitest global setup: the test cluster is up (idempotent; seconds when it already runs). */
export default function setup() {
  const up = fileURLToPath(new URL('../../scripts/cluster/up.sh', import.meta.url))
  execFileSync('bash', [up], { stdio: ['ignore', 'ignore', 'inherit'] })
}
