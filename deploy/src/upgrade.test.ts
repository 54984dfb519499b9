import { collectSecretValues } from '@portkey-setup/schema'
import type { FixtureName } from '@portkey-setup/schema/fixtures'
import { afterEach, describe, expect, it } from 'vitest'
import { runBundleScript } from './bundle-run.js'
import { type PodLike, startKubeletStandIn } from './kubelet-stand-in.js'
import {
  comparable,
  configAt,
  helmStatus,
  type Installed,
  importExport,
  installOld,
  must,
  RELEASE,
  reading,
  upgradedBundle,
  upgradeTo,
} from './upgrade-walk.js'

/**
 * The upgrade walk a user takes, on the real API server with the real controller manager (and the
 * kubelet stand-in reporting pods ready): install the old bundle, export-values.sh, import the
 * export, upgrade the config, build the new bundle, upgrade.sh. One case per layout boundary and
 * the seed's 1.0.7 -> 1.7.7, each in a namespace of its own.
 */
const RUN = Date.now().toString(36)
type Case = { from: string; to: string; fixture: FixtureName }
const WALKS: Case[] = [
  { from: '1.0.4', to: '1.0.5', fixture: 's3' },
  { from: '1.1.2', to: '1.1.3', fixture: 'data-service' },
  { from: '1.1.4', to: '1.1.5', fixture: 's3' },
  { from: '1.3.0', to: '1.3.1', fixture: 's3' },
  { from: '1.6.4', to: '1.7.0', fixture: 'secrets-existing' },
  { from: '1.7.6', to: '1.7.7', fixture: 'kubernetes-replicas-pdb-scheduling' },
  { from: '1.0.7', to: '1.7.7', fixture: 'chart-1.0.7' },
]

let running: Installed | undefined
afterEach(async () => {
  await running?.kubelet.stop()
  running = undefined
})

const timed = async <T>(t: Record<string, number>, step: string, f: () => Promise<T>): Promise<T> => {
  const t0 = performance.now()
  try {
    return await f()
  } finally {
    t[step] = Math.round(performance.now() - t0)
  }
}

describe.each(WALKS.map((c, i) => ({ ...c, i })))('upgrade $fixture from $from to $to', (c) => {
  it('install, export, import, upgrade, upgrade.sh: every object would start, nothing lost, one revision up', async () => {
    const ns = `pk-up-${RUN}-${c.i}`
    const old = configAt(c.fixture, c.from, ns)
    const t: Record<string, number> = {}
    const installed = await timed(t, 'install', () => installOld(old))
    running = installed

    const ex = await timed(t, 'export', async () =>
      must('export-values.sh', await runBundleScript(installed.bundle, 'export-values.sh')),
    )
    for (const s of collectSecretValues(old)) expect(ex.stdout, 'no secret in the export').not.toContain(s)
    expect(ex.stdout).toMatch(
      new RegExp(
        `^# portkey-setup export: 1\n# release: ${RELEASE}\n# namespace: ${ns}\n# revision: 1\n# chart-version: ${c.from.replaceAll('.', '\\.')}\n`,
      ),
    )

    expect(ex.stdout).toMatch(/^# objects: .*\bDeployment\/portkey-ai-gateway\b.*$/m)
    expect(ex.stdout).toMatch(/^# objects: .*\bService\/portkey-ai-gateway\b.*$/m)
    const imported = await importExport(ex.stdout, old)
    expect(imported.versionSource).toBe('export')
    const up = upgradeTo(imported, c.to)
    expect(up.problems).toEqual([])
    expect(up.config.chart.version).toBe(c.to)
    // Nothing the user set is lost: the same config, but for what the change list says moved.
    expect(comparable(up.config, up)).toEqual(comparable(old, up))

    const next = await timed(t, 'bundle', () => upgradedBundle(up))
    const r = await timed(t, 'upgrade.sh', () => runBundleScript(next, 'upgrade.sh', ['--timeout', '3m']))
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0)
    expect(r.stdout).toContain(`helm rollback ${RELEASE} 1 --namespace ${ns}`)
    expect(await helmStatus(ns)).toEqual({ version: 2, chart: `gateway-${c.to}` })
    expect(await reading(up.config)).toEqual([])
    // The old bundle's upgrade.sh refuses to take the release back down.
    const down = await runBundleScript(installed.bundle, 'upgrade.sh')
    expect(down.code).not.toBe(0)
    expect(down.stderr).toContain(`already runs chart ${c.to}, newer than this bundle`)
    expect(await helmStatus(ns)).toEqual({ version: 2, chart: `gateway-${c.to}` })
    console.log(`upgrade ${c.fixture} ${c.from} -> ${c.to} (ms): ${JSON.stringify(t)}`)
  })
})

describe('upgrade.sh when something goes wrong, and --diff', () => {
  const from = '1.7.6'
  const to = '1.7.7'

  it('--diff renders both sides and changes nothing; secret values stay hidden', async () => {
    const ns = `pk-up-${RUN}-diff`
    const old = configAt('s3', from, ns)
    running = await installOld(old)
    const ex = must('export-values.sh', await runBundleScript(running.bundle, 'export-values.sh'))
    const up = upgradeTo(await importExport(ex.stdout, old), to)
    const next = await upgradedBundle(up)
    const d = must('upgrade.sh --diff', await runBundleScript(next, 'upgrade.sh', ['--diff']))
    expect(d.stdout).toContain(`--- current: chart ${from}, revision 1`)
    expect(d.stdout).toContain(`+++ upgraded: chart ${to}`)
    expect(d.stdout).toContain(`-    helm.sh/chart: gateway-${from}`)
    expect(d.stdout).toContain(`+    helm.sh/chart: gateway-${to}`)
    expect(d.stdout).toContain('Nothing was changed.')
    for (const s of collectSecretValues(old)) expect(d.stdout + d.stderr).not.toContain(s)
    expect(await helmStatus(ns)).toEqual({ version: 1, chart: `gateway-${from}` })
  })

  it('pods that never become ready: helm rolls back, the script says how to go on and exits non-zero', async () => {
    const ns = `pk-up-${RUN}-atomic`
    const old = configAt('s3', from, ns)
    running = await installOld(old)
    // Only the pods of the installed revision pass their probes from now on.
    const before = new Set(running.kubelet.readied)
    await running.kubelet.stop()
    running.kubelet = startKubeletStandIn(ns, { ready: (p: PodLike) => before.has(p.metadata.name) })
    const ex = must('export-values.sh', await runBundleScript(running.bundle, 'export-values.sh'))
    const next = await upgradedBundle(upgradeTo(await importExport(ex.stdout, old), to))
    const r = await runBundleScript(next, 'upgrade.sh', ['--timeout', '25s'])
    expect(r.code).not.toBe(0)
    expect(r.stdout).toContain(`helm rollback ${RELEASE} 1 --namespace ${ns}`)
    expect(r.stderr).toContain('helm rolled release portkey-ai back')
    expect(r.stderr).toContain(`helm history ${RELEASE} --namespace ${ns}`)
    // Revision 2 failed, revision 3 is the rollback to what ran before.
    expect(await helmStatus(ns)).toEqual({ version: 3, chart: `gateway-${from}` })
    expect(await reading(old)).toEqual([])
  })
})
