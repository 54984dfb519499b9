import { describe, expect, it } from 'vitest'
import { CHECK_TARGETS } from '../check-result.js'
import { fixtureConfig, fixtureConfigs } from '../test-support/fixture-configs.js'
import { CHECK_READS, checkPlan } from './plan.js'

const byTarget = (name: Parameters<typeof fixtureConfig>[0]) =>
  Object.fromEntries(checkPlan(fixtureConfig(name)).map((p) => [p.target, p]))

describe('checkPlan', () => {
  it('lists every target once, in order, for every fixture; a skipped check reads nothing', () => {
    for (const [name, config] of fixtureConfigs()) {
      const plan = checkPlan(config)
      expect(
        plan.map((p) => p.target),
        name,
      ).toEqual([...CHECK_TARGETS])
      for (const p of plan) {
        expect(p.reads, `${name}/${p.target}`).toEqual(p.skipped ? [] : CHECK_READS[p.target])
        if (!p.applies) expect(p.skipped, `${name}/${p.target}`).toBe(true)
      }
    }
  })

  it('runs what can be proven from outside the cluster', () => {
    const s3 = byTarget('s3')
    expect(s3.registry).toMatchObject({
      applies: true,
      skipped: false,
      reads: ['chart', 'registry', 'images'],
    })
    expect(s3.logStore).toMatchObject({ applies: true, skipped: false, reads: ['logStore'] })
    expect(byTarget('mongo').logStore?.skipped).toBe(false)
    expect(byTarget('azure-entra').logStore?.skipped).toBe(false)
  })

  it('skips the in-cluster identities and the in-cluster Redis, which still apply', () => {
    for (const name of ['s3-assume-irsa', 'azure-managed'] as const) {
      expect(byTarget(name).logStore, name).toMatchObject({ applies: true, skipped: true, reads: [] })
    }
    expect(byTarget('s3').cache).toMatchObject({ applies: true, skipped: true })
    expect(byTarget('registry-existing').registry).toMatchObject({ applies: true, skipped: true })
  })

  it('leaves out optional parts that are off, and the control plane analytics', () => {
    const s3 = byTarget('s3')
    for (const t of ['analytics', 'otel', 'bedrock', 'dataService'] as const)
      expect(s3[t], t).toMatchObject({ applies: false, skipped: true })
    expect(byTarget('otel').otel).toMatchObject({ applies: true, skipped: false, reads: ['otel'] })
  })

  it('bedrock without assume-role keys, and a data service on an in-cluster identity, are skipped', () => {
    expect(byTarget('bedrock-principal').bedrock).toMatchObject({ applies: true, skipped: false })
    expect(byTarget('bedrock-separate').bedrock).toMatchObject({ applies: true, skipped: true })
    expect(byTarget('data-service').dataService).toMatchObject({
      applies: true,
      skipped: false,
      reads: ['logStore', 'dataService'],
    })
    const irsa = fixtureConfig('s3-assume-irsa')
    const ds = checkPlan({ ...irsa, dataService: fixtureConfig('data-service').dataService })
    expect(ds.find((p) => p.target === 'dataService')).toMatchObject({ applies: true, skipped: true })
  })
})
