import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'

/**
 * The bundle's scripts run as a user runs them, against the test kube-apiserver of scripts/cluster
 * (the same way deploy/src/bundle-run.ts does for the deploy tests): from the unzipped folder, with
 * the cluster's kubeconfig, its helm and kubectl first on PATH, and the loopback chart repository.
 */
const run = promisify(execFile)

/** What scripts/cluster/up.sh wrote: where helm, kubectl, the kubeconfig and the chart repository are. */
export type Cluster = { KUBECONFIG: string; HELM_BIN: string; KUBECTL_BIN: string; CHART_REPO_URL: string }

export const cluster = (): Cluster => {
  const file = `${process.env.CLUSTER_DIR ?? '/tmp/portkey-setup-cluster'}/cluster.env`
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    throw new Error(`${file} is missing: run \`bash scripts/cluster/up.sh\` first`)
  }
  return Object.fromEntries(
    text
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  ) as Cluster
}

export type RunResult = { code: number; stdout: string; stderr: string }

/** Runs a command; never throws on a non-zero exit, so the test can assert on it. */
export const sh = async (
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: Record<string, string> } = {},
): Promise<RunResult> => {
  try {
    const r = await run(cmd, args, {
      cwd: opts.cwd,
      env: { ...process.env, ...opts.env },
      maxBuffer: 64 << 20,
    })
    return { code: 0, stdout: r.stdout, stderr: r.stderr }
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string }
    return {
      code: typeof err.code === 'number' ? err.code : 1,
      stdout: err.stdout ?? '',
      stderr: err.stderr ?? String(e),
    }
  }
}

export const kubectl = (args: string[]) => {
  const c = cluster()
  return sh(c.KUBECTL_BIN, args, { env: { KUBECONFIG: c.KUBECONFIG } })
}

export const helm = (args: string[]) => {
  const c = cluster()
  return sh(c.HELM_BIN, args, { env: { KUBECONFIG: c.KUBECONFIG } })
}

/** Runs scripts/<script> of the bundle unzipped at `root`; helm keeps its state beside the folder. */
export const runBundleScript = (
  root: string,
  script: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<RunResult> => {
  const c = cluster()
  const helmHome = join(dirname(root), '.helm')
  return sh('bash', [join(root, 'scripts', script), ...args], {
    cwd: dirname(root),
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

/** Applies a manifest with kubectl, as the user's own tooling would. */
export const applyObjects = async (namespace: string, text: string): Promise<void> => {
  const dir = mkdtempSync(join(tmpdir(), 'pk-e2e-apply-'))
  writeFileSync(join(dir, 'o.yaml'), text)
  const r = await kubectl(['apply', '-n', namespace, '-f', join(dir, 'o.yaml')])
  if (r.code !== 0) throw new Error(`kubectl apply failed: ${r.stderr}`)
}

/**
 * The test API server has the CSI driver's CRD and CSIDriver but no AWS provider: this stand-in
 * DaemonSet plays it so install-secrets-store-csi.sh finds one (the deploy tests use the same).
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

type SecretProviderClass = {
  spec?: { secretObjects?: { secretName: string; data?: { objectName: string; key: string }[] }[] }
}

/**
 * Writes the Secrets the CSI driver would sync while the gateway pod mounts the class: each
 * secretObject of the SecretProviderClasses on the server, filled from secrets.env (what
 * create-aws-secret.sh stores in AWS). Returns their names.
 */
export const syncLikeTheDriver = async (namespace: string, secretsEnv: string): Promise<string[]> => {
  const r = await kubectl(['get', 'secretproviderclasses', '-n', namespace, '-o', 'json'])
  if (r.code !== 0) throw new Error(`kubectl get secretproviderclasses failed: ${r.stderr}`)
  const env = new Map(
    secretsEnv
      .split('\n')
      .filter((l) => /^[A-Z_]+=/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] as [string, string]),
  )
  const objects = (JSON.parse(r.stdout) as { items: SecretProviderClass[] }).items.flatMap(
    (spc) => spc.spec?.secretObjects ?? [],
  )
  for (const so of objects)
    await applyObjects(
      namespace,
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: so.secretName },
        stringData: Object.fromEntries((so.data ?? []).map((d) => [d.key, env.get(d.objectName) ?? ''])),
      }),
    )
  return objects.map((so) => so.secretName)
}
