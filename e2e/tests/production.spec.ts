import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DeploymentConfigSchema, renderBundleFiles } from '@portkey-setup/schema'
import { fixtures, SENTINEL } from '@portkey-setup/schema/fixtures'
import { expectSafeScripts, readBundle } from '../support/bundle.js'
import {
  applyObjects,
  helm,
  kubectl,
  PROVIDER_STAND_IN,
  runBundleScript,
  sh,
  syncLikeTheDriver,
} from '../support/cluster-run.js'
import { expect, test } from '../support/fixtures.js'
import {
  choose,
  downloadBundle,
  expectNoSecretsStored,
  field,
  fillAll,
  openWizard,
  recordUrls,
  walk,
} from '../support/wizard.js'

/**
 * The production-shaped path of issue 10, typed in the wizard exactly as the `production` fixture
 * holds it (only the namespace is this run's own, since the test API server never deletes one):
 * S3 through IRSA, resources and an HPA, an Ingress with TLS, an image mirror, and the secrets in
 * AWS Secrets Manager. The downloaded zip, unzipped with the system unzip, holds exactly the files
 * the fixture renders; its scripts then install, upgrade and uninstall it on the real API server.
 */
const FX = fixtures.production
const NS = `pk-e2e-prod-${Date.now().toString(36)}`
const config = DeploymentConfigSchema.parse({ ...FX, chart: { ...FX.chart, namespace: NS } })
if (config.logStore.type !== 's3_assume' || config.logStore.auth.method !== 'irsa')
  throw new Error('the production fixture uses S3 with IRSA')
if (config.secrets.mode !== 'awsSecretsManager' || config.registry.mode !== 'create')
  throw new Error('the production fixture keeps its secrets in AWS Secrets Manager')
const LS = config.logStore
const IRSA = config.logStore.auth
const SM = config.secrets
const REGISTRY = config.registry
const SECRETS = [REGISTRY.password, config.sync.clientAuth]

const walkProduction = (page: Parameters<typeof openWizard>[0]) =>
  walk(page, {
    chart: { namespace: NS },
    registry: { mode: 'create', username: REGISTRY.username, password: REGISTRY.password },
    logStore: async (p) => {
      await choose(p, 'Amazon S3 with an IAM role')
      await fillAll(p, { Region: LS.region, Bucket: LS.bucket })
      await choose(p, 'IRSA (EKS service account)')
      await fillAll(p, {
        'Role ARN': IRSA.roleArn,
        'EKS cluster name (optional)': IRSA.clusterName ?? '',
        'OIDC provider URL (optional)': IRSA.oidcProviderUrl ?? '',
      })
    },
    sync: { clientAuth: config.sync.clientAuth, organisations: config.sync.organisations },
    steps: {
      registry: async (p) => {
        await p.getByRole('textbox', { name: /^Image mirror/ }).fill(config.images.registry ?? '')
      },
      kubernetes: async (p) => {
        const opt = (label: string) => p.getByLabel(label, { exact: false }).and(p.locator('input'))
        await opt('CPU request').fill('500m')
        await opt('Memory request').fill('512Mi')
        await opt('CPU limit').fill('2')
        await opt('Memory limit').fill('1Gi')
        await choose(p, 'Autoscaling (HorizontalPodAutoscaler)')
        await opt('Minimum replicas').fill('2')
        await opt('Maximum replicas').fill('6')
        await opt('CPU target').fill('70')
      },
      exposure: async (p) => {
        await expect(p.getByRole('radio', { name: /ClusterIP \(default\)/ })).toBeChecked()
        await p.getByRole('switch', { name: /through an Ingress/ }).click()
        await field(p, 'Host name').fill(config.exposure.ingress.enabled ? config.exposure.ingress.host : '')
        await p.getByRole('textbox', { name: /^Ingress class/ }).fill('nginx')
        await p.getByRole('textbox', { name: /^TLS Secret/ }).fill('gateway-acme-tls')
      },
      secrets: async (p) => {
        await choose(p, 'AWS Secrets Manager')
        await fillAll(p, { 'Secret name or ARN': SM.secretId, 'Secret region': SM.region })
        await p.getByRole('textbox', { name: /^Kubernetes Secret name/ }).fill(SM.syncedSecretName)
      },
    },
  })

test('production path: walked, downloaded, unzipped and run on the real API server', async ({ page }) => {
  test.setTimeout(300_000)
  const urls = recordUrls(page)
  await openWizard(page)
  await walkProduction(page)
  await expectNoSecretsStored(page, urls, SECRETS)
  const download = await downloadBundle(page)

  // The zip holds exactly what the fixture renders, file by file, with safe modes.
  const bundle = await readBundle(download)
  expectSafeScripts(bundle, SECRETS)
  const expected = renderBundleFiles(config)
  expect([...bundle.files.keys()].sort()).toEqual(expected.map((f) => f.path).sort())
  for (const f of expected) expect(bundle.files.get(f.path)?.text, f.path).toBe(f.content)

  // Unzipped with the system unzip, as a user does.
  const work = mkdtempSync(join(tmpdir(), 'pk-e2e-prod-'))
  const unzip = await sh('unzip', ['-q', await download.path(), '-d', work])
  expect(unzip.code, unzip.stderr).toBe(0)
  const root = join(work, bundle.rootDir)
  expect(readFileSync(join(root, 'values.yaml'), 'utf8')).toBe(
    expected.find((f) => f.path === 'values.yaml')?.content,
  )
  const outputs: string[] = []
  const script = async (name: string, args: string[] = []) => {
    const r = await runBundleScript(root, name, args)
    outputs.push(r.stdout, r.stderr)
    return r
  }

  // What the user does by hand first: the namespace (the scripts make nothing else by hand).
  expect((await kubectl(['create', 'namespace', NS])).code).toBe(0)
  const pull = await script('create-secret.sh')
  expect(pull.code, pull.stderr).toBe(0)
  const early = await script('install.sh')
  expect(early.code, 'install.sh refuses before the CSI driver and its AWS provider are there').not.toBe(0)
  expect(early.stderr).toContain('install-secrets-store-csi.sh')
  await applyObjects('kube-system', PROVIDER_STAND_IN)
  const csi = await script('install-secrets-store-csi.sh')
  expect(csi.code, csi.stderr).toBe(0)
  expect(csi.stdout).toContain('The AWS provider of the CSI driver is installed')
  const install = await script('install.sh')
  expect(install.code, install.stderr).toBe(0)
  expect(await syncLikeTheDriver(NS, readFileSync(join(root, 'secrets.env'), 'utf8'))).toEqual([
    SM.syncedSecretName,
  ])

  const status = JSON.parse((await helm(['status', 'portkey-ai', '-n', NS, '-o', 'json'])).stdout || '{}')
  expect(status.info?.status).toBe('deployed')

  // The server holds what was chosen: the mirror's image, the IRSA role, the HPA, the Ingress with TLS.
  const got = await kubectl([
    'get',
    'deployments,serviceaccounts,horizontalpodautoscalers,ingresses,poddisruptionbudgets',
    '-n',
    NS,
    '-o',
    'json',
  ])
  expect(got.code, got.stderr).toBe(0)
  type Obj = {
    kind: string
    metadata: { name: string; annotations?: Record<string, string> }
    // biome-ignore lint/suspicious/noExplicitAny: API server objects, checked by the assertions
    spec: any
  }
  const items = (JSON.parse(got.stdout) as { items: Obj[] }).items
  const of = (kind: string) => items.filter((o) => o.kind === kind)
  const gateway = of('Deployment').find((d) => d.metadata.name === 'portkey-ai-gateway')
  const container = gateway?.spec.template.spec.containers[0]
  expect(container.image).toMatch(/^registry\.acme\.internal:5000\/dockerhub\/portkeyai\/gateway_enterprise:/)
  expect(container.resources).toEqual({
    requests: { cpu: '500m', memory: '512Mi' },
    limits: { cpu: '2', memory: '1Gi' },
  })
  expect(gateway?.spec.replicas ?? 1, 'the HPA owns the replica count').toBeLessThanOrEqual(2)
  const sa = of('ServiceAccount').find(
    (s) => s.metadata.name === gateway?.spec.template.spec.serviceAccountName,
  )
  expect(sa?.metadata.annotations?.['eks.amazonaws.com/role-arn']).toBe(IRSA.roleArn)
  expect(of('HorizontalPodAutoscaler').map((h) => [h.spec.minReplicas, h.spec.maxReplicas])).toContainEqual([
    2, 6,
  ])
  expect(of('Ingress').flatMap((i) => i.spec.tls ?? [])).toContainEqual({
    secretName: 'gateway-acme-tls',
    hosts: ['gateway.acme.example.com'],
  })
  expect(of('PodDisruptionBudget')).toHaveLength(1)

  // Installing again is an upgrade with the same values.
  expect((await script('install.sh')).code).toBe(0)
  const again = JSON.parse((await helm(['status', 'portkey-ai', '-n', NS, '-o', 'json'])).stdout || '{}')
  expect([again.version, again.info?.status]).toEqual([2, 'deployed'])

  const gone = await script('uninstall.sh', ['--context', 'portkey-setup-test'])
  expect(gone.code, gone.stderr).toBe(0)
  expect(JSON.parse((await helm(['list', '-n', NS, '-o', 'json'])).stdout || 'null')).toEqual([])
  for (const out of outputs) expect(out).not.toContain(SENTINEL)
})
