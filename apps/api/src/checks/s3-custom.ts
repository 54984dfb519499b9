import type { DeploymentConfig, LogStore } from '@portkey-setup/schema'
import { type AwsFields, awsHandler, bucketHost, putGetProbe, s3Client } from './aws.js'
import { fail } from './runner/failure.js'
import { defineCheck } from './runner/types.js'

type CustomCfg = DeploymentConfig & { logStore: Extract<LogStore, { type: 's3_custom' }> }

/** The endpoint, bucket and key prefix of a path-style base path: https://host/bucket/prefix. */
export const basePathTarget = (basePath: string) => {
  const u = new URL(basePath)
  const [bucket, ...rest] = u.pathname.split('/').filter(Boolean)
  if (!bucket)
    return fail(
      'UNSUPPORTED',
      'The base path names no bucket.',
      'End logStore.basePath with /<bucket> (and any folder below it), e.g. https://s3.example.internal/portkey-logs.',
      ['logStore', 'basePath'],
    )
  return {
    endpoint: { url: `${u.protocol}//${u.host}`, overridden: false },
    bucket,
    prefix: rest.length ? `${rest.join('/')}/` : '',
  }
}

/** s3_custom: a real object written and read back under the base path, signed with the store's key. */
export const s3CustomCheck = defineCheck<CustomCfg>({
  target: 'logStore',
  kind: () => 's3_custom',
  endpointField: () => ['logStore', 'basePath'],
  async run(config, ctx) {
    const ls = config.logStore
    const t = basePathTarget(ls.basePath)
    const fields: AwsFields = {
      accessKey: ['logStore', 'accessKey'],
      secretKey: ['logStore', 'secretKey'],
      bucket: ['logStore', 'basePath'],
      region: ['logStore', 'region'],
      endpoint: ['logStore', 'basePath'],
    }
    const opened = await ctx.open(bucketHost(t.endpoint, t.bucket, true))
    const handler = await awsHandler(ctx, opened)
    const s3 = await s3Client(ctx, handler, {
      region: ls.region,
      endpoint: t.endpoint,
      pathStyle: true,
      credentials: { accessKeyId: ls.accessKey, secretAccessKey: ls.secretKey },
    })
    await putGetProbe(ctx, s3, t.bucket, fields, '', t.prefix)
  },
})
