import { BedrockEnabledSchema } from '../config/bedrock.js'
import { IAM_FILES, IAM_POLICY_NAMES } from '../render/iam-files.js'
import { bedrockInvokePolicy, bedrockSeparateTrustPolicy } from '../render/iam-policies.js'
import { json, q, section, shell, step, text } from './blocks.js'
import { SCRIPT_FILES, scriptHint } from './files.js'
import type { GuideSection, GuideStep } from './types.js'
import { pick, rec, roleName, type View, valid } from './view.js'

const TITLE = 'Amazon Bedrock'

const putPolicy = (role: string, policy: string, file: string) => [
  `aws iam put-role-policy --role-name ${q(role)} --policy-name ${q(policy)} \\`,
  `  --policy-document file://${file}`,
]

export const bedrockGuide = (v: View): GuideSection => {
  const b = rec(v.root.bedrock)
  if (b.enabled !== true)
    return section(
      'bedrock',
      'disabled',
      TITLE,
      'Bedrock is not reached through an IAM role; nothing to prepare.',
    )

  const shape = BedrockEnabledSchema.shape
  const region = pick(shape.region, b.region, 'bedrock-region')
  const principal = pick(shape.principalRoleArn, b.principalRoleArn, 'principal-role-arn')
  const separate = b.role === 'separate'
  const separateArn = pick(shape.separateRoleArn, b.separateRoleArn, 'separate-role-arn')
  const externalId = valid(shape.externalId, b.externalId)
  const target = separate ? separateArn : principal
  const targetName = roleName(target, separate ? 'separate-role-name' : 'principal-role-name')
  const withKeys = b.assumeRoleCredentials !== undefined

  const steps: GuideStep[] = []
  if (separate)
    steps.push(
      step(
        'bedrock.separate.role',
        'Create the separate Bedrock role',
        `The gateway keeps running as ${principal} and assumes this role only for Bedrock calls, so the trust policy names the principal role${externalId ? ` and requires the ExternalId ${externalId}` : ''}.${scriptHint(SCRIPT_FILES.iamBedrock)}`,
        [
          json(IAM_FILES.bedrockTrust, bedrockSeparateTrustPolicy(principal, externalId)),
          shell(
            'Create the role',
            `aws iam create-role --role-name ${q(targetName)} \\`,
            `  --assume-role-policy-document file://${IAM_FILES.bedrockTrust}`,
          ),
        ],
      ),
    )
  steps.push(
    step(
      'bedrock.policy',
      `Allow ${separate ? 'the separate role' : 'the principal role'} to call Bedrock`,
      `The policy allows invoking models, streaming included. Resource "*" covers every model; list model ARNs instead to narrow it.${separate ? '' : scriptHint(SCRIPT_FILES.iamBedrock)}`,
      [
        json(IAM_FILES.bedrockInvoke, bedrockInvokePolicy()),
        shell(
          'Attach the policy',
          ...putPolicy(targetName, IAM_POLICY_NAMES.bedrockInvoke, IAM_FILES.bedrockInvoke),
        ),
      ],
    ),
  )
  if (separate)
    steps.push(
      step(
        'bedrock.separate.assume',
        'Let the principal role assume the separate role',
        'Within one account the trust policy is enough; across accounts the principal also needs this permission. Adding it either way does no harm.',
        [
          // Same document as the bundle's iam file: sts:AssumeRole on the separate role only.
          json(IAM_FILES.bedrockAssume, {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: separateArn }],
          }),
          shell(
            'Attach it to the principal role',
            ...putPolicy(
              roleName(principal, 'principal-role-name'),
              IAM_POLICY_NAMES.bedrockAssume,
              IAM_FILES.bedrockAssume,
            ),
          ),
        ],
      ),
    )
  steps.push(
    step(
      'bedrock.virtual-key',
      'Create Bedrock virtual keys with this role',
      'In Portkey, a Bedrock virtual key names the role that carries the Bedrock policy. Use these values when you create one.',
      [
        text(
          'Virtual key fields',
          `AWS Role ARN: ${target}`,
          `AWS External ID: ${externalId ?? '(leave empty)'}`,
          `AWS Region: ${region}`,
        ),
      ],
    ),
  )

  const how = separate
    ? `the separate role ${separateArn}, assumed by ${principal}`
    : `the principal role ${principal}`
  const keys = withKeys
    ? ' Long-term keys assume the principal role, which is also LOG_STORE_AWS_ROLE_ARN.'
    : ''
  return section(
    'bedrock',
    separate ? 'separate' : 'principal',
    TITLE,
    `Bedrock in ${region} is called with ${how}.${keys}`,
    steps,
  )
}
