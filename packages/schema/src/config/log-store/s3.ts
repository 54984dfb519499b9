import { z } from 'zod'
import {
  awsAccessKeyId,
  awsRegion,
  doc,
  gcsBucket,
  httpUrl,
  ident,
  looseRegion,
  option,
  s3Bucket,
  secret,
} from '../fields.js'

// ---- S3 and S3-compatible ---------------------------------------------------------------------

export const region = (help: string) => awsRegion().meta(doc(help, { env: 'LOG_STORE_REGION' }))
export const bucket = () =>
  s3Bucket().meta(
    doc('The bucket request and response logs are written to.', { env: 'LOG_STORE_GENERATIONS_BUCKET' }),
  )

export const keyPair = (who = '') => ({
  accessKey: awsAccessKeyId(`Access key ID${who}`).meta(
    doc('The key ID of an access key allowed to write to the bucket.', { env: 'LOG_STORE_ACCESS_KEY' }),
  ),
  secretKey: secret(`Secret access key${who}`, 256).meta(
    doc('The secret that belongs to that key ID.', { env: 'LOG_STORE_SECRET_KEY' }),
  ),
})

export const S3LogStoreSchema = z
  .strictObject({
    type: option(
      's3',
      'Amazon S3 with access keys',
      'The simplest choice on AWS when an access key pair may live in the cluster.',
    ),
    region: region('The AWS region of the bucket, such as us-east-1.'),
    bucket: bucket(),
    ...keyPair(),
  })
  .describe('Amazon S3 with long-term access keys.')

export const WasabiLogStoreSchema = z
  .strictObject({
    type: option('wasabi', 'Wasabi', 'Choose this for low-cost S3-compatible storage with an access key.'),
    region: region('The Wasabi region of the bucket, such as us-east-1 or eu-central-1.'),
    bucket: bucket(),
    ...keyPair(),
  })
  .describe('Wasabi, through its S3 API.')

export const GcsLogStoreSchema = z
  .strictObject({
    type: option(
      'gcs',
      'Google Cloud Storage',
      'Choose this on Google Cloud, using HMAC keys of a service account.',
    ),
    region: looseRegion('Bucket location').meta(
      doc('Where the bucket lives, such as us-central1, or auto.', { env: 'LOG_STORE_REGION' }),
    ),
    bucket: gcsBucket().meta(
      doc('The bucket request and response logs are written to.', { env: 'LOG_STORE_GENERATIONS_BUCKET' }),
    ),
    accessKey: ident(
      'HMAC access key',
      /^[A-Za-z0-9]{4,128}$/,
      'use the HMAC key id from Cloud Storage settings.',
      128,
    ).meta({
      'x-secret': true,
      ...doc('The HMAC key ID of a service account, from Cloud Storage settings under Interoperability.', {
        env: 'LOG_STORE_ACCESS_KEY',
      }),
    }),
    secretKey: secret('HMAC secret', 256).meta(
      doc('The secret of that HMAC key.', { env: 'LOG_STORE_SECRET_KEY' }),
    ),
  })
  .describe('Google Cloud Storage with HMAC keys.')

export const NetappLogStoreSchema = z
  .strictObject({
    type: option(
      'netapp',
      'NetApp S3',
      'Choose this for on-premises StorageGRID or ONTAP S3 behind your own endpoint.',
    ),
    region: looseRegion().meta(
      doc('The region name your NetApp S3 endpoint expects.', { env: 'LOG_STORE_REGION' }),
    ),
    bucket: s3Bucket()
      .optional()
      .meta(
        doc('The bucket for the logs, if your endpoint needs one.', { env: 'LOG_STORE_GENERATIONS_BUCKET' }),
      ),
    ...keyPair(),
    basePath: httpUrl('S3 endpoint (base path)', 'https://s3.netapp.example.com').meta(
      doc('The URL of the S3 endpoint of your NetApp system.', {
        env: 'LOG_STORE_BASEPATH',
        placeholder: 'https://s3.netapp.example.com',
      }),
    ),
  })
  .describe('NetApp S3-compatible storage.')
