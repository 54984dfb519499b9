import type { DeploymentConfig } from '../config/index.js'
import {
  bedrockInvokePolicy,
  bedrockSeparateTrustPolicy,
  crossAccountTrustPolicy,
  dataServicePolicy,
  ec2TrustPolicy,
  irsaTrustPolicy,
  type PolicyDocument,
  partitionOf,
  partitionOfRegion,
  policyJson,
  s3ObjectAccessPolicy,
} from './iam-policies.js'
import { secretsManagerReadPolicy } from './secrets-manager.js'
import { type BundleFile, FILE_MODE } from './types.js'

/** Where each policy lands in the bundle; the IAM scripts read them from there. */
export const IAM_FILES = {
  s3Access: 'iam/s3-log-access-policy.json',
  crossAccountTrust: 'iam/s3-cross-account-trust-policy.json',
  irsaTrust: 'iam/irsa-trust-policy.json',
  ec2Trust: 'iam/ec2-trust-policy.json',
  bedrockInvoke: 'iam/bedrock-invoke-policy.json',
  bedrockTrust: 'iam/bedrock-role-trust-policy.json',
  bedrockAssume: 'iam/bedrock-assume-role-policy.json',
  dataService: 'iam/data-service-policy.json',
  secretsManagerRead: 'iam/secrets-manager-read-policy.json',
} as const

/** Names of the inline (and, for IMDS, customer-managed) policies the scripts create. */
export const IAM_POLICY_NAMES = {
  s3Access: 'portkey-log-store-access',
  bedrockInvoke: 'portkey-bedrock-invoke',
  bedrockAssume: 'portkey-bedrock-assume-role',
  dataService: 'portkey-data-service',
} as const

/** The customer-managed policy iam-imds.sh creates for the log bucket (IMDS attaches it to the node role). */
export const imdsPolicyName = (bucket: string) => `portkey-log-store-${bucket}`

export { partitionOfRegion } from './iam-policies.js'

/** Lets the principal role assume the separate Bedrock role (needed when they live in different accounts). */
const assumeRolePolicy = (roleArn: string): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: roleArn }],
})

/** Every policy document the chosen path needs, keyed by its bundle path. */
export const iamPolicyDocuments = (c: DeploymentConfig): Map<string, PolicyDocument> => {
  const docs = new Map<string, PolicyDocument>()
  const ls = c.logStore
  if (ls.type === 's3')
    docs.set(IAM_FILES.s3Access, s3ObjectAccessPolicy(ls.bucket, partitionOfRegion(ls.region)))
  if (ls.type === 's3_assume') {
    const auth = ls.auth
    const partition = auth.method === 'imds' ? partitionOfRegion(ls.region) : partitionOf(auth.roleArn)
    docs.set(IAM_FILES.s3Access, s3ObjectAccessPolicy(ls.bucket, partition))
    if (auth.method === 'access_keys')
      docs.set(
        IAM_FILES.crossAccountTrust,
        crossAccountTrustPolicy(auth.portkeyPrincipalArn, auth.externalId),
      )
    if (auth.method === 'irsa')
      docs.set(IAM_FILES.irsaTrust, irsaTrustPolicy(auth.roleArn, auth.oidcProviderUrl, c.chart.namespace))
    if (auth.method === 'imds') docs.set(IAM_FILES.ec2Trust, ec2TrustPolicy())
  }
  const b = c.bedrock
  if (b.enabled) {
    docs.set(IAM_FILES.bedrockInvoke, bedrockInvokePolicy())
    if (b.role === 'separate' && b.separateRoleArn) {
      docs.set(IAM_FILES.bedrockTrust, bedrockSeparateTrustPolicy(b.principalRoleArn, b.externalId))
      docs.set(IAM_FILES.bedrockAssume, assumeRolePolicy(b.separateRoleArn))
    }
  }
  if (c.secrets.mode === 'awsSecretsManager')
    docs.set(IAM_FILES.secretsManagerRead, secretsManagerReadPolicy(c, c.secrets))
  const d = c.dataService
  if (d.enabled) {
    const buckets = [d.finetunesBucket, ...(d.logExportsBucket ? [d.logExportsBucket] : [])]
    docs.set(IAM_FILES.dataService, dataServicePolicy([...new Set(buckets)], partitionOf(d.finetunesRoleArn)))
  }
  return docs
}

/** iam/*.json: pretty JSON with a trailing newline, sorted by path. */
export const iamPolicyFiles = (c: DeploymentConfig): BundleFile[] =>
  [...iamPolicyDocuments(c)]
    .map(([path, doc]) => ({ path, content: policyJson(doc), mode: FILE_MODE }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
