/**
 * Bundle scripts the guides point to. The IAM policy files come from render/iam-files.ts
 * (IAM_FILES); these names match the scripts the bundle writes.
 */
export const SCRIPT_FILES = {
  install: 'scripts/install.sh',
  uninstall: 'scripts/uninstall.sh',
  portForward: 'scripts/port-forward.sh',
  createSecret: 'scripts/create-secret.sh',
  createMinioSecret: 'scripts/create-minio-secret.sh',
  iamS3User: 'scripts/iam-s3-user.sh',
  iamS3Role: 'scripts/iam-s3-role.sh',
  iamIrsa: 'scripts/iam-irsa.sh',
  iamImds: 'scripts/iam-imds.sh',
  iamBedrock: 'scripts/iam-bedrock.sh',
  iamDataService: 'scripts/iam-data-service.sh',
  createAwsSecret: 'scripts/create-aws-secret.sh',
  installSecretsStoreCsi: 'scripts/install-secrets-store-csi.sh',
} as const

export const SECRETS_ENV_FILE = 'secrets.env'
export const VALUES_FILE = 'values.yaml'
export const RESOURCES_CONFIG_FILE = 'resources-config.yaml'

/** A sentence pointing to the script that runs a step's commands for you. */
export const scriptHint = (path: string) => ` In the bundle, ${path} runs these commands for you.`
