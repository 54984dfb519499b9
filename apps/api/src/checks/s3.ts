import type { DeploymentConfig, LogStore } from '@portkey-setup/schema'
import {
  type AwsCredentials,
  type AwsFields,
  type AwsHandler,
  assumeRole,
  awsHandler,
  bucketHost,
  endpointTarget,
  putGetProbe,
  s3Client,
  stsClient,
} from './aws.js'
import { type Endpoint, gcsEndpoint, s3Endpoint, stsEndpoint, wasabiEndpoint } from './endpoints.js'
import { fail } from './runner/failure.js'
import { type CheckContext, type CheckEnvironment, defineCheck } from './runner/types.js'

type KeyStore = Extract<LogStore, { type: 's3' | 'wasabi' | 'gcs' | 'netapp' }>
type KeyCfg = DeploymentConfig & { logStore: KeyStore }
type AssumeStore = Extract<LogStore, { type: 's3_assume' }>
export type AssumeKeys = AssumeStore & { auth: Extract<AssumeStore['auth'], { method: 'access_keys' }> }
type AssumeCfg = DeploymentConfig & { logStore: AssumeKeys }

/** Endpoint and bucket as the gateway will use them; NetApp may carry the bucket in its base path. */
export const s3Target = (
  env: CheckEnvironment,
  ls: KeyStore,
): { endpoint: Endpoint; bucket: string; pathStyle: boolean } => {
  switch (ls.type) {
    case 's3':
      return {
        endpoint: s3Endpoint(env, ls.region),
        bucket: ls.bucket,
        pathStyle: !!env.endpointOverrides?.s3,
      }
    case 'wasabi':
      return {
        endpoint: wasabiEndpoint(env, ls.region),
        bucket: ls.bucket,
        pathStyle: !!env.endpointOverrides?.wasabi,
      }
    case 'gcs':
      return { endpoint: gcsEndpoint(env), bucket: ls.bucket, pathStyle: !!env.endpointOverrides?.gcs }
    case 'netapp': {
      const u = new URL(ls.basePath)
      const segments = u.pathname.split('/').filter(Boolean)
      if (ls.bucket)
        return { endpoint: { url: ls.basePath, overridden: false }, bucket: ls.bucket, pathStyle: true }
      if (segments.length === 1)
        return {
          endpoint: { url: `${u.protocol}//${u.host}`, overridden: false },
          bucket: segments[0]!,
          pathStyle: true,
        }
      return fail(
        'UNSUPPORTED',
        'No bucket is set and the base path names none.',
        'Set logStore.bucket to the bucket the gateway writes to (or end logStore.basePath with /<bucket>).',
        ['logStore', 'bucket'],
      )
    }
  }
}

export const s3KeysCheck = defineCheck<KeyCfg>({
  target: 'logStore',
  kind: (c) => c.logStore.type,
  endpointField: (c) => (c.logStore.type === 'netapp' ? ['logStore', 'basePath'] : ['logStore', 'region']),
  async run(config, ctx) {
    const ls = config.logStore
    const t = s3Target(ctx.env, ls)
    const fields: AwsFields = {
      accessKey: ['logStore', 'accessKey'],
      secretKey: ['logStore', 'secretKey'],
      bucket: ['logStore', 'bucket'],
      region: ['logStore', 'region'],
      endpoint: ls.type === 'netapp' ? ['logStore', 'basePath'] : ['logStore', 'region'],
    }
    const opened = await ctx.open(bucketHost(t.endpoint, t.bucket, t.pathStyle))
    const handler = await awsHandler(ctx, opened)
    const s3 = await s3Client(ctx, handler, {
      region: ls.region,
      endpoint: t.endpoint,
      pathStyle: t.pathStyle,
      credentials: { accessKeyId: ls.accessKey, secretAccessKey: ls.secretKey },
    })
    await putGetProbe(ctx, s3, t.bucket, fields)
  },
})

/** Config fields of the s3_assume access-key method, named in hints. */
const ASSUME_KEY_FIELDS: AwsFields = {
  accessKey: ['logStore', 'auth', 'accessKey'],
  secretKey: ['logStore', 'auth', 'secretKey'],
  roleArn: ['logStore', 'auth', 'roleArn'],
  externalId: ['logStore', 'auth', 'externalId'],
  region: ['logStore', 'region'],
  endpoint: ['logStore', 'region'],
}

/**
 * Method 1 as the gateway does it: the long-term keys assume the log store role. Returns the
 * temporary credentials, and the fields a later S3 failure points at (the role, not the keys).
 * The log store and the data service checks both use it.
 */
export const assumeLogStoreRole = async (
  ctx: CheckContext,
  handler: AwsHandler,
  ls: AssumeKeys,
  sts: Endpoint,
  extraFields: Partial<AwsFields> = {},
): Promise<{ credentials: AwsCredentials; fields: AwsFields }> => {
  const a = ls.auth
  const fields: AwsFields = { ...ASSUME_KEY_FIELDS, ...extraFields }
  const client = await stsClient(ctx, handler, {
    region: ls.region,
    endpoint: sts,
    credentials: { accessKeyId: a.accessKey, secretAccessKey: a.secretKey },
  })
  const credentials = await assumeRole(ctx, client, { roleArn: a.roleArn, externalId: a.externalId, fields })
  return { credentials, fields: { ...fields, accessKey: fields.roleArn, secretKey: fields.roleArn } }
}

export const s3AssumeKeysCheck = defineCheck<AssumeCfg>({
  target: 'logStore',
  kind: () => 's3_assume',
  endpointField: () => ['logStore', 'region'],
  async run(config, ctx) {
    const ls = config.logStore
    const sts = stsEndpoint(ctx.env, ls.region)
    const s3 = s3Endpoint(ctx.env, ls.region)
    const pathStyle = s3.overridden
    const opened = await ctx.open([endpointTarget(sts), bucketHost(s3, ls.bucket, pathStyle)])
    const handler = await awsHandler(ctx, opened)
    const { credentials, fields } = await assumeLogStoreRole(ctx, handler, ls, sts, {
      bucket: ['logStore', 'bucket'],
    })
    const client = await s3Client(ctx, handler, { region: ls.region, endpoint: s3, pathStyle, credentials })
    await putGetProbe(ctx, client, ls.bucket, fields)
  },
})
