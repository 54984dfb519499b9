import { CheckResultSchema, type DeploymentConfig, validateConfig } from '@portkey-setup/schema'
import { fixtures, SENTINEL } from '@portkey-setup/schema/fixtures'
import { beforeAll, describe, expect, it } from 'vitest'
import { fullPeerConfig, ports, requirePeers, runOptions } from '../test-support/peers.js'
import { CATALOG, type CheckCatalog, runChecks, selectCheck } from './catalog.js'
import { CHECK_TARGETS } from './runner/types.js'

describe('the catalog covers every option of the config', () => {
  it('has an entry (check or skip reason) for every option path of the schema fixtures', () => {
    for (const [name, input] of Object.entries(fixtures)) {
      const r = validateConfig(input)
      if (!r.valid) throw new Error(`fixture ${name} is invalid`)
      for (const t of CHECK_TARGETS) {
        const leaf = selectCheck(r.config, t)
        expect(leaf, `${name}/${t}`).toBeDefined()
        if ('skipped' in leaf) expect(leaf.skipped.length, `${name}/${t}`).toBeGreaterThan(20)
        else expect(typeof leaf.run).toBe('function')
      }
    }
  })

  it('is keyed by the schema discriminants (a missing option fails typecheck)', () => {
    // @ts-expect-error -- without netapp (and the rest) the log store entry does not typecheck
    const incomplete: CheckCatalog['logStore'] = { mongo: CATALOG.logStore.mongo }
    expect(incomplete).toBeDefined()
    // @ts-expect-error -- an s3_assume auth method without its entry does not typecheck
    const noImds: CheckCatalog['logStore']['s3_assume'] = {
      access_keys: CATALOG.logStore.s3_assume.access_keys,
      irsa: CATALOG.logStore.s3_assume.irsa,
    }
    expect(noImds).toBeDefined()
  })
})

describe('every fixture, every target, against the real network of this machine', () => {
  // No overrides: the real provider endpoints and the fixtures' made-up hosts. From this sandbox
  // they fail (no DNS, no route) or are skipped; what matters is that nothing crashes or leaks.
  it('yields well-formed results, never INTERNAL, never a secret', async () => {
    const all = await Promise.all(
      Object.entries(fixtures).map(async ([name, input]) => {
        const r = validateConfig(input)
        if (!r.valid) throw new Error(`fixture ${name} is invalid`)
        const results = await runChecks(r.config, CHECK_TARGETS, {
          policy: { allowLoopback: false, denyPrivate: false, allowCidrs: [], denyCidrs: [] },
          timeoutMs: 1500,
        })
        return { name, results }
      }),
    )
    for (const { name, results } of all) {
      expect(results.map((x) => x.target)).toEqual([...CHECK_TARGETS])
      for (const r of results) {
        expect(CheckResultSchema.safeParse(r).success, `${name}/${r.target}`).toBe(true)
        expect(r.error?.code, `${name}/${r.target}: ${JSON.stringify(r.error)}`).not.toBe('INTERNAL')
        if (r.status === 'fail') expect(r.error?.field?.length, `${name}/${r.target}`).toBeGreaterThan(0)
      }
      expect(JSON.stringify(results)).not.toContain(SENTINEL)
    }
  })
})

describe("a full config's checks in parallel against the peers", () => {
  let config: DeploymentConfig
  beforeAll(async () => {
    await requirePeers({
      registry: ports.registry.port,
      moto: ports.moto.port,
      clickhouse: ports.clickhouse.httpPort,
      otlp: ports.otlp.port,
      'redis-cluster': ports.redisCluster.ports[0]!,
    })
    config = fullPeerConfig()
  })

  it('every target passes, and the checks overlap in time', async () => {
    const reported: string[] = []
    const t0 = performance.now()
    const results = await runChecks(config, CHECK_TARGETS, runOptions(), (r) => reported.push(r.target))
    const wall = performance.now() - t0
    // Milvus has no check yet (no Milvus-compatible server here): its target says so as a skip.
    for (const r of results)
      expect(r.status, JSON.stringify(r)).toBe(r.target === 'semanticCache' ? 'skipped' : 'pass')
    expect(results.map((r) => r.target)).toEqual([...CHECK_TARGETS])
    expect(reported.sort()).toEqual([...CHECK_TARGETS].sort())
    // Run one after another they would take the sum; in parallel the wall time is well below it.
    const sum = results.reduce((a, r) => a + r.durationMs, 0)
    expect(wall).toBeLessThan(sum)
  })

  it('a subset of targets runs only those', async () => {
    const results = await runChecks(config, ['otel', 'analytics'], runOptions())
    expect(results.map((r) => r.target)).toEqual(['analytics', 'otel'])
  })
})
