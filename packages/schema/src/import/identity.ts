import { IRSA_ANNOTATION } from '../chart/facts.js'
import { CSI_DRIVER_NAME } from '../render/secrets-manager.js'
import { WORKLOAD_IDENTITY_CLIENT_ID, WORKLOAD_IDENTITY_USE } from '../render/values/identity.js'
import { fieldText, type ImportContext, isTrue, type Loose, own, ownArray, ownObject } from './reader.js'

/**
 * Identity and secret managers read back from values.yaml. What values.yaml holds: the CSI volume
 * (so AWS Secrets Manager was chosen), the synced Secret's name (environment.existingSecret), the
 * IRSA role and the workload identity annotation and pod label. What it cannot hold: the AWS
 * secret's name and region and a KMS key, which live in the SecretProviderClass; the importer
 * asks for them again.
 */

/** The SecretProviderClass a Secrets Store CSI volume of the gateway names, if there is one. */
export const csiProviderClass = (root: Loose): string | undefined => {
  for (const v of ownArray(root, 'volumes') ?? []) {
    const csi = ownObject(v, 'csi')
    if (own(csi, 'driver') !== CSI_DRIVER_NAME) continue
    const name = own(ownObject(csi, 'volumeAttributes'), 'secretProviderClass')
    return typeof name === 'string' ? name : ''
  }
  return undefined
}

const annotations = (ctx: ImportContext) => ownObject(ownObject(ctx.root, 'serviceAccount'), 'annotations')

/** secrets for AWS Secrets Manager, when a CSI volume of the Secrets Store driver is mounted. */
export const readSecretsManager = (
  ctx: ImportContext,
  existing: string,
  release: unknown,
): Loose | undefined => {
  const providerClass = csiProviderClass(ctx.root)
  if (providerClass === undefined) return undefined
  ctx.warn(
    ['secrets', 'secretId'],
    'The AWS secret name or ARN and its region are kept in the SecretProviderClass (secret-provider-class.yaml), not in values.yaml: enter them again.',
  )
  const own_ = typeof release === 'string' ? `${release}-aws-secrets` : undefined
  if (providerClass && own_ && providerClass !== own_)
    ctx.warn(
      ['secrets'],
      `The CSI volume names the SecretProviderClass ${providerClass}; portkey-setup names it ${own_} and writes it with the bundle.`,
    )
  const role = own(annotations(ctx), IRSA_ANNOTATION)
  const roleArn =
    role === undefined
      ? undefined
      : fieldText(ctx, role, ['secrets', 'roleArn'], `The ${IRSA_ANNOTATION} annotation`)
  return { mode: 'awsSecretsManager', syncedSecretName: existing, ...(roleArn ? { roleArn } : {}) }
}

/** The volumes portkey-setup itself writes: the Mongo CA mount and the Secrets Store CSI volume. */
export const isOwnVolume = (v: unknown) =>
  own(v, 'name') === 'shared-folder' ||
  own(v, 'name') === 'secrets-store' ||
  own(ownObject(v, 'csi'), 'driver') === CSI_DRIVER_NAME

/**
 * AKS workload identity on an Azure managed identity: the pod label or the client-id annotation.
 * Returns the flag for logStore.auth, with warnings where the two disagree with the env.
 */
export const readWorkloadIdentity = (ctx: ImportContext, clientId: unknown): boolean => {
  const label = isTrue(own(ownObject(ctx.root, 'podLabels'), WORKLOAD_IDENTITY_USE))
  const annotated = own(annotations(ctx), WORKLOAD_IDENTITY_CLIENT_ID)
  if (!label && annotated === undefined) return false
  if (!label)
    ctx.warn(
      ['logStore', 'auth', 'workloadIdentity'],
      `The service account has ${WORKLOAD_IDENTITY_CLIENT_ID} but the pods lack the ${WORKLOAD_IDENTITY_USE} label; portkey-setup writes both.`,
    )
  if (typeof annotated === 'string' && typeof clientId === 'string' && annotated !== clientId)
    ctx.warn(
      ['logStore', 'auth', 'clientId'],
      `The ${WORKLOAD_IDENTITY_CLIENT_ID} annotation (${annotated}) differs from AZURE_MANAGED_CLIENT_ID (${clientId}); the latter is kept for both.`,
    )
  return true
}
