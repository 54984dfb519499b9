import { z } from 'zod'
import { bool, doc, httpUrl, ident, k8sName, looseRegion, option, s3Bucket, secret } from '../fields.js'
import { HTTP_URL_WITH_BUCKET } from '../patterns.js'
import { keyPair } from './s3.js'

// ---- Any S3-compatible store, and the MinIO the chart runs (chart 1.5.0+) ---------------------

/** Where the chart's MinIO answers inside the namespace: its Service is always named minio. */
export const MINIO_SERVICE_URL = 'http://minio:9000'
/** The region MinIO reports unless told otherwise. */
export const MINIO_REGION = 'us-east-1'

/** The bucket of a path-style base path (https://host/bucket/...), or undefined without one. */
export const bucketOfBasePath = (basePath: string): string | undefined => {
  try {
    return new URL(basePath).pathname.split('/').find((p) => p !== '') || undefined
  } catch {
    return undefined
  }
}

export const S3CustomLogStoreSchema = z
  .strictObject({
    type: option(
      's3_custom',
      'Another S3-compatible store',
      'Choose this for MinIO, Ceph, SeaweedFS or any other store that speaks the S3 API at your own URL.',
    ),
    basePath: httpUrl('Base path (endpoint and bucket)', 'https://s3.example.internal/portkey-logs')
      .refine((v) => bucketOfBasePath(v) !== undefined, {
        error:
          'Base path must name the bucket after the host, e.g. https://s3.example.internal/portkey-logs.',
      })
      .meta({ pattern: HTTP_URL_WITH_BUCKET.source })
      .meta(
        doc(
          'The URL of the S3 endpoint followed by the bucket (path style); the gateway writes the logs under it.',
          { env: 'LOG_STORE_BASEPATH', placeholder: 'https://s3.example.internal/portkey-logs' },
        ),
      ),
    region: looseRegion()
      .default('us-east-1')
      .meta(
        doc('The region your store signs requests for; most self-hosted stores accept us-east-1.', {
          env: 'LOG_STORE_REGION',
        }),
      ),
    ...keyPair(),
  })
  .describe('Any S3-compatible store at a URL of your own.')

const QUANTITY = /^[1-9][0-9]{0,5}(Mi|Gi|Ti)$/

export const MinioPersistenceSchema = z
  .strictObject({
    enabled: bool('Keep the data on a volume', true).meta(
      doc(
        'MinIO stores its data on a PersistentVolumeClaim; without one the logs are lost when the pod restarts.',
      ),
    ),
    size: ident('Volume size', QUANTITY, 'use a whole number with Mi, Gi or Ti, such as 10Gi.', 10)
      .default('10Gi')
      .meta(doc('How much storage the volume claim asks for.', { placeholder: '10Gi' })),
    storageClassName: k8sName('Storage class')
      .optional()
      .meta(
        doc('The storage class of the volume; leave it empty for the cluster default.', {
          placeholder: 'gp3',
        }),
      ),
  })
  .default({ enabled: true, size: '10Gi' })
  .meta({ title: 'Storage', description: 'The volume MinIO keeps its data on.' })

export const MinioSecretName = k8sName('MinIO Secret name')
  .default('minio-credentials')
  .meta(doc('A Secret in the release namespace with the keys accessKey and secretKey.'))

export const MinioCredentialsSchema = z
  .discriminatedUnion(
    'source',
    [
      z.strictObject({
        source: option(
          'chart',
          'The chart creates them',
          'The simplest: the keys below become the MinIO root user, stored in a Secret the chart creates.',
        ),
      }),
      z.strictObject({
        source: option(
          'existingSecret',
          'A Secret you create',
          'Keeps the MinIO keys out of values.yaml: you create a Secret with the keys accessKey and secretKey.',
        ),
        secretName: MinioSecretName,
      }),
    ],
    { error: 'MinIO credentials source must be "chart" or "existingSecret".' },
  )
  .default({ source: 'chart' })
  .meta({ title: 'MinIO credentials', description: 'Where MinIO takes its root user from.' })

export const MinioLogStoreSchema = z
  .strictObject({
    type: option(
      'minio',
      'MinIO deployed by the chart',
      'Choose this for a test or small install without cloud storage: the chart runs MinIO next to the gateway.',
    ),
    bucket: s3Bucket()
      .default('portkey-logs')
      .meta(
        doc('The bucket the chart creates in MinIO for the logs.', { env: 'LOG_STORE_GENERATIONS_BUCKET' }),
      ),
    credentials: MinioCredentialsSchema,
    accessKey: ident(
      'MinIO user',
      /^[A-Za-z0-9._-]{3,128}$/,
      'use 3-128 letters, digits, dots, hyphens and underscores.',
      128,
    ).meta({
      'x-secret': true,
      ...doc('The MinIO root user the gateway signs in with (the accessKey of the MinIO Secret).', {
        env: 'LOG_STORE_ACCESS_KEY',
      }),
    }),
    secretKey: secret('MinIO password', 256)
      .min(8, { error: 'MinIO password must be at least 8 characters: MinIO refuses shorter ones.' })
      .meta(
        doc('The password of that user (the secretKey of the MinIO Secret).', {
          env: 'LOG_STORE_SECRET_KEY',
        }),
      ),
    persistence: MinioPersistenceSchema,
  })
  .describe('The MinIO the chart deploys, reached inside the namespace.')
