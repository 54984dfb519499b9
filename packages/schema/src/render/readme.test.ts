import { describe, expect, it } from 'vitest'
import { DEFAULT_REDIS_URL, DeploymentConfigSchema } from '../config/index.js'
import { fixtures, SENTINEL } from '../fixtures/index.js'
import { guideFor } from '../guides/index.js'
import { collectSecretValues } from '../secret-fields.js'
import { fixtureConfig, fixtureConfigs } from '../test-support/fixture-configs.js'
import { renderBundleFiles } from './index.js'
import { renderReadme } from './readme.js'
import { isDescribed } from './readme-files.js'

/** Fenced blocks as [language, content]. */
const fences = (md: string) =>
  [...md.matchAll(/^(`{3,})([a-z]+)\n([\s\S]*?)\n\1$/gm)].map((m) => [m[2] ?? '', m[3] ?? ''] as const)

/** The paths listed in the Files table. */
const listedFiles = (md: string) => {
  const table = md.slice(md.indexOf('## Files'), md.indexOf('## Steps'))
  return [...table.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1])
}

describe('renderReadme', () => {
  it.each(['s3-assume-irsa', 'mongo-tls-ca', 'secrets-existing', 'azure-entra'] as const)(
    '%s matches its snapshot',
    (name) => {
      expect(renderReadme(fixtureConfig(name))).toMatchSnapshot()
    },
  )

  it.each(fixtureConfigs())('%s: no secret value, same bytes every time', (name, config) => {
    const md = renderReadme(config)
    expect(md).not.toContain(SENTINEL)
    for (const v of collectSecretValues(fixtures[name]))
      if (v !== DEFAULT_REDIS_URL) expect(md).not.toContain(v)
    expect(renderReadme(structuredClone(config))).toBe(md)
  })

  it.each(fixtureConfigs())(
    '%s: lists exactly the files of the bundle, each with its purpose',
    (_name, config) => {
      const md = renderReadme(config)
      const bundled = renderBundleFiles(config).map((f) => f.path)
      expect(listedFiles(md).sort()).toEqual([...bundled].sort())
      for (const path of bundled) expect(isDescribed(path), path).toBe(true)
    },
  )

  it.each(fixtureConfigs())('%s: every step of the guide, in order, with its blocks', (_name, config) => {
    const md = renderReadme(config)
    const steps = guideFor(config).sections.flatMap((s) => s.steps)
    let at = 0
    for (const step of steps) {
      const heading = md.indexOf(step.title.replace(/[\\`*<>[\]|]/g, '\\$&'), at)
      expect(heading, step.id).toBeGreaterThan(at)
      at = heading
    }
    const blocks = fences(md)
    for (const [lang, content] of blocks) if (lang === 'json') expect(() => JSON.parse(content)).not.toThrow()
    const expected = steps.flatMap((s) => s.blocks.map((b) => b.content))
    // Guide blocks, then the closing "check that it works" block.
    expect(blocks.map(([, c]) => c).slice(0, expected.length)).toEqual(expected)
    expect(md).toContain('curl -fsS http://localhost:8787/v1/health')
    expect(md).toContain(`kubectl get pods --namespace ${config.chart.namespace}`)
  })

  it('escapes Markdown in user text, so a value cannot add markup or table cells', () => {
    const config = DeploymentConfigSchema.parse({
      ...fixtures.s3,
      registry: { ...fixtures.s3.registry, username: 'eve <img src=x> | **bold** `x`' },
    })
    const md = renderReadme(config)
    const row = md.split('\n').find((l) => l.startsWith('| Image registry |')) ?? ''
    expect(row).toContain('eve \\<img src=x\\> \\| \\*\\*bold\\*\\* \\`x\\`')
    expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(4)
    expect(md).not.toMatch(/(^|[^\\])<img/)
  })
})
