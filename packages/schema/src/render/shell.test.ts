import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { shellComment, shellQuote, shellReadonly } from './shell.js'

/**
 * Runs one bash for a whole batch: each value is printed once as a plain word and once through a
 * readonly variable (how the scripts use it), NUL-terminated, so the output splits back exactly.
 */
const roundTrip = (values: string[]): string[] => {
  const program = values
    .map((v, i) => `printf '%s\\0' ${shellQuote(v)}\n${shellReadonly(`V${i}`, v)}\nprintf '%s\\0' "$V${i}"`)
    .join('\n')
  const r = spawnSync('bash', ['-s'], { input: program, encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } })
  expect(r.stderr).toBe('')
  expect(r.status).toBe(0)
  return r.stdout.split('\0').slice(0, -1)
}

// Everything except NUL, which no shell word (or argv entry) can hold.
const anyText = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.includes('\u0000'))
const nasty = fc.constantFrom(
  "'",
  "''",
  '"',
  '\\',
  '$(touch /tmp/pk-pwned)',
  '`id`',
  `\${HOME}`,
  '$HOME',
  '\n',
  '\r\n',
  '!',
  '*',
  '~',
  '-n',
  ' ',
  '#',
  ';',
  '&&',
  '|',
  '\t',
  'é',
  '😀',
)
const shellish = fc
  .array(fc.oneof(anyText, nasty, fc.string({ unit: 'binary-ascii', maxLength: 10 })), { maxLength: 6 })
  .map((parts) => parts.join(''))
  .filter((s) => !s.includes('\u0000'))

describe('shellQuote', () => {
  it('wraps in single quotes and escapes single quotes', () => {
    expect(shellQuote('portkey-ai')).toBe("'portkey-ai'")
    expect(shellQuote('')).toBe("''")
    expect(shellQuote("it's")).toBe("'it'\\''s'")
  })

  it('refuses NUL, which no shell word can carry', () => {
    expect(() => shellQuote('a\u0000b')).toThrow(/NUL/)
  })

  it('bash reads back exactly the input, for any text (property)', () => {
    fc.assert(
      fc.property(fc.array(shellish, { minLength: 1, maxLength: 40 }), (values) => {
        const out = roundTrip(values)
        expect(out).toEqual(values.flatMap((v) => [v, v]))
      }),
      { numRuns: 60 },
    )
  })

  it('never lets a value run a command', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pk-quote-'))
    const marker = join(dir, 'pwned')
    const values = [
      `$(touch ${marker})`,
      `\`touch ${marker}\``,
      `'; touch ${marker}; '`,
      `"; touch ${marker}; "`,
    ]
    expect(roundTrip(values)).toEqual(values.flatMap((v) => [v, v]))
    expect(existsSync(marker)).toBe(false)
    rmSync(dir, { recursive: true, force: true })
  })
})

describe('shellReadonly and shellComment', () => {
  it('only accepts upper-case variable names', () => {
    expect(shellReadonly('RELEASE', 'x')).toBe("readonly RELEASE='x'")
    expect(() => shellReadonly('a; rm', 'x')).toThrow()
  })

  it('keeps every line of a comment a comment', () => {
    expect(shellComment('one\ntwo\n')).toBe('# one\n# two\n#')
  })
})
