import { S3AssumeAccessKeysSchema, S3AssumeLogStoreSchema } from '../config/log-store.js'
import { IAM_FILES, IAM_POLICY_NAMES } from '../render/iam-files.js'
import { crossAccountTrustPolicy, partitionOf } from '../render/iam-policies.js'
import { json, q, section, shell, step } from './blocks.js'
import { SCRIPT_FILES, scriptHint } from './files.js'
import { s3BucketStep, s3PolicyBlock } from './s3.js'
import { imdsSteps } from './s3-imds.js'
import { irsaSteps } from './s3-irsa.js'
import type { AssumeTarget, GuideSection, GuideStep } from './types.js'
import { isPlaceholder, pick, type Rec, rec, roleName, type View, valid } from './view.js'

/** What every s3_assume method shares: the bucket, its region and the object policy. */
const accessKeysSteps = (t: AssumeTarget, auth: Rec): GuideStep[] => {
  const shape = S3AssumeAccessKeysSchema.shape
  const roleArn = pick(shape.roleArn, auth.roleArn, 'role-arn')
  const name = roleName(roleArn)
  const externalId = pick(shape.externalId, auth.externalId, 'external-id')
  const principal = valid(shape.portkeyPrincipalArn, auth.portkeyPrincipalArn)
  const partition = isPlaceholder(roleArn) ? undefined : partitionOf(roleArn)
  const pickId = isPlaceholder(externalId)
    ? ' No ExternalId yet? Make one up, for example with openssl rand -hex 16, and enter it in portkey-setup.'
    : ''
  const pickPrincipal = principal
    ? ''
    : ' Portkey shares the ARN of its AWS principal; enter it in portkey-setup to fill the trust policy.'
  return [
    t.bucketStep,
    step(
      'logStore.s3_assume.access_keys.role',
      'Create the role Portkey assumes',
      `Portkey's keys sign in to Portkey's own AWS account and then assume this role in yours. The trust policy lets only Portkey's principal do that, and only when it presents the ExternalId ${externalId}, so nobody else can borrow the role.${pickId}${pickPrincipal}${scriptHint(SCRIPT_FILES.iamS3Role)}`,
      [
        json(IAM_FILES.crossAccountTrust, crossAccountTrustPolicy(principal, externalId)),
        shell(
          'Create the role',
          `aws iam create-role --role-name ${q(name)} \\`,
          `  --assume-role-policy-document file://${IAM_FILES.crossAccountTrust}`,
        ),
      ],
      [
        {
          label: 'AWS: cross-account access with an external ID',
          url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html',
        },
      ],
    ),
    step(
      'logStore.s3_assume.access_keys.policy',
      'Let the role read and write the bucket',
      `The role needs nothing beyond getting and putting objects in ${t.bucket}. Afterwards, copy the role ARN into portkey-setup (LOG_STORE_AWS_ROLE_ARN).`,
      [
        s3PolicyBlock(t.bucket, t.region, partition),
        shell(
          'Attach the policy and print the role ARN',
          `aws iam put-role-policy --role-name ${q(name)} --policy-name ${q(IAM_POLICY_NAMES.s3Access)} \\`,
          `  --policy-document file://${IAM_FILES.s3Access}`,
          `aws iam get-role --role-name ${q(name)} --query Role.Arn --output text`,
        ),
      ],
    ),
  ]
}

const METHODS = {
  access_keys: 'Portkey keys assume a role in your account',
  irsa: 'IRSA (IAM role for the service account)',
  imds: 'EC2 instance role through IMDS',
} as const

export const s3AssumeGuide = (v: View, ls: Rec): GuideSection => {
  const bucket = pick(S3AssumeLogStoreSchema.shape.bucket, ls.bucket, 'bucket')
  const region = pick(S3AssumeLogStoreSchema.shape.region, ls.region, 'region')
  const auth = rec(ls.auth)
  const method = auth.method
  const where = `Logs go to S3 bucket ${bucket} in ${region}`
  const t: AssumeTarget = {
    bucket,
    region,
    bucketStep: s3BucketStep(
      'logStore.s3_assume.bucket',
      bucket,
      region,
      'The gateway writes one object per logged request.',
    ),
  }
  if (method === 'access_keys') {
    const arn = pick(S3AssumeAccessKeysSchema.shape.roleArn, auth.roleArn, 'role-arn')
    return section(
      'logStore',
      's3_assume/access_keys',
      `Log store: Amazon S3, ${METHODS.access_keys}`,
      `${where}; long-term keys from Portkey assume ${arn}, which checks an ExternalId.`,
      accessKeysSteps(t, auth),
    )
  }
  if (method === 'irsa') {
    const { summary, steps } = irsaSteps(v, t, auth)
    return section(
      'logStore',
      's3_assume/irsa',
      `Log store: Amazon S3, ${METHODS.irsa}`,
      `${where}; ${summary}`,
      steps,
    )
  }
  if (method === 'imds') {
    const { summary, steps } = imdsSteps(t, auth)
    return section(
      'logStore',
      's3_assume/imds',
      `Log store: Amazon S3, ${METHODS.imds}`,
      `${where}; ${summary}`,
      steps,
    )
  }
  return section(
    'logStore',
    's3_assume',
    'Log store: Amazon S3 with an assumed role',
    `${where}; choose how the gateway gets the role: Portkey keys, IRSA or IMDS.`,
  )
}
