import { describe, expect, it } from 'vitest'
import { valuesDiff } from './values-diff.js'

describe('valuesDiff', () => {
  it('lists added, changed and removed keys by path, lists as one value', () => {
    const before = 'a:\n  b: 1\n  c: x\nlist: [1, 2]\ngone: true\n'
    const after = 'a:\n  b: 2\n  c: x\n  d: new\nlist: [1, 2, 3]\n'
    expect(valuesDiff(before, after)).toEqual([
      { path: 'a.b', change: 'changed', before: '1', after: '2' },
      { path: 'a.d', change: 'added', after: 'new' },
      { path: 'list', change: 'changed', before: '[1,2]', after: '[1,2,3]' },
      { path: 'gone', change: 'removed', before: 'true' },
    ])
  })

  it('never shows a secret value, only that it changed', () => {
    const d = valuesDiff('env:\n  KEY: old-secret\n', 'env:\n  KEY: new-secret\n', [
      'old-secret',
      'new-secret',
    ])
    expect(d).toEqual([
      { path: 'env.KEY', change: 'changed', before: '(secret, not shown)', after: '(secret, not shown)' },
    ])
    expect(JSON.stringify(d)).not.toMatch(/old-secret|new-secret/)
  })

  it('is empty for the same values written differently', () => {
    expect(valuesDiff('a: {b: "1"}\n', '# comment\na:\n  b: "1"\n')).toEqual([])
  })
})
