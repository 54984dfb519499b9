import type { Choice } from '../../components/choice-cards'

export const LOG_STORE_CHOICES: Choice[] = [
  {
    value: 's3',
    title: 'Amazon S3 with access keys',
    when: 'The simplest choice on AWS when an access key pair may live in the cluster.',
  },
  {
    value: 's3_assume',
    title: 'Amazon S3 with an IAM role',
    when: 'Choose this on AWS when keys must not sit in the cluster: a cross-account role, IRSA or the node role.',
  },
  {
    value: 'mongo',
    title: 'MongoDB or Amazon DocumentDB',
    when: 'Choose this if you already run MongoDB or DocumentDB and want the logs there.',
  },
  {
    value: 'azure',
    title: 'Azure Blob Storage',
    when: 'Choose this on Azure: a storage key, a managed identity or an Entra app.',
  },
  {
    value: 'gcs',
    title: 'Google Cloud Storage',
    when: 'Choose this on Google Cloud, using HMAC keys of a service account.',
  },
  {
    value: 'wasabi',
    title: 'Wasabi',
    when: 'Choose this for low-cost S3-compatible storage with an access key.',
  },
  {
    value: 'netapp',
    title: 'NetApp S3',
    when: 'Choose this for on-premises StorageGRID or ONTAP S3 behind your own endpoint.',
  },
]

export const S3_ASSUME_CHOICES: Choice[] = [
  {
    value: 'access_keys',
    title: 'Keys from Portkey assume your role',
    when: 'Choose this when Portkey gave you keys and an ExternalId; works wherever the gateway runs.',
  },
  {
    value: 'irsa',
    title: 'IRSA (EKS service account)',
    when: 'Choose this on EKS with an OIDC provider: the pod gets the role, no keys at all.',
  },
  {
    value: 'imds',
    title: 'Node instance role (IMDS)',
    when: 'Choose this on EC2 nodes without IRSA: the gateway uses the instance profile.',
  },
]

export const AZURE_AUTH_CHOICES: Choice[] = [
  {
    value: 'key',
    title: 'Storage account key',
    when: 'The simplest choice when shared-key access is allowed on the account.',
  },
  {
    value: 'managed',
    title: 'Managed identity',
    when: 'Choose this on AKS or Azure VMs with a managed identity: no secret to store.',
  },
  {
    value: 'entra',
    title: 'Entra ID app',
    when: 'Choose this when shared keys are off and no managed identity is available.',
  },
]
