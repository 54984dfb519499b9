/**
 * IAM policy documents as data. The bundle writes them as iam/*.json and the guides show them
 * inline, so both come from these builders with the user's names filled in.
 */
export type PolicyDocument = { Version: '2012-10-17'; Statement: Record<string, unknown>[] }

const doc = (...Statement: Record<string, unknown>[]): PolicyDocument => ({
  Version: '2012-10-17',
  Statement,
})

/** Placeholder used where the config does not (yet) know a value; scripts refuse to run with it. */
export const placeholder = (name: string) => `<${name}>`

/** The account id inside a role ARN. */
export const accountIdOf = (arn: string) =>
  /^arn:aws[a-z-]*:iam::(\d{12}):/.exec(arn)?.[1] ?? placeholder('account-id')
/** The partition (aws, aws-cn, aws-us-gov) of an ARN. */
export const partitionOf = (arn: string) => /^arn:(aws[a-z-]*):/.exec(arn)?.[1] ?? 'aws'
/** The partition of a region's ARNs: China and GovCloud regions have their own. */
export const partitionOfRegion = (region: string) =>
  region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws'
/** The role name inside a role ARN (after the last /). */
export const roleNameOf = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1)

/** Object access the gateway needs on the log bucket: exactly what the README grants. */
export const s3ObjectAccessPolicy = (bucket: string, partition = 'aws'): PolicyDocument =>
  doc({
    Effect: 'Allow',
    Action: ['s3:GetObject', 's3:PutObject'],
    Resource: [`arn:${partition}:s3:::${bucket}`, `arn:${partition}:s3:::${bucket}/*`],
  })

/** Trust for method 1: the Portkey principal may assume the role only with the ExternalId. */
export const crossAccountTrustPolicy = (
  portkeyPrincipalArn: string | undefined,
  externalId: string,
): PolicyDocument =>
  doc({
    Effect: 'Allow',
    Principal: { AWS: portkeyPrincipalArn ?? placeholder('arn-shared-by-portkey') },
    Action: 'sts:AssumeRole',
    Condition: { StringEquals: { 'sts:ExternalId': externalId } },
  })

/** The OIDC provider id as IAM names it: the issuer URL without https://. */
export const oidcProviderId = (issuerUrl: string | undefined) =>
  issuerUrl ? issuerUrl.replace(/^https:\/\//, '').replace(/\/$/, '') : placeholder('oidc-provider')

/** Trust for IRSA: service accounts of the gateway namespace, through the cluster's OIDC provider. */
export const irsaTrustPolicy = (
  roleArn: string,
  issuerUrl: string | undefined,
  namespace: string,
): PolicyDocument => {
  const provider = oidcProviderId(issuerUrl)
  return doc({
    Effect: 'Allow',
    Principal: {
      Federated: `arn:${partitionOf(roleArn)}:iam::${accountIdOf(roleArn)}:oidc-provider/${provider}`,
    },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: {
      StringEquals: { [`${provider}:aud`]: 'sts.amazonaws.com' },
      StringLike: { [`${provider}:sub`]: `system:serviceaccount:${namespace}:*` },
    },
  })
}

/** Trust for IMDS: EC2 instances (through an instance profile) may assume the role. */
export const ec2TrustPolicy = (): PolicyDocument =>
  doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' })

/** What the gateway needs to call Bedrock models. */
export const bedrockInvokePolicy = (): PolicyDocument =>
  doc({
    Effect: 'Allow',
    Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
    Resource: '*',
  })

/** Trust of a separate Bedrock role: the principal role may assume it (with the ExternalId when set). */
export const bedrockSeparateTrustPolicy = (principalRoleArn: string, externalId?: string): PolicyDocument =>
  doc({
    Effect: 'Allow',
    Principal: { AWS: [principalRoleArn] },
    Action: 'sts:AssumeRole',
    ...(externalId ? { Condition: { StringEquals: { 'sts:ExternalId': externalId } } } : {}),
  })

/** Finetunes and log exports: object access plus listing on the data service buckets. */
export const dataServicePolicy = (buckets: string[], partition = 'aws'): PolicyDocument =>
  doc(
    {
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      Resource: buckets.map((b) => `arn:${partition}:s3:::${b}/*`),
    },
    {
      Effect: 'Allow',
      Action: ['s3:ListBucket'],
      Resource: buckets.map((b) => `arn:${partition}:s3:::${b}`),
    },
  )

/** Stable, readable JSON for a policy file. */
export const policyJson = (p: PolicyDocument) => `${JSON.stringify(p, null, 2)}\n`
