import { z } from 'zod'
import { awsAccessKeyId, awsRegion, choice, doc, externalId, option, roleArn, secret } from './fields.js'

export const BedrockDisabledSchema = z.strictObject({
  enabled: option(false, 'Off', 'No Bedrock access through an assumed role.'),
})

export const BedrockEnabledSchema = z.strictObject({
  enabled: option(true, 'On', 'Reach Amazon Bedrock through an assumed role.'),
  region: awsRegion('Bedrock region').meta(doc('The region of the Bedrock models; virtual keys use it.')),
  role: choice('Which role carries the Bedrock policy', ['principal', 'separate'], {
    principal: {
      title: 'The gateway’s own role',
      when: 'Choose this to attach the Bedrock policy to the role the gateway already uses.',
    },
    separate: {
      title: 'A separate Bedrock role',
      when: 'Choose this when Bedrock lives in another role (or account) that the gateway assumes.',
    },
  })
    .default('principal')
    .meta(
      doc('Attach the Bedrock policy to the principal role, or to a separate role the principal assumes.'),
    ),
  principalRoleArn: roleArn('Principal role ARN').meta(
    doc('The role the gateway already runs as: the log store role for keys, IRSA or IMDS.'),
  ),
  separateRoleArn: roleArn('Bedrock role ARN')
    .optional()
    .meta(doc('The role that carries the Bedrock policy, when it is a separate one.')),
  externalId: externalId()
    .optional()
    .meta(doc('The ExternalId the trust policy of the Bedrock role requires, if any.')),
  assumeRoleCredentials: z
    .strictObject({
      accessKeyId: awsAccessKeyId('Access key ID').meta(
        doc('The key ID of the long-term key that assumes the principal role.', {
          env: 'AWS_ASSUME_ROLE_ACCESS_KEY_ID',
        }),
      ),
      secretAccessKey: secret('Secret access key', 256).meta(
        doc('The secret that belongs to that key ID.', { env: 'AWS_ASSUME_ROLE_SECRET_ACCESS_KEY' }),
      ),
      region: awsRegion('Region of the keys').meta(
        doc('The region the keys call STS in.', { env: 'AWS_ASSUME_ROLE_REGION' }),
      ),
    })
    .optional()
    .meta({
      title: 'Assume the principal role with long-term keys (method 1)',
      description: 'Only when the gateway runs with keys rather than IRSA or a node role.',
    }),
})

export const BedrockSchema = z
  .discriminatedUnion('enabled', [BedrockDisabledSchema, BedrockEnabledSchema], {
    error: 'Bedrock "enabled" must be true or false.',
  })
  .default({ enabled: false })
  .meta({
    title: 'Give the gateway access to Amazon Bedrock through an IAM role',
    description: 'Optional. Leave this off if the gateway does not call Bedrock models with an assumed role.',
  })

export type Bedrock = z.infer<typeof BedrockSchema>
