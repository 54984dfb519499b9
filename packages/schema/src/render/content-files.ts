import type { DeploymentConfig } from '../config/index.js'
import { iamPolicyFiles } from './iam-files.js'
import { NETWORK_POLICY_PATH, renderNetworkPolicy } from './network-policy.js'
import { PDB_PATH, renderPodDisruptionBudget } from './pod-disruption-budget.js'
import { renderResourcesConfig } from './resources-config.js'
import { scriptFiles, secretFiles } from './scripts.js'
import { renderSecretProviderClass, SECRET_PROVIDER_CLASS_PATH } from './secrets-manager.js'
import { type BundleFile, FILE_MODE } from './types.js'
import { renderValuesYaml } from './values-yaml.js'

/** Sorts by path with a plain code-unit comparison, so the order never depends on a locale. */
export const byPath = (a: BundleFile, b: BundleFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)

/** Every file of the bundle but its README (which lists these), sorted by path. */
export const contentFiles = (config: DeploymentConfig): BundleFile[] => {
  const resources = renderResourcesConfig(config)
  const policy = renderNetworkPolicy(config)
  const spc = renderSecretProviderClass(config)
  const pdb = renderPodDisruptionBudget(config)
  return [
    { path: 'values.yaml', content: renderValuesYaml(config), mode: FILE_MODE },
    ...(resources === null ? [] : [{ path: 'resources-config.yaml', content: resources, mode: FILE_MODE }]),
    ...(policy === null ? [] : [{ path: NETWORK_POLICY_PATH, content: policy, mode: FILE_MODE }]),
    ...(spc === null ? [] : [{ path: SECRET_PROVIDER_CLASS_PATH, content: spc, mode: FILE_MODE }]),
    ...(pdb === null ? [] : [{ path: PDB_PATH, content: pdb, mode: FILE_MODE }]),
    ...iamPolicyFiles(config),
    ...scriptFiles(config),
    ...secretFiles(config),
  ].sort(byPath)
}
