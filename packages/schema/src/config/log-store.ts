import { z } from 'zod'
import { AzureLogStoreSchema } from './log-store/azure.js'
import { MongoLogStoreSchema } from './log-store/mongo.js'
import {
  GcsLogStoreSchema,
  NetappLogStoreSchema,
  S3LogStoreSchema,
  WasabiLogStoreSchema,
} from './log-store/s3.js'
import { S3AssumeLogStoreSchema } from './log-store/s3-assume.js'
import { MinioLogStoreSchema, S3CustomLogStoreSchema } from './log-store/s3-custom.js'

// One file per family of stores under log-store/; the union of them all is here.
export * from './log-store/azure.js'
export * from './log-store/mongo.js'
export {
  GcsLogStoreSchema,
  NetappLogStoreSchema,
  S3LogStoreSchema,
  WasabiLogStoreSchema,
} from './log-store/s3.js'
export * from './log-store/s3-assume.js'
export * from './log-store/s3-custom.js'

export const LOG_STORE_TYPES = [
  'mongo',
  's3',
  's3_assume',
  'wasabi',
  'gcs',
  'azure',
  'netapp',
  's3_custom',
  'minio',
] as const

export const LogStoreSchema = z
  .discriminatedUnion(
    'type',
    // In the order the wizard offers them: the common AWS paths first.
    [
      S3LogStoreSchema,
      S3AssumeLogStoreSchema,
      MongoLogStoreSchema,
      AzureLogStoreSchema,
      GcsLogStoreSchema,
      WasabiLogStoreSchema,
      NetappLogStoreSchema,
      S3CustomLogStoreSchema,
      MinioLogStoreSchema,
    ],
    {
      error: (iss) =>
        iss.input === undefined
          ? `Log store is required: choose one of ${LOG_STORE_TYPES.join(', ')}.`
          : `Log store type must be one of ${LOG_STORE_TYPES.join(', ')}.`,
    },
  )
  .meta({
    title: 'Log store',
    description: 'Where the gateway stores request and response logs.',
    'x-env': 'LOG_STORE',
  })

export type LogStore = z.infer<typeof LogStoreSchema>
export type LogStoreType = LogStore['type']
export type S3AssumeAuth = z.infer<typeof S3AssumeLogStoreSchema>['auth']
export type AzureAuth = z.infer<typeof AzureLogStoreSchema>['auth']
export const S3_FAMILY: readonly LogStoreType[] = [
  's3',
  's3_assume',
  'wasabi',
  'gcs',
  'netapp',
  's3_custom',
  'minio',
]
