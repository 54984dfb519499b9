import type { DeploymentConfig } from '../config/index.js'
import { exportValuesScript } from './scripts/export-values.js'
import { installScript, portForwardScript, uninstallScript } from './scripts/helm.js'
import { logStoreIamScripts } from './scripts/iam-log-store.js'
import { serviceIamScripts } from './scripts/iam-services.js'
import { minioSecretScript } from './scripts/minio-secret.js'
import { createSecretScript, secretsEnvFile } from './scripts/secrets.js'
import { secretsManagerScripts } from './scripts/secrets-manager.js'
import { upgradeScript } from './scripts/upgrade.js'
import type { BundleFile } from './types.js'

export { gatewayDeploymentName, type SecretsPlan, secretsPlan } from './scripts/common.js'
export { EXPORT_MAGIC, secretValueKeys } from './scripts/export-values.js'
export { RESOURCES_CONFIG_PATH, VALUES_PATH } from './scripts/helm.js'
export { REGISTRY_ENV_KEYS, SECRETS_ENV_PATH, secretsEnvEntries } from './scripts/secrets.js'

/** Every script of the bundle (mode 0755): install, upgrade, export, uninstall, port-forward, IAM steps, create-secret. */
export const scriptFiles = (c: DeploymentConfig): BundleFile[] => [
  installScript(c),
  upgradeScript(c),
  exportValuesScript(c),
  uninstallScript(c),
  portForwardScript(c),
  ...logStoreIamScripts(c),
  ...serviceIamScripts(c),
  ...createSecretScript(c),
  ...minioSecretScript(c),
  ...secretsManagerScripts(c),
]

/** secrets.env (mode 0600) when create-secret.sh needs it. */
export const secretFiles = (c: DeploymentConfig): BundleFile[] => secretsEnvFile(c)
