import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import YAML from 'yaml'
import { redactInputFrom } from './redact.js'

describe('redactInputFrom', () => {
  it('keeps the position but drops the quoted source of a YAML error', () => {
    const input = 'a:\n  password: hunter2-secret: [x\n'
    let message = ''
    try {
      YAML.parse(input)
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).toContain('hunter2-secret')
    const safe = redactInputFrom(message, input)
    expect(safe).not.toContain('hunter2-secret')
    expect(safe).toMatch(/line 2/)
  })

  it('drops JSON.parse snippets', () => {
    const input = '{"secret": s3cr3t-value}'
    let message = ''
    try {
      JSON.parse(input)
    } catch (e) {
      message = (e as Error).message
    }
    expect(redactInputFrom(message, input)).not.toContain('s3cr3t-value')
  })

  it('never returns a line of the input that is 4 characters or longer', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 4, maxLength: 40 }), { minLength: 1, maxLength: 5 }),
        (lines) => {
          const input = lines.join('\n')
          const secretLine = lines[0]!.trim()
          fc.pre(secretLine.length >= 4 && !secretLine.includes('\n'))
          const out = redactInputFrom(`Bad thing at line 1: ${secretLine}`, input)
          expect(out.includes(secretLine)).toBe(false)
        },
      ),
      { numRuns: 300 },
    )
  })
})
