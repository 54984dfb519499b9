import {
  GcsLogStoreSchema,
  NetappLogStoreSchema,
  S3LogStoreSchema,
  WasabiLogStoreSchema,
} from '../config/log-store.js'
import { IAM_FILES, IAM_POLICY_NAMES, partitionOfRegion } from '../render/iam-files.js'
import { s3ObjectAccessPolicy } from '../render/iam-policies.js'
import { json, q, section, shell, step } from './blocks.js'
import { SCRIPT_FILES } from './files.js'
import type { GuideSection, GuideStep } from './types.js'
import { isPlaceholder, pick, type Rec, type View } from './view.js'

const KEYS_GO =
  'Enter both values in portkey-setup (they become LOG_STORE_ACCESS_KEY and LOG_STORE_SECRET_KEY); the secret is shown only once.'

/** Creating an Amazon S3 bucket; outside us-east-1 S3 wants the region spelled out twice. */
export const s3BucketStep = (id: string, bucket: string, region: string, purpose: string): GuideStep =>
  step(
    id,
    `Create the bucket ${bucket} (skip if it exists)`,
    `${purpose} New buckets block public access by default; keep it that way.`,
    [
      shell(
        'Create the bucket',
        `aws s3api create-bucket --bucket ${q(bucket)} --region ${q(region)}${
          region === 'us-east-1' ? '' : ` \\\n  --create-bucket-configuration LocationConstraint=${q(region)}`
        }`,
      ),
    ],
  )

/** The S3 object policy as the bundle writes it, with the partition of the bucket's region. */
export const s3PolicyBlock = (bucket: string, region: string, partition?: string) =>
  json(
    IAM_FILES.s3Access,
    s3ObjectAccessPolicy(bucket, partition ?? (isPlaceholder(region) ? 'aws' : partitionOfRegion(region))),
  )

const awsS3 = (bucket: string, region: string): GuideStep[] => {
  const user = q('portkey-gateway-logs')
  return [
    s3BucketStep('logStore.s3.bucket', bucket, region, 'The gateway writes one object per logged request.'),
    step(
      'logStore.s3.user',
      'Create an IAM user that can only use this bucket',
      `The access key belongs to an IAM user. Give that user nothing but read and write on ${bucket}, so a leaked key exposes only the logs. The bundle's script attaches the same policy to this user or to one you already have: ${SCRIPT_FILES.iamS3User} ${user}.`,
      [
        s3PolicyBlock(bucket, region),
        shell(
          'Create the user and attach the policy',
          `aws iam create-user --user-name ${user}`,
          `aws iam put-user-policy --user-name ${user} --policy-name ${q(IAM_POLICY_NAMES.s3Access)} \\`,
          `  --policy-document file://${IAM_FILES.s3Access}`,
        ),
      ],
    ),
    step(
      'logStore.s3.key',
      'Create the access key',
      `The command prints AccessKeyId and SecretAccessKey. ${KEYS_GO}`,
      [shell('Create the key', `aws iam create-access-key --user-name ${user}`)],
      [
        {
          label: 'AWS: managing access keys',
          url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
        },
      ],
    ),
  ]
}

const wasabi = (bucket: string, region: string): GuideStep[] => [
  step(
    'logStore.wasabi.bucket',
    `Create the bucket ${bucket} (skip if it exists)`,
    `Create it in the Wasabi console (Buckets, Create Bucket, region ${region}) or with the aws CLI pointed at Wasabi's endpoint for that region.`,
    [
      shell(
        'Create the bucket',
        `aws s3 mb ${q(`s3://${bucket}`)} --endpoint-url ${q(`https://s3.${region}.wasabisys.com`)}`,
      ),
    ],
  ),
  step(
    'logStore.wasabi.key',
    'Create the access key',
    `In the Wasabi console open Access Keys and choose Create Access Key; a sub-user whose policy covers only ${bucket} is the safer owner. ${KEYS_GO}`,
    [],
    [{ label: 'Wasabi documentation', url: 'https://docs.wasabi.com/' }],
  ),
]

const gcs = (bucket: string, region: string): GuideStep[] => [
  step(
    'logStore.gcs.bucket',
    `Create the bucket ${bucket} (skip if it exists)`,
    'The gateway talks to Cloud Storage through its S3-compatible XML API, so an ordinary bucket is all it needs.',
    [
      shell(
        'Create the bucket',
        `gcloud storage buckets create ${q(`gs://${bucket}`)} --location=${q(region)}`,
      ),
    ],
  ),
  step(
    'logStore.gcs.account',
    'Create a service account with access to the bucket',
    'HMAC keys belong to a service account. Give a dedicated one object access on this bucket only.',
    [
      shell(
        'Create the service account and grant it the bucket',
        'PROJECT_ID="$(gcloud config get-value project)"',
        `gcloud iam service-accounts create ${q('portkey-gateway-logs')} --display-name=${q('Portkey gateway logs')}`,
        `gcloud storage buckets add-iam-policy-binding ${q(`gs://${bucket}`)} \\`,
        '  --member="serviceAccount:portkey-gateway-logs@$PROJECT_ID.iam.gserviceaccount.com" \\',
        `  --role=${q('roles/storage.objectAdmin')}`,
      ),
    ],
  ),
  step(
    'logStore.gcs.hmac',
    'Create the HMAC key',
    `In the console this is Cloud Storage, Settings, Interoperability, Access keys for service accounts, Create a key. The command prints the access id and the secret. ${KEYS_GO}`,
    [
      shell(
        'Create the HMAC key',
        'PROJECT_ID="$(gcloud config get-value project)"',
        'gcloud storage hmac create "portkey-gateway-logs@$PROJECT_ID.iam.gserviceaccount.com"',
      ),
    ],
    [
      {
        label: 'Cloud Storage: HMAC keys',
        url: 'https://cloud.google.com/storage/docs/authentication/hmackeys',
      },
      {
        label: 'Cloud Storage: interoperability',
        url: 'https://cloud.google.com/storage/docs/interoperability',
      },
    ],
  ),
]

const netapp = (bucket: string | undefined, basePath: string): GuideStep[] => [
  ...(bucket
    ? [
        step(
          'logStore.netapp.bucket',
          `Create the bucket ${bucket} (skip if it exists)`,
          'Any S3 client can create it through your NetApp endpoint. If the endpoint uses a private CA, add --ca-bundle with that CA.',
          [
            shell(
              'Create the bucket',
              `aws s3api create-bucket --bucket ${q(bucket)} --endpoint-url ${q(basePath)}`,
            ),
          ],
        ),
      ]
    : []),
  step(
    'logStore.netapp.key',
    'Create the S3 access key',
    `On StorageGRID, create it in the Tenant Manager under My access keys (or for a dedicated user under Access management). On ONTAP S3, add an S3 user to the storage VM in System Manager and keep the keys it shows. ${KEYS_GO}`,
  ),
]

const TITLES = {
  s3: 'Amazon S3',
  wasabi: 'Wasabi',
  gcs: 'Google Cloud Storage',
  netapp: 'NetApp S3',
} as const
type KeyedType = keyof typeof TITLES

/** Log stores reached with an access key pair: Amazon S3, Wasabi, GCS (HMAC) and NetApp. */
export const keyedStoreGuide = (_v: View, type: KeyedType, ls: Rec): GuideSection => {
  const title = `Log store: ${TITLES[type]}`
  if (type === 'netapp') {
    const region = pick(NetappLogStoreSchema.shape.region, ls.region, 'region')
    const bucket =
      ls.bucket === undefined ? undefined : pick(NetappLogStoreSchema.shape.bucket, ls.bucket, 'bucket')
    const basePath = pick(NetappLogStoreSchema.shape.basePath, ls.basePath, 'endpoint-url')
    const where = bucket ? `bucket ${bucket} at ${basePath}` : basePath
    return section(
      'logStore',
      type,
      title,
      `Logs go to ${where} (region ${region}), with an S3 access key.`,
      netapp(bucket, basePath),
    )
  }
  const schema = { s3: S3LogStoreSchema, wasabi: WasabiLogStoreSchema, gcs: GcsLogStoreSchema }[type]
  const bucket = pick(schema.shape.bucket, ls.bucket, 'bucket')
  const region = pick(schema.shape.region, ls.region, 'region')
  const key = type === 'gcs' ? 'an HMAC key' : 'an access key'
  const steps =
    type === 's3' ? awsS3(bucket, region) : type === 'wasabi' ? wasabi(bucket, region) : gcs(bucket, region)
  return section('logStore', type, title, `Logs go to bucket ${bucket} in ${region}, with ${key}.`, steps)
}
