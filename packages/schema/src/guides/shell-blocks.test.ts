import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { fixtures } from '../fixtures/index.js'
import { partialConfig } from '../test-support/guide-arbitraries.js'
import { guideFor } from './index.js'

const dir = mkdtempSync(join(tmpdir(), 'pk-guide-shell-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const shellBlocks = (config: unknown) =>
  guideFor(config as never)
    .sections.flatMap((s) => s.steps.flatMap((st) => st.blocks))
    .filter((b) => b.kind === 'shell')

/** Configs with only a choice made: every command is full of placeholders. */
const PARTIAL: Record<string, unknown> = {
  empty: {},
  'logStore-mongo-ca': { logStore: { type: 'mongo', tlsCa: {} } },
  ...Object.fromEntries(
    ['mongo', 's3', 'wasabi', 'gcs', 'netapp'].map((type) => [`logStore-${type}`, { logStore: { type } }]),
  ),
  ...Object.fromEntries(
    ['access_keys', 'irsa', 'imds'].map((method) => [
      `s3_assume-${method}`,
      { logStore: { type: 's3_assume', auth: { method } } },
    ]),
  ),
  ...Object.fromEntries(
    ['key', 'managed', 'entra'].map((mode) => [
      `azure-${mode}`,
      { logStore: { type: 'azure', auth: { mode } } },
    ]),
  ),
  clickhouse: { analytics: { store: 'clickhouse' }, otel: { enabled: true } },
  caches: { cache: { store: 'custom' } },
  bedrock: { bedrock: { enabled: true, role: 'separate' }, dataService: { enabled: true } },
  existing: { secrets: { mode: 'existingSecret' }, registry: { mode: 'existing' } },
  vault: { secrets: { mode: 'vault' } },
}

const CONFIGS: Record<string, unknown> = { ...fixtures, ...PARTIAL }

/** Runs `bash -n` on each file in one bash process; returns the files that failed, with the error. */
const syntaxErrors = (files: string[]) => {
  const r = spawnSync(
    'bash',
    [
      '-c',
      'for f in "$@"; do out="$(bash -n "$f" 2>&1)" || printf "%s\\n%s\\n" "$f" "$out"; done',
      'check',
      ...files,
    ],
    { encoding: 'utf8' },
  )
  expect(r.status).toBe(0)
  return r.stdout
}

describe('shell blocks', () => {
  it('every block of every fixture and partial config is valid bash', () => {
    const files = Object.entries(CONFIGS).flatMap(([name, config]) =>
      shellBlocks(config).map((b, i) => {
        const file = join(dir, `syntax-${name}-${i}.sh`)
        writeFileSync(file, `${b.content}\n`)
        return file
      }),
    )
    expect(files.length).toBeGreaterThan(100)
    expect(syntaxErrors(files)).toBe('')
  })

  it('blocks stay valid bash whatever is typed into the fields', () => {
    const contents = new Set(
      fc
        .sample(partialConfig, { numRuns: 150, seed: 7 })
        .flatMap((c) => shellBlocks(c).map((b) => b.content)),
    )
    const files = [...contents].map((content, i) => {
      const file = join(dir, `typed-${i}.sh`)
      writeFileSync(file, `${content}\n`)
      return file
    })
    expect(syntaxErrors(files)).toBe('')
  })

  it('the blocks of each config, run as one script, pass shellcheck', () => {
    const files = Object.entries(CONFIGS).map(([name, config]) => {
      const file = join(dir, `check-${name}.sh`)
      const body = shellBlocks(config).map((b) => `# ${b.label.replace(/\n/g, ' ')}\n${b.content}`)
      writeFileSync(file, `#!/usr/bin/env bash\n${body.join('\n\n')}\n`)
      return file
    })
    // SC2016 (no expansion inside single quotes) is the point where it fires: '$Latest' is a literal
    // launch template version the aws CLI expects, not a variable.
    const r = spawnSync('shellcheck', ['-s', 'bash', '-e', 'SC2016', '-f', 'gcc', ...files], {
      encoding: 'utf8',
    })
    expect(r.error, 'shellcheck must be installed (scripts/setup-system.sh installs it)').toBeUndefined()
    expect(r.stdout).toBe('')
    expect(r.status).toBe(0)
  })
})
