import {
  applyObjects,
  PROVIDER_STAND_IN,
  runBundleScript as runInBundle,
} from '../../deploy/src/bundle-run.js'
import { cluster, kubectl, sh } from '../../deploy/src/cluster.js'

export { cluster, kubectl, type RunResult, sh } from '../../deploy/src/cluster.js'
/**
 * The bundle's scripts run as a user runs them, against the test kube-apiserver of scripts/cluster:
 * the deploy tests' own helpers (deploy/src/cluster.ts, bundle-run.ts), for a zip the wizard downloaded.
 */
export { applyObjects, PROVIDER_STAND_IN }

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
) => runInBundle({ dir: root, files: [] }, script, args, env)

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
