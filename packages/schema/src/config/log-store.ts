import { z } from 'zod'
import {
  awsAccessKeyId,
  awsRegion,
  azureAccount,
  azureContainer,
  bool,
  doc,
  externalId,
  gcsBucket,
  guid,
  httpUrl,
  iamName,
  ident,
  isHost,
  looseRegion,
  option,
  roleArn,
  s3Bucket,
  secret,
  text,
} from './fields.js'
import { FORBIDDEN_MONGO_OPTIONS, MONGO_URL } from './patterns.js'

// ---- Mongo / DocumentDB -----------------------------------------------------------------------

const mongoText = secret('Connection URL', 4096).meta({ pattern: MONGO_URL.source })
const mongoUrl = mongoText.superRefine((v, ctx) => {
  const m = /^mongodb(\+srv)?:\/\/(?:[^@/]*@)?([^/?#]+)(\/[^?#]*)?(\?[^#]*)?$/.exec(v)
  if (!m) {
    ctx.addIssue({
      code: 'custom',
      message:
        'Connection URL must look like mongodb://user:password@host:27017/?tls=true or mongodb+srv://user:password@cluster.example.net.',
    })
    return
  }
  const hosts = (m[2] ?? '').split(',')
  if (!hosts.every((h) => isHost(h.replace(/:\d{1,5}$/, '')))) {
    ctx.addIssue({
      code: 'custom',
      message: 'Connection URL has an invalid host: use host or host:port, comma-separated.',
    })
    return
  }
  if (/\s/.test(v)) {
    ctx.addIssue({
      code: 'custom',
      message: 'Connection URL must not contain spaces: percent-encode them as %20.',
    })
    return
  }
  const query = (m[4] ?? '').slice(1)
  for (const pair of query.split('&')) {
    const key = (pair.split('=')[0] ?? '').toLowerCase()
    if (FORBIDDEN_MONGO_OPTIONS.includes(key)) {
      ctx.addIssue({
        code: 'custom',
        message: `Connection URL must not set ${pair.split('=')[0]}: upload the CA certificate under "TLS CA" and portkey-setup adds tlsCAFile for you.`,
      })
      return
    }
  }
  // The pattern the OpenAPI document carries draws the same line as the checks above.
  if (!MONGO_URL.test(v))
    ctx.addIssue({
      code: 'custom',
      message:
        'Connection URL must look like mongodb://user:password@host:27017/?tls=true or mongodb+srv://user:password@cluster.example.net.',
    })
})

const mongoName = (label: string) =>
  text(label, 120).regex(/^[^/\\."$*<>:|?\s]*$/, {
    error: `${label} must not contain spaces or any of / \\ . " $ * < > : | ?.`,
  })
const mongoCollection = (label: string) =>
  text(label, 120).regex(/^(?!system\.)[^$]*$/, {
    error: `${label} must not contain "$" or start with "system.".`,
  })

export const MongoTlsCaSchema = z
  .strictObject({
    fileName: ident(
      'CA file name',
      /^[A-Za-z0-9][A-Za-z0-9._-]{0,100}\.(pem|crt)$/,
      'use a plain file name ending in .pem or .crt, e.g. document_db.pem.',
      105,
    )
      .default('document_db.pem')
      .meta(doc('The name the certificate is mounted as, under /etc/shared/ in the gateway pod.')),
    pem: z
      .string({ error: 'CA certificate is required: paste the PEM text.' })
      .max(262144, { error: 'CA certificate is too large: use at most 256 KiB of PEM.' })
      .regex(/^\s*(-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----\s*)+$/, {
        error:
          'CA certificate must be PEM text: one or more blocks from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.',
      })
      .meta({
        title: 'CA certificate',
        ...doc(
          'The PEM of the authority that signed the server certificate, such as the Amazon DocumentDB global bundle.',
        ),
      }),
  })
  .meta({
    title: 'TLS CA',
    ...doc('A CA certificate for TLS to MongoDB or DocumentDB, shipped to the pod in a ConfigMap.'),
  })

export const MongoLogStoreSchema = z
  .strictObject({
    type: option(
      'mongo',
      'MongoDB or Amazon DocumentDB',
      'Choose this if you already run MongoDB or DocumentDB and want the logs there.',
    ),
    connectionUrl: mongoUrl.meta(
      doc('The full connection string, with the user and password the gateway signs in with.', {
        env: 'MONGO_DB_CONNECTION_URL',
        placeholder: 'mongodb://user:password@host:27017/?tls=true',
      }),
    ),
    database: mongoName('Database').meta(
      doc('The database the log collections live in.', { env: 'MONGO_DATABASE' }),
    ),
    collection: mongoCollection('Log collection').meta(
      doc('Where request and response logs are written.', { env: 'MONGO_COLLECTION_NAME' }),
    ),
    // The README spells the key GENERATION_, the chart's values file GENERATIONS_: both are set.
    hooksCollection: mongoCollection('Generation hooks collection').meta(
      doc('Where the results of guardrail hooks are written.', {
        env: ['MONGO_GENERATION_HOOKS_COLLECTION_NAME', 'MONGO_GENERATIONS_HOOKS_COLLECTION_NAME'],
      }),
    ),
    tlsCa: MongoTlsCaSchema.optional(),
  })
  .describe('Store logs in MongoDB or DocumentDB.')

// ---- S3 and S3-compatible ---------------------------------------------------------------------

const region = (help: string) => awsRegion().meta(doc(help, { env: 'LOG_STORE_REGION' }))
const bucket = () =>
  s3Bucket().meta(
    doc('The bucket request and response logs are written to.', { env: 'LOG_STORE_GENERATIONS_BUCKET' }),
  )

const keyPair = (who = '') => ({
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

// ---- S3 with an assumed role --------------------------------------------------------------------

export const S3AssumeAccessKeysSchema = z
  .strictObject({
    method: option(
      'access_keys',
      'Keys from Portkey assume your role',
      'Choose this when Portkey gave you keys and an ExternalId; works wherever the gateway runs.',
    ),
    ...keyPair(' from Portkey'),
    roleArn: roleArn().meta(
      doc('The role you created for Portkey to assume in your account.', {
        env: 'LOG_STORE_AWS_ROLE_ARN',
        placeholder: 'arn:aws:iam::123456789012:role/PortkeyLogs',
      }),
    ),
    externalId: externalId().meta(
      doc('The ExternalId the trust policy of that role requires.', { env: 'LOG_STORE_AWS_EXTERNAL_ID' }),
    ),
    portkeyPrincipalArn: ident(
      'Portkey principal ARN',
      /^arn:aws(-cn|-us-gov)?:iam::\d{12}:(root|(user|role)\/[A-Za-z0-9+=,.@_/-]{1,512})$/,
      'use the ARN Portkey shared, e.g. arn:aws:iam::111122223333:root.',
      600,
    )
      .optional()
      .meta(
        doc('The Portkey AWS principal your role trusts, as Portkey shared it; it fills the trust policy.'),
      ),
  })
  .describe('Long-term keys from Portkey assume a role with an ExternalId.')

export const S3AssumeIrsaSchema = z
  .strictObject({
    method: option(
      'irsa',
      'IRSA (EKS service account)',
      'Choose this on EKS with an OIDC provider: the pod gets the role, no keys at all.',
    ),
    roleArn: roleArn().meta(
      doc(
        'The role the gateway service account assumes; it is added as the eks.amazonaws.com/role-arn annotation.',
        {
          placeholder: 'arn:aws:iam::123456789012:role/PortkeyIrsa',
        },
      ),
    ),
    clusterName: ident(
      'EKS cluster name',
      /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/,
      'use the EKS cluster name (letters, digits, - and _).',
      100,
    )
      .optional()
      .meta(doc('The name of the EKS cluster, used to fill in the OIDC commands.')),
    oidcProviderUrl: httpUrl('OIDC provider URL', 'https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE')
      .optional()
      .meta(doc('The OIDC issuer of the cluster, as aws eks describe-cluster shows it.')),
  })
  .describe('IRSA: the pod identity assumes the role; no keys.')

export const S3AssumeImdsSchema = z
  .strictObject({
    method: option(
      'imds',
      'Node instance role (IMDS)',
      'Choose this on EC2 nodes without IRSA: the gateway uses the instance profile.',
    ),
    imdsV1: bool('Nodes use IMDSv1', false).meta(
      doc('Turn this on only when the nodes allow IMDSv1; IMDSv2 needs nothing.', { env: 'AWS_IMDS_V1' }),
    ),
    roleName: iamName('Instance role name')
      .optional()
      .meta(doc('The name of the node instance role, used to fill in the IAM commands.')),
  })
  .describe('IMDS: the node role (EC2 instance profile) is used; no keys.')

export const S3AssumeLogStoreSchema = z
  .strictObject({
    type: option(
      's3_assume',
      'Amazon S3 with an IAM role',
      'Choose this on AWS when keys must not sit in the cluster: a cross-account role, IRSA or the node role.',
    ),
    region: region('The AWS region of the bucket, such as us-east-1.'),
    bucket: bucket(),
    auth: z
      .discriminatedUnion('method', [S3AssumeAccessKeysSchema, S3AssumeIrsaSchema, S3AssumeImdsSchema], {
        error: 'Auth method must be "access_keys", "irsa" or "imds".',
      })
      .meta({ title: 'How the gateway gets the role', description: 'How the gateway obtains the role.' }),
  })
  .describe('Amazon S3 with an IAM role (cross-account keys, IRSA or IMDS).')

// ---- Azure Blob ---------------------------------------------------------------------------------

export const AzureKeyAuthSchema = z
  .strictObject({
    mode: option(
      'key',
      'Storage account key',
      'The simplest choice when shared-key access is allowed on the account.',
    ),
    key: secret('Storage account key', 256).meta(
      doc('An access key of the storage account.', { env: 'AZURE_STORAGE_KEY' }),
    ),
  })
  .describe('Shared key of the storage account.')

export const AzureManagedAuthSchema = z
  .strictObject({
    mode: option(
      'managed',
      'Managed identity',
      'Choose this on AKS or Azure VMs with a managed identity: no secret to store.',
    ),
    clientId: guid('Managed identity client ID')
      .optional()
      .meta(
        doc('Needed only when the node or pod has several user-assigned identities.', {
          env: 'AZURE_MANAGED_CLIENT_ID',
        }),
      ),
  })
  .describe('Azure managed identity; no secret.')

export const AzureEntraAuthSchema = z
  .strictObject({
    mode: option(
      'entra',
      'Entra ID app',
      'Choose this when shared keys are off and no managed identity is available.',
    ),
    clientId: guid('Client ID').meta(
      doc('The application (client) ID of the app registration.', { env: 'AZURE_ENTRA_CLIENT_ID' }),
    ),
    clientSecret: secret('Client secret', 512).meta(
      doc('A client secret of that app registration.', { env: 'AZURE_ENTRA_CLIENT_SECRET' }),
    ),
    tenantId: guid('Tenant ID').meta(
      doc('The directory (tenant) ID the app belongs to.', { env: 'AZURE_ENTRA_TENANT_ID' }),
    ),
  })
  .describe('Entra ID service principal.')

export const AzureLogStoreSchema = z
  .strictObject({
    type: option(
      'azure',
      'Azure Blob Storage',
      'Choose this on Azure: a storage key, a managed identity or an Entra app.',
    ),
    account: azureAccount().meta(doc('The name of the storage account.', { env: 'AZURE_STORAGE_ACCOUNT' })),
    container: azureContainer().meta(
      doc('The blob container the logs are written to.', { env: 'AZURE_STORAGE_CONTAINER' }),
    ),
    auth: z
      .discriminatedUnion('mode', [AzureKeyAuthSchema, AzureManagedAuthSchema, AzureEntraAuthSchema], {
        error: 'Azure auth mode must be "key", "managed" or "entra".',
      })
      .meta({
        title: 'How the gateway signs in to the storage account',
        description: 'How the gateway authenticates to the storage account.',
        // The gateway reads an empty value as "use the account key".
        'x-env': 'AZURE_AUTH_MODE',
      }),
  })
  .describe('Azure Blob Storage.')

export const LOG_STORE_TYPES = ['mongo', 's3', 's3_assume', 'wasabi', 'gcs', 'azure', 'netapp'] as const

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
export const S3_FAMILY: readonly LogStoreType[] = ['s3', 's3_assume', 'wasabi', 'gcs', 'netapp']
