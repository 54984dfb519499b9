import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type DeploymentConfig, DeploymentConfigSchema, toEnvironment } from '@portkey-setup/schema'
import { type FixtureName, fixtures } from '@portkey-setup/schema/fixtures'
import { describe, expect, it } from 'vitest'
import {
  applyObjects,
  objectsIn,
  PROVIDER_STAND_IN,
  runBundleScript,
  type Unzipped,
  unzipBundle,
} from './bundle-run.js'
import { cluster, kubectl, sh } from './cluster.js'
import { parseManifests } from './helm.js'
import type { KObject } from './objects.js'
import { csiSyncedSecrets, readmeVaultSecret, worldFor } from './world.js'
import { readWouldStart } from './would-start.js'

/**
 * The bundle's own scripts, run as a user runs them, against the real kube-apiserver: one config per
 * secrets mode x registry mode at the seed's 1.0.7 and the newest 1.7.7, and one at each boundary
 * where the chart's layout changed. Each gets a namespace of its own (without a controller manager a
 * deleted namespace never goes away), named for this run.
 */
const RUN = Date.now().toString(36)
type Case = { fixture: FixtureName; version: string; registryExisting?: boolean }
const SEED_S3 = readFileSync(new URL('./testdata/seed-s3.yaml', import.meta.url), 'utf8')
const PER_MODE: Case[] = ['1.0.7', '1.7.7'].flatMap((version) =>
  (['s3', 'secrets-existing', 'secrets-vault', 'secrets-aws-sm'] as const).flatMap((fixture) =>
    (fixture === 'secrets-existing' || fixture === 'secrets-aws-sm') && version === '1.0.7'
      ? [] // refused: an existing Secret (and so AWS Secrets Manager) needs chart 1.3.1
      : [
          { fixture, version, registryExisting: false },
          { fixture, version, registryExisting: true },
        ],
  ),
)
const BOUNDARIES: Case[] = [
  { fixture: 'mongo-tls-ca', version: '1.0.5' },
  { fixture: 's3-assume-irsa', version: '1.0.6' },
  { fixture: 'data-service', version: '1.1.3' },
  { fixture: 'secrets-vault', version: '1.1.5' },
  { fixture: 'secrets-existing', version: '1.3.1' },
  { fixture: 'secrets-aws-sm-irsa-logstore', version: '1.3.1' },
  { fixture: 'registry-existing', version: '1.6.4' },
  { fixture: 's3', version: '1.7.0' },
  // The first chart with MinIO and Milvus; MinIO's root user from the Secret the bundle's script makes.
  { fixture: 'minio-existing-secret', version: '1.5.0' },
  { fixture: 'milvus-semantic-cache', version: '1.7.7' },
  // The bundle's own PodDisruptionBudget: applied after the chart, selecting its pods, removed on uninstall.
  { fixture: 'kubernetes-replicas-pdb-scheduling', version: '1.7.7' },
  { fixture: 'kubernetes-resources-hpa', version: '1.6.2' },
  // The production-shaped path: IRSA, an HPA, an Ingress with TLS, an image mirror, AWS Secrets Manager.
  { fixture: 'production', version: '1.7.7' },
]

const configFor = (c: Case, namespace: string): DeploymentConfig => {
  const fx = fixtures[c.fixture]
  return DeploymentConfigSchema.parse({
    ...fx,
    chart: { version: c.version, releaseName: 'portkey-ai', namespace },
    ...(c.registryExisting ? { registry: { mode: 'existing', secretName: 'acme-pull-secret' } } : {}),
  })
}

/** What the user makes by hand before installing: the pull secret they said exists, Vault's Secret. */
const userObjects = async (config: DeploymentConfig, b: Unzipped): Promise<string[]> => {
  const ns = config.chart.namespace
  const made: string[] = []
  await kubectl(['create', 'namespace', ns])
  if (config.registry.mode === 'existing') {
    const r = await kubectl([
      'create',
      'secret',
      'docker-registry',
      config.registry.secretName,
      '-n',
      ns,
      '--docker-server=registry.acme.internal',
      '--docker-username=u',
      '--docker-password=p',
    ])
    expect(r.stderr).toBe('')
    made.push(`Secret/${config.registry.secretName}`)
  }
  if (config.secrets.mode === 'vault') {
    const listed = readmeVaultSecret(b.files.find((f) => f.path === 'README.md')?.content)
    expect(listed, 'the README lists the keys of the Vault-filled Secret').toBeDefined()
    const env = toEnvironment(config)
    const data = Object.fromEntries([...(listed?.data.keys() ?? [])].map((k) => [k, env[k] ?? '']))
    await applyObjects(
      ns,
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: listed?.name },
        stringData: data,
      }),
    )
    made.push(`Secret/${listed?.name}`)
  }
  return made
}

/**
 * The cluster side of AWS Secrets Manager without AWS: the test API server has the driver's CRD and
 * CSIDriver (scripts/cluster/external-apis.yaml); PROVIDER_STAND_IN plays the AWS provider; after install.sh the Secret the driver would sync (the
 * SecretProviderClass on the server, the values of secrets.env) is written as the driver writes it.
 */

const syncLikeTheDriver = async (config: DeploymentConfig, b: Unzipped): Promise<string[]> => {
  const ns = config.chart.namespace
  const r = await kubectl(['get', 'secretproviderclasses', '-n', ns, '-o', 'json'])
  expect(r.code, r.stderr).toBe(0)
  const classes = (JSON.parse(r.stdout) as { items: KObject[] }).items
  const env = new Map(
    (b.files.find((f) => f.path === 'secrets.env')?.content ?? '')
      .split('\n')
      .filter((l) => /^[A-Z_]+=/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] as [string, string]),
  )
  const synced = csiSyncedSecrets([...(await objectsIn(ns)), ...classes], env)
  expect(synced.length, 'the gateway pod mounts the class, so the driver syncs its Secret').toBe(1)
  for (const s of synced)
    await applyObjects(
      ns,
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: s.name },
        stringData: Object.fromEntries([...s.data].map(([k, v]) => [k, v ?? ''])),
      }),
    )
  return synced.map((s) => `Secret/${s.name}`)
}

const reading = async (config: DeploymentConfig) =>
  readWouldStart(await worldFor(config, await objectsIn(config.chart.namespace), [])).map(
    (f) => `${f.object}: ${f.problem}`,
  )

const helmJson = async (args: string[]) => {
  const c = cluster()
  const r = await sh(c.HELM_BIN, [...args, '-o', 'json'], { env: { KUBECONFIG: c.KUBECONFIG } })
  return JSON.parse(r.stdout || 'null')
}

describe.each([...PER_MODE, ...BOUNDARIES].map((c, i) => ({ ...c, i })))(
  'the bundle of $fixture at chart $version (registry existing: $registryExisting)',
  (c) => {
    it('create-secret, install, install again, uninstall: every object accepted and ready to start', async () => {
      const ns = `pk-${RUN}-${c.i}`
      const config = configFor(c, ns)
      const b = await unzipBundle(config)
      const own = await userObjects(config, b)

      if (b.files.some((f) => f.path === 'scripts/create-secret.sh')) {
        const r = await runBundleScript(b, 'create-secret.sh')
        expect(r.stderr, r.stdout).toBe('')
        expect(r.code).toBe(0)
      }
      const ls = config.logStore
      if (ls.type === 'minio' && ls.credentials.source === 'existingSecret') {
        const env = { MINIO_ROOT_USER: ls.accessKey, MINIO_ROOT_PASSWORD: ls.secretKey }
        const r = await runBundleScript(b, 'create-minio-secret.sh', [], env)
        expect(r.code, r.stderr).toBe(0)
        expect(r.stdout + r.stderr).not.toContain(ls.secretKey)
        // Run again: it updates the Secret in place.
        expect((await runBundleScript(b, 'create-minio-secret.sh', [], env)).code).toBe(0)
        own.push(`Secret/${ls.credentials.secretName}`)
      }
      const csi = b.files.some((f) => f.path === 'scripts/install-secrets-store-csi.sh')
      if (csi) {
        const before = await runBundleScript(b, 'install.sh')
        expect(before.code, 'install.sh refuses before the SecretProviderClass exists').not.toBe(0)
        expect(before.stderr).toContain('install-secrets-store-csi.sh')
        await applyObjects('kube-system', PROVIDER_STAND_IN)
        const r = await runBundleScript(b, 'install-secrets-store-csi.sh')
        expect(r.stderr, r.stdout).toBe('')
        expect(r.code).toBe(0)
        expect(r.stdout).toContain('The Secrets Store CSI driver is installed')
        expect(r.stdout).toContain('The AWS provider of the CSI driver is installed')
      }
      const first = await runBundleScript(b, 'install.sh')
      expect(first.code, first.stderr).toBe(0)
      if (csi) own.push(...(await syncLikeTheDriver(config, b)))
      // Every object Helm rendered is on the server, and the server's objects would start.
      const manifest = await sh(cluster().HELM_BIN, ['get', 'manifest', 'portkey-ai', '-n', ns], {
        env: { KUBECONFIG: cluster().KUBECONFIG },
      })
      const onServer = new Set((await objectsIn(ns)).map((o) => `${o.kind}/${o.metadata.name}`))
      for (const o of parseManifests(manifest.stdout))
        expect(onServer, `${o.kind}/${o.metadata.name}`).toContain(`${o.kind}/${o.metadata.name}`)
      expect(await reading(config)).toEqual([])

      // A second install is a helm upgrade with the same values: nothing may vanish from a Secret.
      // This time the mirror comes as the documented flag, with the variable pointing nowhere.
      const again = await runBundleScript(b, 'install.sh', ['--chart-repo', cluster().CHART_REPO_URL], {
        PORTKEY_CHART_REPO: 'http://127.0.0.1:9/none',
      })
      expect(again.code, again.stderr).toBe(0)
      expect((await helmJson(['status', 'portkey-ai', '-n', ns])).version).toBe(2)
      expect(await reading(config)).toEqual([])

      const wrong = await runBundleScript(b, 'uninstall.sh', ['--context', 'no-such-context'])
      expect(wrong.code).not.toBe(0)
      const gone = await runBundleScript(b, 'uninstall.sh', ['--context', 'portkey-setup-test'])
      expect(gone.code, gone.stderr).toBe(0)
      expect(await helmJson(['list', '-n', ns])).toEqual([])
      const left = (await objectsIn(ns))
        .map((o) => `${o.kind}/${o.metadata.name}`)
        .filter((k) => !own.includes(k))
      expect(left).toEqual([])
    })
  },
)

describe('what only a real API server shows', () => {
  it('the seed bundle on 1.7.7: the second helm upgrade deletes the empty REDIS_MODE from the chart Secret', async () => {
    const ns = `pk-${RUN}-seed`
    const config = configFor({ fixture: 's3', version: '1.7.7' }, ns)
    const dir = mkdtempSync(join(tmpdir(), 'pk-seed-'))
    writeFileSync(join(dir, 'values.yaml'), SEED_S3)
    const c = cluster()
    const helm = (args: string[]) => sh(c.HELM_BIN, args, { env: { KUBECONFIG: c.KUBECONFIG } })
    const upgrade = [
      'upgrade',
      '--install',
      'portkey-ai',
      `${c.CHARTS_DIR}/gateway-1.7.7.tgz`,
      '-f',
      join(dir, 'values.yaml'),
      '-n',
      ns,
      '--create-namespace',
    ]
    expect((await helm(upgrade)).code).toBe(0)
    const secretKeys = async () =>
      Object.keys(
        JSON.parse((await kubectl(['get', 'secret', 'portkey-ai-gateway', '-n', ns, '-o', 'json'])).stdout)
          .data ?? {},
      )
    expect(await secretKeys()).toContain('REDIS_MODE')
    expect((await helm(upgrade)).code).toBe(0)
    expect(await secretKeys()).not.toContain('REDIS_MODE')
    expect(await reading(config)).toContain(
      'Deployment portkey-ai-gateway container gateway: env REDIS_MODE reads key REDIS_MODE of Secret portkey-ai-gateway, which it lacks',
    )
    await helm(['uninstall', 'portkey-ai', '-n', ns])
  })
})
