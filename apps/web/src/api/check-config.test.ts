// @vitest-environment node
import { fixtures } from '@portkey-setup/schema/fixtures'
import { describe, expect, it } from 'vitest'
import { initialValues } from '../lib/initial-values'
import { configForCheck } from './check-config'

describe('configForCheck', () => {
  it('sends a valid config as parsed', () => {
    const r = configForCheck(fixtures.otel, ['otel'])
    expect(r.ok && (r.config as typeof fixtures.otel).otel).toMatchObject({ enabled: true })
  })

  it('stands in for sections the user has not reached, without secrets, keeping the tested one', () => {
    const registry = { mode: 'create', server: 'https://index.docker.io/v1/', username: 'u', password: 'p' }
    const r = configForCheck({ ...initialValues(), registry }, ['registry'])
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const sent = r.config as Record<string, unknown>
    expect(sent.registry).toEqual(registry)
    expect(sent.logStore).toMatchObject({ type: 's3_assume', auth: { method: 'imds' } })
    expect(sent.sync).toEqual({ clientAuth: 'not-yet-configured', organisations: ['not-yet-configured'] })
  })

  it('returns the issues of the section under test instead of sending it', () => {
    const r = configForCheck({ ...initialValues(), cache: { store: 'custom', url: 'http://nope' } }, [
      'cache',
    ])
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.issues.map((i) => i.path.join('.'))).toEqual(['cache.url'])
  })

  it('replaces a broken unrelated section rather than refusing the check', () => {
    const values = { ...fixtures.s3, analytics: { store: 'clickhouse' } }
    const r = configForCheck(values, ['logStore'])
    expect(r.ok).toBe(true)
    if (r.ok) expect((r.config as { analytics: unknown }).analytics).toEqual({ store: 'control_plane' })
  })
})
