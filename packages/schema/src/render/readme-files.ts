import type { DeploymentConfig } from '../config/index.js'
import { contentFiles } from './content-files.js'
import { IAM_FILES } from './iam-files.js'
import { NETWORK_POLICY_PATH } from './network-policy.js'
import { PDB_PATH } from './pod-disruption-budget.js'
import type { BundleFile } from './types.js'

/** What each bundle file is for, in a sentence. */
const IAM_PURPOSES: Record<string, string> = {
  [IAM_FILES.s3Access]: 'Read and write access to the log bucket, nothing more.',
  [IAM_FILES.crossAccountTrust]:
    'Trust policy of the log store role: Portkey’s principal may assume it with your ExternalId.',
  [IAM_FILES.irsaTrust]:
    'Trust policy of the IRSA role: service accounts of the gateway namespace, through the cluster’s OIDC provider.',
  [IAM_FILES.ec2Trust]: 'Trust policy of the instance role: EC2 may assume it.',
  [IAM_FILES.bedrockInvoke]: 'Lets a role invoke Amazon Bedrock models.',
  [IAM_FILES.bedrockTrust]: 'Trust policy of the separate Bedrock role: the principal role may assume it.',
  [IAM_FILES.bedrockAssume]: 'Lets the principal role assume the separate Bedrock role.',
  [IAM_FILES.dataService]: 'Access of the data service role to the finetunes and log export buckets.',
  [IAM_FILES.secretsManagerRead]:
    'Lets the IRSA role read the gateway’s Secrets Manager secret (and decrypt it with its KMS key), nothing more.',
}

const PURPOSES: Record<string, string> = {
  'README.md': 'This guide.',
  'values.yaml': 'Helm values for the gateway chart, with a comment on each choice.',
  'resources-config.yaml': 'ConfigMap with the Mongo CA certificate; applied before the chart.',
  [NETWORK_POLICY_PATH]:
    'NetworkPolicy that lets only the gateway reach the in-cluster Redis, which this chart version puts on a NodePort.',
  [PDB_PATH]:
    'PodDisruptionBudget that keeps all but one gateway pod running during node drains; applied after the chart.',
  'secrets.env':
    'Secret values the create scripts read (create-secret.sh, create-aws-secret.sh), one KEY=value per line. Keep it private.',
  'secret-provider-class.yaml':
    'SecretProviderClass: the CSI driver copies the AWS secret into the Kubernetes Secret the chart reads.',
  'scripts/create-aws-secret.sh':
    'Creates or updates the AWS Secrets Manager secret from secrets.env and lets the IRSA role read it.',
  'scripts/install-secrets-store-csi.sh':
    'Installs the Secrets Store CSI driver and its AWS provider when missing, then applies the SecretProviderClass.',
  'scripts/install.sh':
    'Checks the prerequisites, then installs or upgrades the release (pinned chart version).',
  'scripts/upgrade.sh':
    'Upgrades the running release to this bundle (preflight, helm upgrade --atomic, verify); --diff shows the manifest diff first.',
  'scripts/export-values.sh':
    'Prints the running release (values without secrets, chart version, revision, objects) for portkey-setup to upgrade from.',
  'scripts/uninstall.sh': 'Removes the release, with the same release name and namespace as install.sh.',
  'scripts/port-forward.sh': 'Forwards localhost:8787 to the gateway for a quick test.',
  'scripts/create-secret.sh': 'Creates the Kubernetes Secrets from secrets.env; run it before install.sh.',
  'scripts/create-minio-secret.sh':
    'Creates the Secret the chart\u2019s MinIO takes its root user from (it asks for the user and password); run it before install.sh.',
  'scripts/iam-s3-user.sh': 'Gives the IAM user that owns the access key the bucket policy.',
  'scripts/iam-s3-role.sh': 'Creates the role Portkey assumes and grants it the log bucket.',
  'scripts/iam-irsa.sh':
    'Registers the cluster’s OIDC provider if needed and creates the IRSA role with the bucket policy.',
  'scripts/iam-imds.sh': 'Creates the instance role, its bucket policy and the instance profile.',
  'scripts/iam-bedrock.sh': 'Grants Bedrock access to the principal role or the separate role.',
  'scripts/iam-data-service.sh': 'Grants the data service role its buckets.',
  ...IAM_PURPOSES,
}

export type ReadmeFile = { path: string; purpose: string }

/** The bundle's files: README.md first, then the rest by path (pass them when already rendered). */
export const readmeFiles = (c: DeploymentConfig, files: BundleFile[] = contentFiles(c)): ReadmeFile[] =>
  ['README.md', ...files.map((f) => f.path)].map((path) => ({
    path,
    purpose: PURPOSES[path] ?? 'Part of the bundle.',
  }))

/** Whether a path has its own description (a test keeps every bundle file described). */
export const isDescribed = (path: string) => path in PURPOSES
