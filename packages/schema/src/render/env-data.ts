import { chartDefaultEnv } from '../chart/default-env.js'
import { CHART_NAME } from '../chart/facts.js'
import { type DeploymentConfig, readsExistingSecret } from '../config/index.js'
import { isSecretEnvKey, toEnvironment } from '../env/index.js'

/**
 * environment.data as values.yaml writes it, over the chart's defaults of the chosen release.
 * - A value of null removes a default that has a value; a default that is null stays whatever the
 *   values file says, so the pod always receives it.
 * - An empty value is written as null where the default is null: the chart renders null as a real ""
 *   in its Secret, while from 1.7.0 it renders "" as a YAML null, which the next helm upgrade
 *   deletes from the Secret (the pod would then fail on a missing key).
 * - With an existing Secret the chart passes data values through toString, which turns null into
 *   "<nil>": every default that stays is set to "" instead.
 */
export type EnvData = {
  /** Keys in the order they are written; null as explained above. */
  data: Record<string, string | null>
  /** The keys the pod reads from a Secret outside the chart (existingSecret and Vault modes). */
  secretKeys: string[]
  /** Defaults the values file cannot remove: the pod gets them empty. */
  keptDefaults: string[]
  /** Defaults removed with null. */
  removed: string[]
}

/**
 * The gateway's extra variables go into environment.data, with the rest, on every chart version:
 * the extraEnv list of 1.7.0-1.7.7 is indented two spaces short of the chart's own env entries,
 * so helm cannot parse the Deployment it renders.
 */
export const extraEnvInData = (c: DeploymentConfig): Record<string, string> => c.kubernetes.extraEnv

export const envData = (c: DeploymentConfig): EnvData => {
  const defaults = chartDefaultEnv(c.chart.version)
  const env = { ...toEnvironment(c), ...extraEnvInData(c) }
  const mode = c.secrets.mode
  // AWS Secrets Manager reaches the chart as an existing Secret too (the one the CSI driver syncs).
  const existing = readsExistingSecret(c.secrets)
  const nullDefault = (k: string) => Object.hasOwn(defaults, k) && defaults[k] === null
  const data: Record<string, string | null> = {}
  const secretKeys: string[] = []
  for (const [k, v] of Object.entries(env)) {
    const outside = mode !== 'inline' && isSecretEnvKey(k)
    if (outside) secretKeys.push(k)
    // With an existing Secret, secret keys are named in secretKeys and must not be in data.
    if (outside && existing) continue
    const value = outside ? '' : v
    data[k] = value === '' && !existing && nullDefault(k) ? null : value
  }
  const keptDefaults: string[] = []
  const removed: string[] = []
  for (const [k, d] of Object.entries(defaults)) {
    if (Object.hasOwn(env, k)) continue
    if (d !== null) {
      data[k] = null
      removed.push(k)
    } else {
      keptDefaults.push(k)
      if (existing) data[k] = ''
    }
  }
  return { data, secretKeys: secretKeys.sort(), keptDefaults, removed }
}

/** Every key the pod asks the Vault-filled Secret for: the config's env and the defaults that stay. */
export const vaultSecretKeys = (c: DeploymentConfig): string[] => {
  const { keptDefaults } = envData(c)
  return [
    ...new Set([...Object.keys(toEnvironment(c)), ...Object.keys(extraEnvInData(c)), ...keptDefaults]),
  ].sort()
}

/** The Secret Vault must fill: vaultConfig.kubernetesSecret, which defaults to the chart's name. */
export const vaultSecretName = (c: DeploymentConfig): string =>
  (c.secrets.mode === 'vault' ? c.secrets.kubernetesSecret : undefined) ?? CHART_NAME
