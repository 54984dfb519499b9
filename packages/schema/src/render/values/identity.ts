import { IRSA_ANNOTATION } from '../../chart/facts.js'
import { type DeploymentConfig, gatewayRoleArn, workloadIdentityClientId } from '../../config/index.js'
import { logStoreChoice } from '../choices.js'
import {
  awsSecretsManagerOf,
  CSI_DRIVER_NAME,
  CSI_MOUNT_PATH,
  CSI_VOLUME_NAME,
  secretProviderClassName,
} from '../secrets-manager.js'
import { bool, type Entry, entry, map, str, type YamlNode } from '../yaml-doc.js'

/**
 * What identity and secret managers add to values.yaml: service-account annotations (IRSA,
 * AKS workload identity), pod labels, and the CSI volume that makes the Secrets Store driver sync.
 */

/** Annotation AKS workload identity reads for the identity a service account's pods get. */
export const WORKLOAD_IDENTITY_CLIENT_ID = 'azure.workload.identity/client-id'
/** Pod label the workload identity webhook looks for before it injects the token. */
export const WORKLOAD_IDENTITY_USE = 'azure.workload.identity/use'

/** serviceAccount.annotations of the gateway, in a fixed order. */
export const identityServiceAccountAnnotations = (c: DeploymentConfig): [string, string][] => {
  const out: [string, string][] = []
  const role = gatewayRoleArn(c)
  if (role) out.push([IRSA_ANNOTATION, role])
  const clientId = workloadIdentityClientId(c)
  if (clientId) out.push([WORKLOAD_IDENTITY_CLIENT_ID, clientId])
  return out
}

/** podLabels of the gateway pod. */
export const identityPodLabels = (c: DeploymentConfig): [string, string][] =>
  workloadIdentityClientId(c) ? [[WORKLOAD_IDENTITY_USE, 'true']] : []

/** Why the service account carries what it does, for the comment above it. */
export const identityServiceAccountComment = (c: DeploymentConfig): string[] | undefined => {
  const lines: string[] = []
  const role = gatewayRoleArn(c)
  const sm = awsSecretsManagerOf(c)
  const lsIrsa = c.logStore.type === 's3_assume' && c.logStore.auth.method === 'irsa'
  if (lsIrsa)
    lines.push(
      `${logStoreChoice(c)}.`,
      'The README leaves this annotation out, but IRSA does not work without it: EKS hands the',
      'role named here to the pods of this service account.',
    )
  if (sm && role)
    lines.push(
      lsIrsa
        ? 'The same role reads the AWS Secrets Manager secret: a pod has one service account, so one role.'
        : 'IRSA: EKS hands this role to the gateway pods; it reads the AWS Secrets Manager secret.',
    )
  if (workloadIdentityClientId(c))
    lines.push(
      'AKS workload identity: pods of this service account get the managed identity with this client id',
      '(its federated credential names this service account).',
    )
  return lines.length ? lines : undefined
}

const stringPairs = (pairs: [string, string][]): YamlNode => map(...pairs.map(([k, v]) => entry(k, str(v))))

/** serviceAccount.annotations as an entry, or undefined when there are none. */
export const identityAnnotationsEntry = (c: DeploymentConfig): Entry | undefined => {
  const pairs = identityServiceAccountAnnotations(c)
  return pairs.length ? entry('annotations', stringPairs(pairs)) : undefined
}

/** podLabels for the workload identity webhook. */
export const identityPodLabelEntries = (c: DeploymentConfig): Entry[] => {
  const labels = identityPodLabels(c)
  if (!labels.length) return []
  return [
    entry(
      'podLabels',
      stringPairs(labels),
      'The workload identity webhook injects the Azure token only into pods with this label.',
      true,
    ),
  ]
}

/** The CSI volume (the Secrets Store driver syncs the Secret only while a pod mounts it), or none. */
export const secretsStoreVolume = (
  c: DeploymentConfig,
): { volume: YamlNode; mount: YamlNode } | undefined => {
  if (!awsSecretsManagerOf(c)) return undefined
  return {
    volume: map(
      entry('name', str(CSI_VOLUME_NAME)),
      entry(
        'csi',
        map(
          entry('driver', str(CSI_DRIVER_NAME)),
          entry('readOnly', bool(true)),
          entry('volumeAttributes', map(entry('secretProviderClass', str(secretProviderClassName(c))))),
        ),
      ),
    ),
    mount: map(
      entry('name', str(CSI_VOLUME_NAME)),
      entry('mountPath', str(CSI_MOUNT_PATH)),
      entry('readOnly', bool(true)),
    ),
  }
}
