import { z } from 'zod'
import { doc, option, roleArn, s3Bucket } from './fields.js'

export const DataServiceDisabledSchema = z.strictObject({
  enabled: option(false, 'Off', 'Do not deploy the data service.'),
})

export const DataServiceEnabledSchema = z.strictObject({
  enabled: option(true, 'On', 'Deploy the data service (finetunes and log exports).'),
  finetunesBucket: s3Bucket('Finetunes bucket').meta(
    doc('The S3 bucket finetuning files are kept in.', { env: 'FINETUNES_BUCKET' }),
  ),
  finetunesRoleArn: roleArn('Finetunes role ARN').meta(
    doc('The role the data service assumes to reach that bucket.', { env: 'FINETUNES_AWS_ROLE_ARN' }),
  ),
  logExportsBucket: s3Bucket('Log exports bucket')
    .optional()
    .meta(doc('An S3 bucket for log exports, if you want them.', { env: 'LOG_EXPORTS_BUCKET' })),
})

export const DataServiceSchema = z
  .discriminatedUnion('enabled', [DataServiceDisabledSchema, DataServiceEnabledSchema], {
    error: 'Data service "enabled" must be true or false.',
  })
  .default({ enabled: false })
  .meta({
    title: 'Deploy the data service (finetunes and log exports)',
    description: 'Optional. It needs an Amazon S3 log store (s3 or s3_assume).',
  })

export type DataService = z.infer<typeof DataServiceSchema>
