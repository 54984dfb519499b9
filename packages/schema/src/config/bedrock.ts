import { z } from 'zod'
import { awsAccessKeyId, awsRegion, externalId, roleArn, secret } from './fields.js'

export const BedrockDisabledSchema = z.strictObject({
  enabled: z.literal(false).describe('No Bedrock access through an assumed role.'),
})

export const BedrockEnabledSchema = z.strictObject({
  enabled: z.literal(true).describe('Reach Amazon Bedrock through an assumed role.'),
  region: awsRegion('Bedrock region').describe('Region of the Bedrock models, used in virtual keys.'),
  role: z
    .enum(['principal', 'separate'], { error: 'Bedrock role must be "principal" or "separate".' })
    .default('principal')
    .describe(
      'Attach the Bedrock policy to the principal role, or to a separate role the principal assumes.',
    ),
  principalRoleArn: roleArn('Principal role ARN').describe(
    'The role the gateway already runs as (the log store role for keys, IRSA or IMDS).',
  ),
  separateRoleArn: roleArn('Separate role ARN')
    .optional()
    .describe('The Bedrock role, when role is "separate".'),
  externalId: externalId().optional().describe('Optional ExternalId required by the Bedrock role trust.'),
  assumeRoleCredentials: z
    .strictObject({
      accessKeyId: awsAccessKeyId('Assume-role access key ID').describe('AWS_ASSUME_ROLE_ACCESS_KEY_ID.'),
      secretAccessKey: secret('Assume-role secret access key', 256).describe(
        'AWS_ASSUME_ROLE_SECRET_ACCESS_KEY.',
      ),
      region: awsRegion('Assume-role region').describe('AWS_ASSUME_ROLE_REGION.'),
    })
    .optional()
    .describe('Long-term keys that assume the principal role (method 1 only).'),
})

export const BedrockSchema = z
  .discriminatedUnion('enabled', [BedrockDisabledSchema, BedrockEnabledSchema], {
    error: 'Bedrock "enabled" must be true or false.',
  })
  .default({ enabled: false })
  .describe('Optional Amazon Bedrock access through an IAM role.')

export type Bedrock = z.infer<typeof BedrockSchema>
