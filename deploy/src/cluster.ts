import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** What scripts/cluster/up.sh wrote: where helm, kubectl, the kubeconfig and the chart repository are. */
export type Cluster = {
  KUBECONFIG: string
  HELM_BIN: string
  KUBECTL_BIN: string
  CHART_REPO_URL: string
  CHARTS_DIR: string
}

export const cluster = (): Cluster => {
  const file = `${process.env.CLUSTER_DIR ?? '/tmp/portkey-setup-cluster'}/cluster.env`
  const env = Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  )
  return env as Cluster
}

export const chartTgz = (version: string) => `${cluster().CHARTS_DIR}/gateway-${version}.tgz`

export type RunResult = { code: number; stdout: string; stderr: string }

/** Runs a command; never throws on a non-zero exit, so tests can assert on it. */
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
