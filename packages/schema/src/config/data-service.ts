import { z } from 'zod'
import { roleArn, s3Bucket } from './fields.js'

export const DataServiceDisabledSchema = z.strictObject({
  enabled: z.literal(false).describe('Do not deploy the data service.'),
})

export const DataServiceEnabledSchema = z.strictObject({
  enabled: z.literal(true).describe('Deploy the data service (finetunes and log exports).'),
  finetunesBucket: s3Bucket('Finetunes bucket').describe('FINETUNES_BUCKET (S3 only).'),
  finetunesRoleArn: roleArn('Finetunes role ARN').describe('FINETUNES_AWS_ROLE_ARN.'),
  logExportsBucket: s3Bucket('Log exports bucket').optional().describe('LOG_EXPORTS_BUCKET.'),
})

export const DataServiceSchema = z
  .discriminatedUnion('enabled', [DataServiceDisabledSchema, DataServiceEnabledSchema], {
    error: 'Data service "enabled" must be true or false.',
  })
  .default({ enabled: false })
  .describe('Optional data service for finetuning and log exports (needs an S3 log store).')

export type DataService = z.infer<typeof DataServiceSchema>
