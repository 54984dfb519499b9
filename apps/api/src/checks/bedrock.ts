import type { Bedrock, DeploymentConfig } from '@portkey-setup/schema'
import { type AwsFields, assumeRole, awsHandler, endpointTarget, stsClient } from './aws.js'
import { stsEndpoint } from './endpoints.js'
import { defineCheck } from './runner/types.js'

type Enabled = Extract<Bedrock, { enabled: true }>
type Cfg = DeploymentConfig & { bedrock: Enabled }

export const BEDROCK_WITHOUT_KEYS =
  'Without assume-role keys the gateway reaches the principal role through IRSA or the node role (IMDS), which exist only inside the cluster. After installing, create a Bedrock virtual key with the role ARN and run a test request from the Portkey app.'

/**
 * The ExternalId for assuming the principal role: the log store's when it is the same role
 * (method 1 keys assume LOG_STORE_AWS_ROLE_ARN), else the Bedrock one when the principal role
 * itself carries the Bedrock policy.
 */
export const principalExternalId = (c: Cfg): string | undefined => {
  const ls = c.logStore
  if (
    ls.type === 's3_assume' &&
    ls.auth.method === 'access_keys' &&
    ls.auth.roleArn === c.bedrock.principalRoleArn
  )
    return ls.auth.externalId
  return c.bedrock.role === 'principal' ? c.bedrock.externalId : undefined
}

export const bedrockCheck = defineCheck<Cfg>({
  target: 'bedrock',
  kind: (c) => `sts-assume-role-${c.bedrock.role}`,
  endpointField: () => ['bedrock', 'assumeRoleCredentials', 'region'],
  skip: (c) => (c.bedrock.assumeRoleCredentials ? undefined : BEDROCK_WITHOUT_KEYS),
  async run(config, ctx) {
    const b = config.bedrock
    // skip() has made sure of the keys.
    const keys = b.assumeRoleCredentials!
    const fields: AwsFields = {
      accessKey: ['bedrock', 'assumeRoleCredentials', 'accessKeyId'],
      secretKey: ['bedrock', 'assumeRoleCredentials', 'secretAccessKey'],
      region: ['bedrock', 'assumeRoleCredentials', 'region'],
      endpoint: ['bedrock', 'assumeRoleCredentials', 'region'],
      roleArn: ['bedrock', 'principalRoleArn'],
      externalId:
        config.logStore.type === 's3_assume' && config.logStore.auth.method === 'access_keys'
          ? ['logStore', 'auth', 'externalId']
          : ['bedrock', 'externalId'],
    }
    const sts = stsEndpoint(ctx.env, keys.region)
    const opened = await ctx.open(endpointTarget(sts))
    const handler = await awsHandler(ctx, opened)
    const client = await stsClient(ctx, handler, {
      region: keys.region,
      endpoint: sts,
      credentials: { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey },
    })
    const principal = await assumeRole(ctx, client, {
      roleArn: b.principalRoleArn,
      externalId: principalExternalId(config),
      fields,
    })
    if (b.role === 'separate' && b.separateRoleArn) {
      const chained = await stsClient(ctx, handler, {
        region: keys.region,
        endpoint: sts,
        credentials: principal,
      })
      await assumeRole(ctx, chained, {
        roleArn: b.separateRoleArn,
        externalId: b.externalId,
        fields: { ...fields, roleArn: ['bedrock', 'separateRoleArn'], externalId: ['bedrock', 'externalId'] },
        stepName: 'assume-separate-role',
      })
    }
    ctx.skipStep(
      'invoke',
      'Not called: invoking a model is billed. The role needs bedrock:InvokeModel and InvokeModelWithResponseStream (iam/ in the bundle).',
    )
  },
})
