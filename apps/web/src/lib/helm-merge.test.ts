import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { mergeValues } from './helm-merge'

const y = (text: string): unknown => parse(text, { mapAsMap: true })
const merged = (defaults: string, values: string) => mergeValues(y(defaults), y(values))

describe('mergeValues (Helm: user values over chart defaults)', () => {
  it('merges mappings key by key, all the way down, keeping the defaults’ order and appending new keys', () => {
    const defaults = 'a: 1\nenv:\n  data:\n    PORT: "8787"\n    LOG_STORE:\n  create: true\nz: last\n'
    const values = 'env:\n  data:\n    LOG_STORE: s3\n    EXTRA: x\nnew: 2\n'
    expect(merged(defaults, values)).toEqual(
      y(
        'a: 1\nenv:\n  data:\n    PORT: "8787"\n    LOG_STORE: s3\n    EXTRA: x\n  create: true\nz: last\nnew: 2\n',
      ),
    )
    const out = merged(defaults, values) as Map<unknown, unknown>
    expect([...out.keys()]).toEqual(['a', 'env', 'z', 'new'])
    const data = (out.get('env') as Map<unknown, unknown>).get('data') as Map<unknown, unknown>
    expect([...data.keys()]).toEqual(['PORT', 'LOG_STORE', 'EXTRA'])
  })

  it('replaces a list as a whole instead of merging it item by item', () => {
    const defaults = 'creds:\n  - name: a\n    auth: ""\n  - name: b\n'
    expect(merged(defaults, 'creds:\n  - name: c\n')).toEqual(y('creds:\n  - name: c\n'))
    expect(merged(defaults, 'creds: []\n')).toEqual(y('creds: []\n'))
  })

  it('lets the user’s value win when one side is a mapping and the other is not', () => {
    expect(merged('strategy: {}\nport: 80\n', 'strategy: Recreate\nport:\n  http: 80\n')).toEqual(
      y('strategy: Recreate\nport:\n  http: 80\n'),
    )
  })

  it('removes a key the values set to null, at any depth', () => {
    expect(merged('a: 1\nb:\n  c: 2\n  d: 3\n', 'a: null\nb:\n  c: ~\n')).toEqual(y('b:\n  d: 3\n'))
    expect(merged('a: 1\n', 'missing: null\n')).toEqual(y('a: 1\n'))
  })

  it('leaves the defaults alone for an empty values file, and never changes its inputs', () => {
    const defaults = y('a:\n  b: 1\n')
    const snapshot = structuredClone(defaults)
    expect(mergeValues(defaults, y(''))).toBe(defaults)
    mergeValues(defaults, y('a:\n  b: null\n  c: 2\n'))
    expect(defaults).toEqual(snapshot)
  })

  it('treats every key as an ordinary key, including numbers and __proto__', () => {
    const out = merged('b: 1\n10: ten\n__proto__: p\n', '2: two\n__proto__: q\n') as Map<unknown, unknown>
    expect([...out.entries()]).toEqual([
      ['b', 1],
      [10, 'ten'],
      ['__proto__', 'q'],
      [2, 'two'],
    ])
  })
})
