import { z } from 'zod'
import {
  awsAccessKeyId,
  awsRegion,
  azureAccount,
  azureContainer,
  bool,
  externalId,
  gcsBucket,
  guid,
  httpUrl,
  iamName,
  ident,
  isHost,
  looseRegion,
  roleArn,
  s3Bucket,
  secret,
  text,
} from './fields.js'

// ---- Mongo / DocumentDB -----------------------------------------------------------------------

/** URL options we add ourselves or that point the gateway at files and identities outside the chart. */
const FORBIDDEN_MONGO_OPTIONS = [
  'tlscafile',
  'tlscertificatekeyfile',
  'tlscertificatekeyfilepassword',
  'tlscrlfile',
]

const mongoUrl = secret('Connection URL', 4096).superRefine((v, ctx) => {
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
})

const mongoName = (label: string) =>
  text(label, 120).refine((v) => !/[/\\."$*<>:|?\s]/.test(v), {
    error: `${label} must not contain spaces or any of / \\ . " $ * < > : | ?.`,
  })
const mongoCollection = (label: string) =>
  text(label, 120).refine((v) => !v.includes('$') && !v.startsWith('system.'), {
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
      .describe('File name the CA is mounted as, under /etc/shared/.'),
    pem: z
      .string({ error: 'CA certificate is required: paste the PEM text.' })
      .max(262144, { error: 'CA certificate is too large: use at most 256 KiB of PEM.' })
      .regex(/^\s*(-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----\s*)+$/, {
        error:
          'CA certificate must be PEM text: one or more blocks from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.',
      })
      .describe(
        'PEM of the CA that signed the server certificate (e.g. the Amazon DocumentDB global bundle).',
      ),
  })
  .describe('CA certificate for TLS to Mongo or DocumentDB, shipped in a ConfigMap.')

export const MongoLogStoreSchema = z
  .strictObject({
    type: z.literal('mongo').describe('MongoDB or Amazon DocumentDB.'),
    connectionUrl: mongoUrl.describe('MONGO_DB_CONNECTION_URL, with user and password.'),
    database: mongoName('Database').describe('MONGO_DATABASE.'),
    collection: mongoCollection('Collection').describe('MONGO_COLLECTION_NAME, where request logs go.'),
    hooksCollection: mongoCollection('Generation hooks collection').describe(
      'MONGO_GENERATION_HOOKS_COLLECTION_NAME, where guardrail hook results go.',
    ),
    tlsCa: MongoTlsCaSchema.optional(),
  })
  .describe('Store logs in MongoDB or DocumentDB.')

// ---- S3 and S3-compatible ---------------------------------------------------------------------

const keyPair = {
  accessKey: awsAccessKeyId('Access key').describe('LOG_STORE_ACCESS_KEY.'),
  secretKey: secret('Secret key', 256).describe('LOG_STORE_SECRET_KEY.'),
}

export const S3LogStoreSchema = z
  .strictObject({
    type: z.literal('s3').describe('Amazon S3 with an access key.'),
    region: awsRegion().describe('LOG_STORE_REGION, e.g. us-east-1.'),
    bucket: s3Bucket().describe('LOG_STORE_GENERATIONS_BUCKET.'),
    ...keyPair,
  })
  .describe('Amazon S3 with long-term access keys.')

export const WasabiLogStoreSchema = z
  .strictObject({
    type: z.literal('wasabi').describe('Wasabi hot cloud storage.'),
    region: awsRegion().describe('Wasabi region, e.g. us-east-1 or eu-central-1.'),
    bucket: s3Bucket().describe('LOG_STORE_GENERATIONS_BUCKET.'),
    ...keyPair,
  })
  .describe('Wasabi, through its S3 API.')

export const GcsLogStoreSchema = z
  .strictObject({
    type: z.literal('gcs').describe('Google Cloud Storage in S3 interoperability mode.'),
    region: looseRegion().describe('Bucket location, e.g. us-central1 or auto.'),
    bucket: gcsBucket().describe('LOG_STORE_GENERATIONS_BUCKET.'),
    accessKey: ident(
      'HMAC access key',
      /^[A-Za-z0-9]{4,128}$/,
      'use the HMAC key id from Cloud Storage settings.',
      128,
    )
      .meta({ 'x-secret': true })
      .describe('HMAC key id of a service account (Cloud Storage → Settings → Interoperability).'),
    secretKey: secret('HMAC secret', 256).describe('HMAC secret of that key.'),
  })
  .describe('Google Cloud Storage with HMAC keys.')

export const NetappLogStoreSchema = z
  .strictObject({
    type: z.literal('netapp').describe('NetApp StorageGRID or ONTAP S3.'),
    region: looseRegion().describe('LOG_STORE_REGION as your NetApp S3 endpoint expects it.'),
    bucket: s3Bucket().optional().describe('LOG_STORE_GENERATIONS_BUCKET, if your endpoint needs one.'),
    ...keyPair,
    basePath: httpUrl('Base path', 'https://s3.netapp.example.com').describe(
      'LOG_STORE_BASEPATH: the S3 endpoint URL of your NetApp system.',
    ),
  })
  .describe('NetApp S3-compatible storage.')

// ---- S3 with an assumed role --------------------------------------------------------------------

export const S3AssumeAccessKeysSchema = z
  .strictObject({
    method: z.literal('access_keys').describe('Method 1: Portkey keys assume a role in your account.'),
    accessKey: awsAccessKeyId('Access key').describe('LOG_STORE_ACCESS_KEY supplied by Portkey.'),
    secretKey: secret('Secret key', 256).describe('LOG_STORE_SECRET_KEY supplied by Portkey.'),
    roleArn: roleArn().describe('LOG_STORE_AWS_ROLE_ARN: the role you created for Portkey.'),
    externalId: externalId().describe('LOG_STORE_AWS_EXTERNAL_ID required by the role trust policy.'),
    portkeyPrincipalArn: ident(
      'Portkey principal ARN',
      /^arn:aws(-cn|-us-gov)?:iam::\d{12}:(root|(user|role)\/[A-Za-z0-9+=,.@_/-]{1,512})$/,
      'use the ARN Portkey shared, e.g. arn:aws:iam::111122223333:root.',
      600,
    )
      .optional()
      .describe('The Portkey AWS principal your role trusts; Portkey shares it. Fills the trust policy.'),
  })
  .describe('Long-term keys from Portkey assume a role with an ExternalId.')

export const S3AssumeIrsaSchema = z
  .strictObject({
    method: z.literal('irsa').describe('Method 2: IAM Roles for Service Accounts on EKS.'),
    roleArn: roleArn().describe(
      'Role the gateway service account assumes; added as eks.amazonaws.com/role-arn.',
    ),
    clusterName: ident(
      'EKS cluster name',
      /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/,
      'use the EKS cluster name (letters, digits, - and _).',
      100,
    )
      .optional()
      .describe('EKS cluster name, used to fill the OIDC commands.'),
    oidcProviderUrl: httpUrl('OIDC provider URL', 'https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE')
      .optional()
      .describe('OIDC issuer of the cluster, from aws eks describe-cluster.'),
  })
  .describe('IRSA: the pod identity assumes the role; no keys.')

export const S3AssumeImdsSchema = z
  .strictObject({
    method: z.literal('imds').describe('Method 3: the node instance role through IMDS.'),
    imdsV1: bool('IMDS v1', false).describe('Set only when the nodes allow IMDSv1; IMDSv2 needs nothing.'),
    roleName: iamName('Role name')
      .optional()
      .describe('Name for the instance role, used to fill the IAM commands.'),
  })
  .describe('IMDS: the node role (EC2 instance profile) is used; no keys.')

export const S3AssumeLogStoreSchema = z
  .strictObject({
    type: z.literal('s3_assume').describe('Amazon S3 through an assumed IAM role.'),
    region: awsRegion().describe('LOG_STORE_REGION.'),
    bucket: s3Bucket().describe('LOG_STORE_GENERATIONS_BUCKET.'),
    auth: z
      .discriminatedUnion('method', [S3AssumeAccessKeysSchema, S3AssumeIrsaSchema, S3AssumeImdsSchema], {
        error: 'Auth method must be "access_keys", "irsa" or "imds".',
      })
      .describe('How the gateway obtains the role.'),
  })
  .describe('Amazon S3 with an IAM role (cross-account keys, IRSA or IMDS).')

// ---- Azure Blob ---------------------------------------------------------------------------------

export const AzureKeyAuthSchema = z
  .strictObject({
    mode: z.literal('key').describe('Storage account access key.'),
    key: secret('Storage account key', 256).describe('AZURE_STORAGE_KEY.'),
  })
  .describe('Shared key of the storage account.')

export const AzureManagedAuthSchema = z
  .strictObject({
    mode: z.literal('managed').describe('Managed identity of the node or pod.'),
    clientId: guid('Managed identity client ID')
      .optional()
      .describe('AZURE_MANAGED_CLIENT_ID; needed only with several user-assigned identities.'),
  })
  .describe('Azure managed identity; no secret.')

export const AzureEntraAuthSchema = z
  .strictObject({
    mode: z.literal('entra').describe('Microsoft Entra app registration (client credentials).'),
    clientId: guid('Client ID').describe('AZURE_ENTRA_CLIENT_ID.'),
    clientSecret: secret('Client secret', 512).describe('AZURE_ENTRA_CLIENT_SECRET.'),
    tenantId: guid('Tenant ID').describe('AZURE_ENTRA_TENANT_ID.'),
  })
  .describe('Entra ID service principal.')

export const AzureLogStoreSchema = z
  .strictObject({
    type: z.literal('azure').describe('Azure Blob Storage.'),
    account: azureAccount().describe('AZURE_STORAGE_ACCOUNT.'),
    container: azureContainer().describe('AZURE_STORAGE_CONTAINER.'),
    auth: z
      .discriminatedUnion('mode', [AzureKeyAuthSchema, AzureManagedAuthSchema, AzureEntraAuthSchema], {
        error: 'Azure auth mode must be "key", "managed" or "entra".',
      })
      .describe('How the gateway authenticates to the storage account.'),
  })
  .describe('Azure Blob Storage.')

export const LOG_STORE_TYPES = ['mongo', 's3', 's3_assume', 'wasabi', 'gcs', 'azure', 'netapp'] as const

export const LogStoreSchema = z
  .discriminatedUnion(
    'type',
    [
      MongoLogStoreSchema,
      S3LogStoreSchema,
      S3AssumeLogStoreSchema,
      WasabiLogStoreSchema,
      GcsLogStoreSchema,
      AzureLogStoreSchema,
      NetappLogStoreSchema,
    ],
    {
      error: (iss) =>
        iss.input === undefined
          ? `Log store is required: choose one of ${LOG_STORE_TYPES.join(', ')}.`
          : `Log store type must be one of ${LOG_STORE_TYPES.join(', ')}.`,
    },
  )
  .describe('Where the gateway stores request and response logs (LOG_STORE).')

export type LogStore = z.infer<typeof LogStoreSchema>
export type LogStoreType = LogStore['type']
export type S3AssumeAuth = z.infer<typeof S3AssumeLogStoreSchema>['auth']
export type AzureAuth = z.infer<typeof AzureLogStoreSchema>['auth']
export const S3_FAMILY: readonly LogStoreType[] = ['s3', 's3_assume', 'wasabi', 'gcs', 'netapp']
