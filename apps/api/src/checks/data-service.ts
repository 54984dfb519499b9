import type { DataService, DeploymentConfig } from '@portkey-setup/schema'
import {
  type AwsFields,
  awsHandler,
  bucketHost,
  endpointOrigin,
  openOrigins,
  putGetProbe,
  s3Client,
} from './aws.js'
import { s3Endpoint, stsEndpoint } from './endpoints.js'
import { SkipCheck } from './failure.js'
import { type AssumeKeys, assumeLogStoreRole } from './s3.js'
import { defineCheck } from './types.js'

type Enabled = Extract<DataService, { enabled: true }>
type Cfg = DeploymentConfig & { dataService: Enabled }

/**
 * The data service uses the gateway's log store credentials (the chart README: "we use same
 * LOG_STORE as the one for gateway"), so the finetunes bucket is probed with exactly those:
 * the s3 keys, or the role the s3_assume keys assume. IRSA and IMDS exist only in the cluster.
 */
export const DATA_SERVICE_IN_CLUSTER =
  'The data service uses the log store identity, which here is IRSA or the node role (IMDS) and exists only inside the cluster. After installing, start a finetune from the Portkey app to prove bucket access.'

export const dataServiceCheck = defineCheck<Cfg>({
  target: 'dataService',
  kind: () => 's3',
  endpointField: () => ['logStore', 'region'],
  async run(config, ctx) {
    const ls = config.logStore
    const ds = config.dataService
    if (ls.type !== 's3' && ls.type !== 's3_assume')
      throw new SkipCheck(
        'Finetuning supports only Amazon S3 log stores; nothing to check with this log store.',
      )
    if (ls.type === 's3_assume' && ls.auth.method !== 'access_keys')
      throw new SkipCheck(DATA_SERVICE_IN_CLUSTER)

    const s3 = s3Endpoint(ctx.env, ls.region)
    const sts = stsEndpoint(ctx.env, ls.region)
    const pathStyle = s3.overridden
    const buckets = [ds.finetunesBucket, ...(ds.logExportsBucket ? [ds.logExportsBucket] : [])]
    await openOrigins(ctx, [
      ...(ls.type === 's3_assume' ? [endpointOrigin(sts)] : []),
      ...buckets.map((b) => bucketHost(s3, b, pathStyle)),
    ])
    const handler = await awsHandler(ctx)
    const base: AwsFields = { region: ['logStore', 'region'], endpoint: ['logStore', 'region'] }
    const { credentials, fields } =
      ls.type === 's3'
        ? {
            credentials: { accessKeyId: ls.accessKey, secretAccessKey: ls.secretKey },
            fields: { ...base, accessKey: ['logStore', 'accessKey'], secretKey: ['logStore', 'secretKey'] },
          }
        : await assumeLogStoreRole(ctx, handler, ls as AssumeKeys, sts)
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
