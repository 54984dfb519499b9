import { describe, expect, it } from 'vitest'
import { type DeploymentConfig, DeploymentConfigSchema } from '../config/index.js'
import { comboFixtures, fixtures } from '../fixtures/index.js'
import { renderBundleFiles } from '../render/index.js'
import { guideFor } from './index.js'

/**
 * Every name a guide tells the user to create (IAM roles, users, policies, instance profiles,
 * Kubernetes Secrets) is the name the bundle's scripts and IAM files create, and the other way
 * round; every IAM document a guide shows is the bundle's file, byte for byte.
 */

const all = { ...fixtures, ...comboFixtures }
const NAME_FLAGS = /--(role-name|user-name|policy-name|instance-profile-name) '([^']+)'/g
const SECRET_CMD = /kubectl create secret (?:generic|docker-registry) '([^']+)'/g
const isPlaceholder = (v: string) => /^<.*>$/.test(v)

const guideBlocks = (config: DeploymentConfig) =>
  guideFor(config).sections.flatMap((s) => s.steps.flatMap((st) => st.blocks ?? []))

/** `readonly NAME='value'` assignments of a script, by variable name. */
const scriptVars = (text: string) =>
  new Map([...text.matchAll(/^readonly ([A-Z_]+)='([^']*)'$/gm)].map((m) => [m[1] as string, m[2] as string]))

describe.each(Object.keys(all))('%s: guides and scripts name the same things', (name) => {
  const config = DeploymentConfigSchema.parse(all[name as keyof typeof all])
  const files = renderBundleFiles(config)
  const blocks = guideBlocks(config)
  // Everything the guide says: summaries, step texts and blocks.
  const guideText = JSON.stringify(guideFor(config))
  const shell = blocks
    .filter((b) => b.kind === 'shell')
    .map((b) => b.content)
    .join('\n')
  const scripts = files.filter((f) => f.path.startsWith('scripts/'))
  const vars = scripts.map((f) => ({ path: f.path, vars: scriptVars(f.content) }))
  const scriptValues = new Set(vars.flatMap((v) => [...v.vars.values()]))

  it('every IAM and Secret name in the guide is one a script creates', () => {
    const named = [...shell.matchAll(NAME_FLAGS), ...shell.matchAll(SECRET_CMD)]
      .map((m) => m[m.length - 1] as string)
      .filter((v) => !isPlaceholder(v))
    // A name a script takes as its argument counts when the guide passes it: iam-s3-user.sh 'user'.
    const passed = (v: string) => new RegExp(`scripts/[\\w-]+\\.sh '${v}'`).test(guideText)
    for (const v of named) if (!passed(v)) expect(scriptValues, `${v} (from the guide)`).toContain(v)
  })

  it('every role, user, policy and Secret a script creates is named in the guide', () => {
    for (const { path, vars: vs } of vars)
      for (const [key, value] of vs)
        if (
          /(_POLICY|_NAME|_SECRET)$/.test(key) &&
          key !== 'CHART_NAME' &&
          !/^(REPO_NAME|RELEASE_NAME)$/.test(key)
        )
          expect(guideText, `${key}='${value}' of ${path}`).toContain(value)
  })

  it('every IAM document the guide shows or points at is the bundle file, byte for byte', () => {
    const byPath = new Map(files.map((f) => [f.path, f.content]))
    for (const b of blocks.filter((x) => x.kind === 'json' && x.label?.startsWith('iam/')))
      expect(b.content, b.label).toBe(byPath.get(b.label as string)?.trimEnd())
    for (const m of shell.matchAll(/file:\/\/(iam\/[\w.-]+\.json)/g))
      expect(byPath.has(m[1] as string), `${m[1]} (from the guide)`).toBe(true)
  })
})
