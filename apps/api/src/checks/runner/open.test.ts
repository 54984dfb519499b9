import { describe, expect, it } from 'vitest'
import { resolvedDetail } from './open.js'

describe('resolvedDetail', () => {
  it('names an address host once: there was nothing to look up', () => {
    expect(resolvedDetail('127.0.0.1', ['127.0.0.1'])).toBe('127.0.0.1')
    expect(resolvedDetail('[::1]', ['::1'])).toBe('::1')
    expect(resolvedDetail('[FD00::1]', ['fd00::1'])).toBe('fd00::1')
  })

  it('shows a name with the addresses it resolved to', () => {
    expect(resolvedDetail('localhost', ['127.0.0.1'])).toBe('localhost → 127.0.0.1')
    expect(resolvedDetail('s3.example.com', ['192.0.2.1', '192.0.2.2'])).toBe(
      's3.example.com → 192.0.2.1, 192.0.2.2',
    )
  })

  it('shows an address spelled another way with the address it stands for', () => {
    expect(resolvedDetail('2130706433', ['127.0.0.1'])).toBe('2130706433 → 127.0.0.1')
  })
})
