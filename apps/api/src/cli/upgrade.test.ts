import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildBundle, DeploymentConfigSchema, readDeployment, renderValuesYaml } from '@portkey-setup/schema'
import { fixtures, SENTINEL } from '@portkey-setup/schema/fixtures'
import { describe, expect, it } from 'vitest'
import { main } from '../cli.js'
import { sink } from '../test-support/sink.js'

const dir = mkdtempSync(join(tmpdir(), 'portkey-upgrade-cli-'))
const file = (name: string, content: string | Uint8Array) => {
  writeFileSync(join(dir, name), content)
  return name
}
/** The test cluster's helm and chart repository (scripts/cluster/up.sh writes where they are). */
const clusterEnv = () =>
  Object.fromEntries(
    readFileSync('/tmp/portkey-setup-cluster/cluster.env', 'utf8')
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  )
const cli = async (args: string[], env: Record<string, string> = {}) => {
  const out = sink()
  const err = sink()
  const code = await main(args, { stdout: out.stream, stderr: err.stream, cwd: dir, env })
  return { code, stdout: out.text(), stderr: err.text() }
}
const at = (name: keyof typeof fixtures, version: string) =>
  DeploymentConfigSchema.parse({ ...fixtures[name], chart: { ...fixtures[name].chart, version } })

describe('portkey-setup upgrade', () => {
  it('moves a 1.0.7 bundle zip to the newest chart: the change list, the values diff, the new bundle', async () => {
    const input = file('old.zip', await buildBundle(at('chart-1.0.7', '1.0.7')))
    const r = await cli(['upgrade', input, '-o', 'new.zip'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Upgrade from chart 1\.0\.7 to 1\.7\.7\./)
    expect(r.stdout).toMatch(/1\.7\.7 {2}\[required\] A service account is required/)
    expect(r.stdout).toMatch(/1\.7\.0 {2}\[recreate-secret\]/)
    expect(r.stdout).toMatch(/Wrote new\.zip/)
    expect(r.stdout).not.toContain(SENTINEL)
    const written = await readDeployment(new Uint8Array(readFileSync(join(dir, 'new.zip'))))
    expect(written.version).toBe('1.7.7')
  })

  it('prints one JSON document with --json', async () => {
    const input = file('old.yaml', renderValuesYaml(at('s3', '1.6.4')))
    const r = await cli(['upgrade', input, '--to', '1.7.0', '-o', 'j.zip', '--json'])
    expect(r.code).toBe(0)
    const doc = JSON.parse(r.stdout)
    expect(doc).toMatchObject({
      from: '1.6.4',
      to: '1.7.0',
      versionSource: 'header',
      output: 'j.zip',
      problems: [],
    })
    expect(doc.changes.map((c: { at: string }) => c.at)).toContain('1.7.0')
  })

  it('asks for --from when the input does not say its version, and refuses a version that is not released', async () => {
    const bare = file('bare.yaml', renderValuesYaml(at('s3', '1.6.4')).replace(/^(#.*\n)+/, ''))
    const unknown = await cli(['upgrade', bare])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/--from <version>/)
    const given = await cli(['upgrade', bare, '--from', '1.6.4', '-o', 'g.zip'])
    expect(given.code).toBe(0)
    const bad = await cli(['upgrade', bare, '--from', '9.9.9'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--from 9\.9\.9 is not a released chart version/)
  })

  it('refuses a downgrade, naming the later releases', async () => {
    const input = file('new.yaml', renderValuesYaml(at('s3', '1.7.6')))
    const r = await cli(['upgrade', input, '--to', '1.7.0'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/not later than 1\.7\.6.*1\.7\.7/)
  })

  it('diffs the rendered objects of both releases with --manifests, through the real chart', async () => {
    const env = clusterEnv()
    const input = file('m.yaml', renderValuesYaml(at('chart-1.0.7', '1.0.7')))
    const r = await cli(
      ['upgrade', input, '--manifests', '--chart-repo', env.CHART_REPO_URL!, '-o', 'm.zip', '--json'],
      {
        HELM_BIN: env.HELM_BIN!,
      },
    )
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const diff = JSON.parse(r.stdout).manifestDiff as { object: string; change: string; details: string[] }[]
    const gateway = diff.find((d) => d.object.startsWith('Deployment/') && d.object.endsWith('-gateway'))
    expect(gateway?.details.join('\n')).toMatch(
      /image .*gateway_enterprise:1\.10\.20 -> .*gateway_enterprise:/,
    )
    expect(diff.some((d) => d.change === 'added' || d.change === 'deleted')).toBe(true)
    expect(JSON.stringify(diff)).not.toContain(SENTINEL)
  })
})
