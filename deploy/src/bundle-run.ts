import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import {
  type BundleFile,
  buildBundle,
  bundleRootDir,
  type DeploymentConfig,
  renderBundleFiles,
} from '@portkey-setup/schema'
import { cluster, kubectl, type RunResult, sh } from './cluster.js'
import type { KObject } from './objects.js'

/** A downloaded bundle, unzipped with the system unzip as a user would, with the files it holds. */
export type Unzipped = { dir: string; files: BundleFile[] }

export const unzipBundle = async (config: DeploymentConfig): Promise<Unzipped> => {
  const work = mkdtempSync(join(tmpdir(), 'pk-bundle-'))
  const zip = join(work, 'bundle.zip')
  writeFileSync(zip, await buildBundle(config))
  const r = await sh('unzip', ['-q', zip, '-d', work])
  if (r.code !== 0) throw new Error(`unzip failed: ${r.stderr}`)
  return { dir: join(work, bundleRootDir(config)), files: renderBundleFiles(config) }
}

/**
 * Runs one of the bundle's scripts as a user would: from its folder, with this cluster's kubeconfig,
 * the built helm and kubectl first on PATH, and the loopback chart repository as the override the
 * scripts document. Helm keeps its repository state in the bundle's folder, so runs never share it.
 */
export const runBundleScript = (
  b: Unzipped,
  script: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<RunResult> => {
  const c = cluster()
  const helmHome = join(dirname(b.dir), '.helm')
  return sh('bash', [join(b.dir, 'scripts', script), ...args], {
    cwd: dirname(b.dir),
    env: {
      PATH: `${dirname(c.HELM_BIN)}:${process.env.PATH ?? ''}`,
      KUBECONFIG: c.KUBECONFIG,
      PORTKEY_CHART_REPO: c.CHART_REPO_URL,
      HELM_CONFIG_HOME: join(helmHome, 'config'),
      HELM_CACHE_HOME: join(helmHome, 'cache'),
      HELM_DATA_HOME: join(helmHome, 'data'),
      ...env,
    },
  })
}

const KINDS =
  'deployments,services,serviceaccounts,secrets,configmaps,networkpolicies,statefulsets,jobs,poddisruptionbudgets,horizontalpodautoscalers,ingresses'

/** What the controller manager puts in every namespace, whatever is installed there. */
const CLUSTER_MADE = new Set(['ConfigMap/kube-root-ca.crt', 'ServiceAccount/default'])

/** Every object of those kinds in a namespace, as the API server stores it (not the cluster's own). */
export const objectsIn = async (namespace: string): Promise<KObject[]> => {
  const r = await kubectl(['get', KINDS, '-n', namespace, '-o', 'json'])
  if (r.code !== 0) throw new Error(`kubectl get failed: ${r.stderr}`)
  return (JSON.parse(r.stdout) as { items: KObject[] }).items.filter(
    (o) => !CLUSTER_MADE.has(`${o.kind}/${o.metadata.name}`),
  )
}

/** Applies manifests with kubectl into an existing namespace, as a user's own tooling (or Vault's operator) would. */
export const applyObjects = async (namespace: string, text: string): Promise<void> => {
  const dir = mkdtempSync(join(tmpdir(), 'pk-apply-'))
  writeFileSync(join(dir, 'o.yaml'), text)
  const r = await kubectl(['apply', '-n', namespace, '-f', join(dir, 'o.yaml')])
  if (r.code !== 0) throw new Error(`kubectl apply failed: ${r.stderr}`)
}

/**
 * The test API server has the CSI driver's CRD and CSIDriver but no AWS provider: this stand-in
 * DaemonSet plays it so install-secrets-store-csi.sh finds one.
 */
export const PROVIDER_STAND_IN = JSON.stringify({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'test-stand-in-provider-aws', namespace: 'kube-system' },
  spec: {
    selector: { matchLabels: { app: 'test-stand-in-provider-aws' } },
    template: {
      metadata: { labels: { app: 'test-stand-in-provider-aws' } },
      spec: { containers: [{ name: 'provider', image: 'registry.invalid/stand-in:0' }] },
    },
  },
})
