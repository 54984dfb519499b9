import { DeploymentConfigSchema, renderValuesYaml } from '@portkey-setup/schema'
import defaults107 from '@portkey-setup/schema/chart-values/gateway-1.0.7.yaml?raw'
import defaults177 from '@portkey-setup/schema/chart-values/gateway-1.7.7.yaml?raw'
import { type FixtureName, fixtures } from '@portkey-setup/schema/fixtures'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { readValues, valuesPatch, writeValues } from './values-patch'

const LABELS = { defaults: 'chart defaults', merged: 'with your values' }
const DEFAULTS = { '1.0.7': defaults107, '1.7.7': defaults177 } as const

const valuesOf = (name: FixtureName) => renderValuesYaml(DeploymentConfigSchema.parse(fixtures[name]))

/** The removed lines of a unified diff, each with the top-level key of the defaults it sits under. */
const removedLines = (patch: string, defaultsText: string) => {
  const lines = patch.split('\n')
  const out: { line: string; section: string }[] = []
  let oldLine = 0
  const sectionAt = (n: number) => {
    for (let i = n - 1; i >= 0; i--) {
      const m = /^([^\s#-][^:]*):/.exec(defaultsText.split('\n')[i] ?? '')
      if (m) return m[1] as string
    }
    return ''
  }
  for (const l of lines) {
    const hunk = /^@@ -(\d+)/.exec(l)
    if (hunk) oldLine = Number(hunk[1])
    else if (l.startsWith('-') && !l.startsWith('---')) out.push({ line: l, section: sectionAt(oldLine++) })
    else if (l.startsWith(' ')) oldLine++
  }
  return out
}

describe('valuesPatch: chart defaults against what Helm uses', () => {
  it('shows only the keys the values change, not the whole defaults file (s3 with an assumed role)', () => {
    const { patch, changed } = valuesPatch(defaults177, valuesOf('s3-assume-access-keys'), LABELS)
    expect(changed).toBe(true)
    expect(patch).toContain('--- chart defaults')
    expect(patch).toContain('+++ with your values')
    expect(patch).toContain('\n-    LOG_STORE: null\n')
    expect(patch).toContain('\n+    LOG_STORE: "s3_assume"\n')
    // Defaults the values do not touch stay out of the diff.
    expect(patch).not.toMatch(/^-replicaCount:|^-\s+vaultHost:|^-\s+SERVICE_NAME:|^-dataservice:/m)
    expect(patch).not.toMatch(/^@@ -1,\d{3} /m)
    expect(patch).toMatchSnapshot()
  })

  it.each([...(Object.keys(fixtures) as FixtureName[])])(
    '%s: every removed line belongs to a section the values set',
    (name) => {
      const version =
        DeploymentConfigSchema.parse(fixtures[name]).chart.version === '1.0.7' ? '1.0.7' : '1.7.7'
      const values = valuesOf(name)
      const sections = new Set(Object.keys(parse(values) as Record<string, unknown>))
      const { patch } = valuesPatch(DEFAULTS[version], values, LABELS)
      // Line numbers in the diff refer to the defaults as written back, not as the chart wrote them.
      const before = writeValues(readValues(DEFAULTS[version]))
      const removed = removedLines(patch, before)
      expect(removed.length).toBeGreaterThan(0)
      for (const { line, section } of removed) expect(sections, line).toContain(section)
    },
  )

  it('reports no change for values that restate defaults in another layout, quoting or with comments', () => {
    const values = "# ours\nreplicaCount: 1   # same\nenvironment:\n  data:\n    PORT: '8787'\n"
    const { patch, changed } = valuesPatch(defaults177, values, LABELS)
    expect(changed).toBe(false)
    expect(patch).not.toContain('@@')
  })

  it('shows a key the values remove with null, and a replaced list in full', () => {
    const { patch } = valuesPatch(
      defaults177,
      'useVaultInjection: null\nimagePullSecrets:\n  - name: mine\n',
      LABELS,
    )
    expect(patch).toMatch(/^-useVaultInjection: false$/m)
    expect(patch).not.toMatch(/^\+useVaultInjection/m)
    expect(patch).toMatch(/^-imagePullSecrets: \[\]$/m)
    expect(patch).toMatch(/^\+imagePullSecrets:\n\+ {2}- name: "mine"$/m)
  })
})
