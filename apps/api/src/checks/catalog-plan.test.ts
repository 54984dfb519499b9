import {
  CHECK_READS,
  type CheckPlanItem,
  type ConfigSection,
  checkPlan,
  type DeploymentConfig,
  validateConfig,
} from '@portkey-setup/schema'
import { comboFixtures, fixtures } from '@portkey-setup/schema/fixtures'
import { describe, expect, it } from 'vitest'
import { CATALOG, selectCheck } from './catalog.js'
import { CHECK_TARGETS } from './runner/types.js'

/**
 * The wizard decides from checkPlan (schema package) which checks a config gets; the API runs
 * its catalog. Both must agree on every option, or the wizard promises a check the API skips.
 */

const configs = (): [string, DeploymentConfig][] => {
  const all = Object.entries({ ...fixtures, ...comboFixtures })
  const out: [string, DeploymentConfig][] = []
  for (const [name, input] of all) {
    const r = validateConfig(input)
    if (!r.valid) throw new Error(`fixture ${name} is invalid`)
    out.push([name, r.config])
  }
  // The bedrock and data service checks depend on the log store too: every log store beside them.
  for (const [name, input] of all)
    for (const [other, lsInput] of all) {
      const r = validateConfig({ ...input, logStore: (lsInput as { logStore: unknown }).logStore })
      if (r.valid) out.push([`${name} with the log store of ${other}`, r.config])
    }
  return out
}

/** What the API does with a target of this config: skip (with a reason) or run, reading these sections. */
const apiPlan = (config: DeploymentConfig, target: (typeof CHECK_TARGETS)[number]) => {
  const leaf = selectCheck(config, target)
  if ('skipped' in leaf) return { skipped: true, reads: [] as readonly ConfigSection[] }
  if (leaf.skip?.(config)) return { skipped: true, reads: [] as readonly ConfigSection[] }
  return { skipped: false, reads: leaf.reads }
}

describe('the API catalog and checkPlan agree', () => {
  it('on which targets run and which are skipped, and what each reads, for every fixture', () => {
    let compared = 0
    for (const [name, config] of configs()) {
      const plan = new Map(checkPlan(config).map((p): [string, CheckPlanItem] => [p.target, p]))
      for (const target of CHECK_TARGETS) {
        const p = plan.get(target)!
        expect(apiPlan(config, target), `${name}/${target}`).toEqual({ skipped: p.skipped, reads: p.reads })
        compared++
      }
    }
    expect(compared).toBeGreaterThan(500)
  })

  it("on the sections each target's checks read, over all its options", () => {
    const leaves = (node: unknown): { reads?: readonly ConfigSection[]; skipped?: string }[] =>
      node && typeof node === 'object' && ('run' in node || 'skipped' in node)
        ? [node as { reads?: readonly ConfigSection[] }]
        : Object.values(node as object).flatMap(leaves)
    for (const target of CHECK_TARGETS) {
      const reads = new Set(leaves(CATALOG[target]).flatMap((l) => l.reads ?? []))
      expect([...reads].sort(), target).toEqual([...CHECK_READS[target]].sort())
    }
  })
})
