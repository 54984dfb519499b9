import { S3AssumeImdsSchema } from '../config/log-store.js'
import { IAM_FILES, partitionOfRegion } from '../render/iam-files.js'
import { ec2TrustPolicy } from '../render/iam-policies.js'
import { json, q, shell, step } from './blocks.js'
import { SCRIPT_FILES, scriptHint } from './files.js'
import { s3PolicyBlock } from './s3.js'
import type { AssumeTarget, GuideStep } from './types.js'
import { isPlaceholder, pick, type Rec } from './view.js'

const IMDS_DOCS =
  'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-options.html'
const PROFILE_DOCS =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html'

/** IMDS: an EC2 role with the S3 policy, reached by the pods through the node's instance profile. */
export const imdsSteps = (t: AssumeTarget, auth: Rec) => {
  const name = pick(S3AssumeImdsSchema.shape.roleName, auth.roleName, 'role-name')
  const v1 = auth.imdsV1 === true
  const partition = isPlaceholder(t.region) ? 'aws' : partitionOfRegion(t.region)
  // Named after the bucket, as scripts/iam-imds.sh names it, so both create the same policy.
  const policy = `portkey-log-store-${t.bucket}`
  const launchData = JSON.stringify({ IamInstanceProfile: { Name: name } })

  const steps: GuideStep[] = [
    t.bucketStep,
    step(
      'logStore.s3_assume.imds.role',
      'Create the instance role',
      `The gateway asks the node's metadata service (IMDS) for credentials, so the role must trust EC2. On EKS node groups the nodes already have a role: you can skip this step and use that role's name below.${scriptHint(SCRIPT_FILES.iamImds)}`,
      [
        json(IAM_FILES.ec2Trust, ec2TrustPolicy()),
        shell(
          'Create the role',
          `aws iam create-role --role-name ${q(name)} \\`,
          `  --assume-role-policy-document file://${IAM_FILES.ec2Trust}`,
        ),
      ],
    ),
    step(
      'logStore.s3_assume.imds.policy',
      'Create the S3 policy and attach it',
      `A policy you create lives in your own account, so its ARN is arn:${partition}:iam::<account-id>:policy/${policy} (the arn:aws:iam::aws:policy/... form is only for policies AWS manages). The commands look up your account id for you.`,
      [
        s3PolicyBlock(t.bucket, t.region),
        shell(
          'Create and attach the policy',
          `POLICY_NAME=${q(policy)}`,
          'ACCOUNT_ID="$(aws sts get-caller-identity --query Account --output text)"',
          `aws iam create-policy --policy-name "$POLICY_NAME" --policy-document file://${IAM_FILES.s3Access}`,
          `aws iam attach-role-policy --role-name ${q(name)} \\`,
          `  --policy-arn "arn:${partition}:iam::$ACCOUNT_ID:policy/$POLICY_NAME"`,
        ),
      ],
    ),
    step(
      'logStore.s3_assume.imds.profile',
      'Give the nodes the role through an instance profile',
      'EC2 hands a role to an instance only through an instance profile. Attach the profile to each running node, or add it to the launch template so new nodes get it too.',
      [
        shell(
          'Create the instance profile',
          `aws iam create-instance-profile --instance-profile-name ${q(name)}`,
          `aws iam add-role-to-instance-profile --instance-profile-name ${q(name)} --role-name ${q(name)}`,
        ),
        shell(
          'Attach it to a running instance',
          `aws ec2 associate-iam-instance-profile --instance-id ${q('<instance-id>')} \\`,
          `  --iam-instance-profile ${q(`Name=${name}`)}`,
        ),
        shell(
          'Or add it to a launch template (new nodes)',
          `aws ec2 create-launch-template-version --launch-template-id ${q('<launch-template-id>')} \\`,
          `  --source-version ${q('$Latest')} --launch-template-data ${q(launchData)}`,
        ),
      ],
      [{ label: 'AWS: instance profiles', url: PROFILE_DOCS }],
    ),
    v1
      ? step(
          'logStore.s3_assume.imds.options',
          'Allow IMDSv1 on the nodes',
          'You chose IMDSv1, so values.yaml sets AWS_IMDS_V1 to "true". The nodes must still answer v1 requests (tokens optional). IMDSv2 is safer: switch when you can.',
          [
            shell(
              'Allow v1 requests',
              `aws ec2 modify-instance-metadata-options --instance-id ${q('<instance-id>')} \\`,
              '  --http-tokens optional --http-endpoint enabled',
            ),
          ],
          [{ label: 'AWS: instance metadata options', url: IMDS_DOCS }],
        )
      : step(
          'logStore.s3_assume.imds.options',
          'Let pods reach IMDSv2',
          'A pod is one network hop further from the metadata service than the node itself, and IMDSv2 answers only one hop by default. Raise the hop limit to 2 on each node (or in the launch template).',
          [
            shell(
              'Require tokens and allow two hops',
              `aws ec2 modify-instance-metadata-options --instance-id ${q('<instance-id>')} \\`,
              '  --http-tokens required --http-put-response-hop-limit 2 --http-endpoint enabled',
            ),
          ],
          [{ label: 'AWS: instance metadata options', url: IMDS_DOCS }],
        ),
  ]
  return {
    summary: `the gateway uses the node role ${name} through IMDS${v1 ? 'v1' : 'v2'}; no keys are stored.`,
    steps,
  }
}
