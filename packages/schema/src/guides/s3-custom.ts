import {
  bucketOfBasePath,
  MINIO_SERVICE_URL,
  MinioLogStoreSchema,
  MinioSecretName,
  S3CustomLogStoreSchema,
} from '../config/log-store.js'
import { q, section, shell, step } from './blocks.js'
import { SCRIPT_FILES } from './files.js'
import type { GuideSection } from './types.js'
import { pick, type Rec, rec, type View, valid } from './view.js'

/** Any S3-compatible store at a base path: the bucket must exist and the key must reach it. */
export const s3CustomGuide = (_v: View, ls: Rec): GuideSection => {
  const shape = S3CustomLogStoreSchema.shape
  const basePath = pick(shape.basePath, ls.basePath, 'base-path')
  const checked = valid(shape.basePath, ls.basePath)
  const bucket = (checked && bucketOfBasePath(checked)) ?? '<bucket>'
  const endpoint = checked ? new URL(checked).origin : '<endpoint-url>'
  const region = pick(shape.region, ls.region ?? 'us-east-1', 'region')
  return section(
    'logStore',
    's3_custom',
    'Log store: an S3-compatible store',
    `Logs go under ${basePath} (region ${region}), with an access key of that store.`,
    [
      step(
        'logStore.s3_custom.bucket',
        `Create the bucket ${bucket} (skip if it exists)`,
        'Any S3 client works against your store when you point it at the endpoint. Add --ca-bundle with your CA when the endpoint uses a private one.',
        [
          shell(
            'Create the bucket',
            `aws s3api create-bucket --bucket ${q(bucket)} --endpoint-url ${q(endpoint)} --region ${q(region)}`,
          ),
        ],
      ),
      step(
        'logStore.s3_custom.key',
        'Create an access key that may write there',
        'Make a user or service account in your store that can put and get objects in that bucket, and enter its key pair in portkey-setup (it becomes LOG_STORE_ACCESS_KEY and LOG_STORE_SECRET_KEY). The store must be reachable from the cluster at the base path.',
      ),
    ],
  )
}

/** The chart's MinIO: nothing to create outside the cluster except, optionally, its Secret. */
export const minioGuide = (v: View, ls: Rec): GuideSection => {
  const shape = MinioLogStoreSchema.shape
  const bucket = pick(shape.bucket, ls.bucket ?? 'portkey-logs', 'bucket')
  const cred = rec(ls.credentials)
  const existing = cred.source === 'existingSecret'
  const secretName = existing ? pick(MinioSecretName, cred.secretName, 'minio-secret') : 'minio-secret'
  const steps = [
    ...(existing
      ? [
          step(
            'logStore.minio.secret',
            `Create the Secret ${secretName} for MinIO`,
            `MinIO takes its root user from this Secret (keys accessKey and secretKey); it must exist in namespace ${v.namespace} before the install. Use the same user and password you entered in portkey-setup: the gateway signs in with them. The script asks for both (or reads MINIO_ROOT_USER and MINIO_ROOT_PASSWORD), so they appear in no command line or shell history.`,
            [shell('Create the MinIO Secret', SCRIPT_FILES.createMinioSecret)],
          ),
        ]
      : []),
    step(
      'logStore.minio.console',
      'After installing: look inside MinIO',
      `The chart creates the bucket ${bucket} when MinIO starts. Its web console is not exposed; forward it to your machine and sign in with the MinIO user.`,
      [
        shell(
          'Open the MinIO console on localhost:9001',
          `kubectl port-forward --namespace ${q(v.namespace)} svc/minio 9001:9001`,
        ),
      ],
    ),
  ]
  return section(
    'logStore',
    'minio',
    'Log store: MinIO in the cluster',
    `The chart runs MinIO (${MINIO_SERVICE_URL}) and creates the bucket ${bucket}; the gateway writes there as an S3-compatible store.`,
    steps,
  )
}
