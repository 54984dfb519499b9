import type { DataService, DeploymentConfig, LogStore } from '@portkey-setup/schema'
import { type AwsFields, awsHandler, bucketHost, endpointTarget, putGetProbe, s3Client } from './aws.js'
import { s3Endpoint, stsEndpoint } from './endpoints.js'
import { defineCheck } from './runner/types.js'
import { type AssumeKeys, assumeLogStoreRole } from './s3.js'

type Enabled = Extract<DataService, { enabled: true }>
type Cfg = DeploymentConfig & { dataService: Enabled }

/**
 * The data service uses the gateway's log store credentials (the chart README: "we use same
 * LOG_STORE as the one for gateway"), so the finetunes bucket is probed with exactly those:
 * the s3 keys, or the role the s3_assume keys assume. IRSA and IMDS exist only in the cluster.
 */
export const DATA_SERVICE_IN_CLUSTER =
  'The data service uses the log store identity, which here is IRSA or the node role (IMDS) and exists only inside the cluster. After installing, start a finetune from the Portkey app to prove bucket access.'

const NOT_S3 = 'Finetuning supports only Amazon S3 log stores; nothing to check with this log store.'

/** The log store identity the data service uses, or why it cannot be proven from here. */
const identity = (ls: LogStore): Extract<LogStore, { type: 's3' }> | AssumeKeys | string => {
  if (ls.type === 's3') return ls
  if (ls.type !== 's3_assume') return NOT_S3
  return ls.auth.method === 'access_keys' ? (ls as AssumeKeys) : DATA_SERVICE_IN_CLUSTER
}

export const dataServiceCheck = defineCheck<Cfg>({
  target: 'dataService',
  kind: () => 's3',
  endpointField: () => ['logStore', 'region'],
  skip: (c) => {
    const id = identity(c.logStore)
    return typeof id === 'string' ? id : undefined
  },
  async run(config, ctx) {
    const ls = identity(config.logStore)
    if (typeof ls === 'string') return // skip() answered before the check started
    const ds = config.dataService

    const s3 = s3Endpoint(ctx.env, ls.region)
    const sts = stsEndpoint(ctx.env, ls.region)
    const pathStyle = s3.overridden
    const buckets = [ds.finetunesBucket, ...(ds.logExportsBucket ? [ds.logExportsBucket] : [])]
    const opened = await ctx.open([
      ...(ls.type === 's3_assume' ? [endpointTarget(sts)] : []),
      ...buckets.map((b) => bucketHost(s3, b, pathStyle)),
    ])
    const handler = await awsHandler(ctx, opened)
    const base: AwsFields = { region: ['logStore', 'region'], endpoint: ['logStore', 'region'] }
    const { credentials, fields } =
      ls.type === 's3'
        ? {
            credentials: { accessKeyId: ls.accessKey, secretAccessKey: ls.secretKey },
            fields: { ...base, accessKey: ['logStore', 'accessKey'], secretKey: ['logStore', 'secretKey'] },
          }
        : await assumeLogStoreRole(ctx, handler, ls, sts)
    const client = await s3Client(ctx, handler, { region: ls.region, endpoint: s3, pathStyle, credentials })
    await putGetProbe(ctx, client, ds.finetunesBucket, {
      ...fields,
      bucket: ['dataService', 'finetunesBucket'],
    })
    if (ds.logExportsBucket)
      await putGetProbe(
        ctx,
        client,
        ds.logExportsBucket,
        { ...fields, bucket: ['dataService', 'logExportsBucket'] },
        'log-exports-',
      )
    ctx.skipStep(
      'finetunes-role',
      'Not assumed: FINETUNES_AWS_ROLE_ARN is the role Amazon Bedrock assumes for finetune jobs, which only Bedrock can prove.',
    )
  },
})
