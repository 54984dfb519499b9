import { stringify } from 'yaml'
import type { z } from 'zod'
import type { AwsSecretsManagerSchema, DeploymentConfig } from '../config/index.js'
import { gatewayRoleArn } from '../config/index.js'
import { envData } from './env-data.js'
import { type PolicyDocument, partitionOfRegion } from './iam-policies.js'
import { block, documentText, entry, manifest, map, seq, str, word } from './yaml-doc.js'

/**
 * AWS Secrets Manager through the Secrets Store CSI driver: the SecretProviderClass the bundle
 * applies, the policy of the role that reads the secret, and the names values.yaml refers to.
 * The driver copies the JSON keys of the AWS secret into a Kubernetes Secret while a pod mounts
 * the CSI volume, so the gateway pod mounts it; the chart then reads that Secret as an existing one.
 */
export type AwsSecretsManager = z.output<typeof AwsSecretsManagerSchema>

export const SECRET_PROVIDER_CLASS_PATH = 'secret-provider-class.yaml'
export const CSI_DRIVER_NAME = 'secrets-store.csi.k8s.io'
export const CSI_VOLUME_NAME = 'secrets-store'
export const CSI_MOUNT_PATH = '/mnt/secrets-store'
/** Name of the inline policy create-aws-secret.sh puts on the role. */
export const SECRETS_POLICY_NAME = 'portkey-secrets-manager-read'

export const awsSecretsManagerOf = (c: DeploymentConfig): AwsSecretsManager | undefined =>
  c.secrets.mode === 'awsSecretsManager' ? c.secrets : undefined

export const secretProviderClassName = (c: DeploymentConfig) => `${c.chart.releaseName}-aws-secrets`

/** The keys the AWS secret holds and the synced Secret gets: the secret keys of this setup. */
export const awsSecretKeys = (c: DeploymentConfig): string[] => envData(c).secretKeys

const ARN = /^arn:([^:]+):secretsmanager:([^:]+):(\d{12}):secret:(.+)$/

/**
 * ARNs the read policy names. A secret's ARN ends in "-" and six random characters AWS picks at
 * creation, so a name (or an ARN given without them) is matched with "-??????" after it; an ARN given
 * in full matches itself.
 */
export const secretArnPatterns = (c: DeploymentConfig, s: AwsSecretsManager): string[] => {
  const m = ARN.exec(s.secretId)
  if (m) return [s.secretId, `${s.secretId}-??????`]
  const account = /^arn:[^:]+:iam::(\d{12}):/.exec(gatewayRoleArn(c) ?? '')?.[1] ?? '<account-id>'
  return [
    `arn:${partitionOfRegion(s.region)}:secretsmanager:${s.region}:${account}:secret:${s.secretId}-??????`,
  ]
}

/** Read access to this one secret, and decrypt with its KMS key when it has its own. */
export const secretsManagerReadPolicy = (c: DeploymentConfig, s: AwsSecretsManager): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'PortkeyGatewaySecretRead',
      Effect: 'Allow',
      Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
      Resource: secretArnPatterns(c, s),
    },
    ...(s.kmsKeyArn
      ? [
          {
            Sid: 'PortkeyGatewaySecretDecrypt',
            Effect: 'Allow',
            Action: 'kms:Decrypt',
            Resource: s.kmsKeyArn,
            Condition: {
              StringEquals: { 'kms:ViaService': `secretsmanager.${s.region}.amazonaws.com` },
            },
          },
        ]
      : []),
  ],
})

/** The provider's objects parameter is itself YAML inside a string: built as data, then written out. */
const objectsParameter = (s: AwsSecretsManager, keys: string[]) =>
  stringify(
    [
      {
        objectName: s.secretId,
        objectType: 'secretsmanager',
        jmesPath: keys.map((k) => ({ path: k, objectAlias: k })),
      },
    ],
    { lineWidth: 0 },
  )

/** secret-provider-class.yaml, or null when secrets are not in AWS Secrets Manager. */
export const renderSecretProviderClass = (c: DeploymentConfig): string | null => {
  const s = awsSecretsManagerOf(c)
  if (!s) return null
  const keys = awsSecretKeys(c)
  return documentText(
    manifest(
      'secrets-store.csi.x-k8s.io/v1',
      'SecretProviderClass',
      secretProviderClassName(c),
      c.chart.namespace,
      entry(
        'spec',
        map(
          entry('provider', word('aws')),
          entry(
            'parameters',
            map(entry('region', str(s.region)), entry('objects', block(objectsParameter(s, keys)))),
            'Each JSON key of the AWS secret becomes a file of the same name in the CSI volume.',
          ),
          entry(
            'secretObjects',
            seq(
              map(
                entry('secretName', str(s.syncedSecretName)),
                entry('type', word('Opaque')),
                entry(
                  'data',
                  seq(...keys.map((k) => map(entry('objectName', str(k)), entry('key', str(k))))),
                ),
              ),
            ),
            [
              'The driver copies those files into this Kubernetes Secret while a pod mounts the volume',
              '(values.yaml mounts it in the gateway pod); the chart reads the secret keys from it.',
            ],
          ),
        ),
      ),
    ),
    [
      'SecretProviderClass for the Secrets Store CSI driver, written by portkey-setup.',
      `It tells the AWS provider to read ${s.secretId} (${s.region}) and to keep the Kubernetes`,
      `Secret ${s.syncedSecretName} filled from it. scripts/install-secrets-store-csi.sh applies it:`,
      `  kubectl apply -n ${c.chart.namespace} -f ${SECRET_PROVIDER_CLASS_PATH}`,
    ],
  )
}
