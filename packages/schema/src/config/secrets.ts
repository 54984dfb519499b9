import { z } from 'zod'
import { awsRegion, doc, hostName, ident, k8sName, option, roleArn } from './fields.js'

export const InlineSecretsSchema = z
  .strictObject({
    mode: option(
      'inline',
      'In values.yaml',
      'The simplest: the chart keeps them in a Kubernetes Secret. Keep the bundle out of version control.',
    ),
  })
  .describe('Keep secrets in values.yaml (the chart stores them in a Kubernetes Secret).')

export const ExistingSecretSchema = z
  .strictObject({
    mode: option(
      'existingSecret',
      'A Secret you create',
      'Keeps secrets out of values.yaml: a script creates the Secret from secrets.env (chart 1.3.0 or later).',
    ),
    secretName: k8sName('Secret name')
      .default('portkey-gateway-secrets')
      .meta(doc('The name of the Secret that create-secret.sh creates from secrets.env.')),
  })
  .describe('Keep secrets out of values.yaml: a Secret created from secrets.env.')

export const VaultSecretsSchema = z
  .strictObject({
    mode: option(
      'vault',
      'HashiCorp Vault',
      'Choose this if you run Vault with the agent injector and keep the gateway settings there.',
    ),
    host: hostName('Vault annotation prefix')
      .default('vault.hashicorp.com')
      .meta(
        doc(
          'The chart writes it as vaultConfig.vaultHost and uses it as the prefix of the Vault agent annotations (<host>/agent-inject), so it is normally vault.hashicorp.com, not the address of your Vault server.',
        ),
      ),
    secretPath: ident(
      'Secret path',
      /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_.-]+)*$/,
      'use a Vault path such as secret/data/portkey.',
      512,
    ).meta(doc('The Vault path (vaultConfig.secretPath) that holds the gateway settings.')),
    role: ident(
      'Vault role',
      /^[A-Za-z0-9_.-]{1,128}$/,
      'use letters, digits, dots, hyphens and underscores.',
      128,
    ).meta(doc('The Vault role (vaultConfig.role) bound to the gateway service account.')),
    kubernetesSecret: k8sName('Kubernetes Secret name')
      .optional()
      .meta(
        doc(
          'The Secret your Vault setup fills and the pod reads its settings from (vaultConfig.kubernetesSecret). Leave it empty to use the chart\u2019s name, gateway (chart 1.1.0 or later can use another name).',
          { placeholder: 'gateway' },
        ),
      ),
  })
  .describe('Vault injects the secrets at runtime.')

/** A Secrets Manager secret by name, or by ARN (with or without the six-character suffix AWS adds). */
export const SECRETS_MANAGER_ID =
  /^(arn:aws(-cn|-us-gov)?:secretsmanager:[a-z]{2}(-gov)?-[a-z]+-\d{1,2}:\d{12}:secret:)?[A-Za-z0-9/_+=.@-]{1,512}$/

export const AwsSecretsManagerSchema = z
  .strictObject({
    mode: option(
      'awsSecretsManager',
      'AWS Secrets Manager',
      'Choose this on EKS when secrets belong in AWS Secrets Manager: the Secrets Store CSI driver copies them into the cluster (chart 1.3.1 or later).',
    ),
    secretId: ident(
      'Secret name or ARN',
      SECRETS_MANAGER_ID,
      'use a Secrets Manager secret name such as portkey/gateway, or its ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>).',
      600,
    ).meta(
      doc(
        'The Secrets Manager secret that holds the gateway secrets as one JSON object; scripts/create-aws-secret.sh creates or updates it from secrets.env.',
        { placeholder: 'portkey/gateway' },
      ),
    ),
    region: awsRegion('Secret region').meta(
      doc('The AWS region of the secret, e.g. us-east-1.', { placeholder: 'us-east-1' }),
    ),
    roleArn: roleArn('Role that reads the secret')
      .optional()
      .meta(
        doc(
          'The IAM role (IRSA) the gateway service account carries to read the secret. Leave it empty when the log store already uses IRSA: the pod has one service account, so that role reads the secret too.',
          { placeholder: 'arn:aws:iam::123456789012:role/PortkeySecrets' },
        ),
      ),
    kmsKeyArn: ident(
      'KMS key ARN',
      /^arn:aws(-cn|-us-gov)?:kms:[a-z]{2}(-gov)?-[a-z]+-\d{1,2}:\d{12}:key\/[A-Za-z0-9-]{1,128}$/,
      'use the ARN of a KMS key, e.g. arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab.',
      300,
    )
      .optional()
      .meta(
        doc(
          'Only when the secret is encrypted with a customer managed KMS key: the role then also needs kms:Decrypt on it. Empty means the AWS managed key.',
        ),
      ),
    syncedSecretName: k8sName('Kubernetes Secret name')
      .default('portkey-gateway-env')
      .meta(
        doc(
          'The Kubernetes Secret the CSI driver fills from the AWS secret while the gateway pod runs; the chart reads the secret keys from it (environment.existingSecret).',
        ),
      ),
  })
  .describe('AWS Secrets Manager, synced into a Kubernetes Secret by the Secrets Store CSI driver.')

export const SecretsSchema = z
  .discriminatedUnion(
    'mode',
    [InlineSecretsSchema, ExistingSecretSchema, VaultSecretsSchema, AwsSecretsManagerSchema],
    {
      error: 'Secrets mode must be "inline", "existingSecret", "vault" or "awsSecretsManager".',
    },
  )
  .default({ mode: 'inline' })
  .meta({ title: 'Secrets delivery', description: 'How secrets reach the gateway.' })

export type Secrets = z.infer<typeof SecretsSchema>

/** Modes where the chart reads the secret keys from a Secret made outside it (environment.existingSecret). */
export const readsExistingSecret = (
  s: Secrets,
): s is Extract<Secrets, { mode: 'existingSecret' | 'awsSecretsManager' }> =>
  s.mode === 'existingSecret' || s.mode === 'awsSecretsManager'

/** The Kubernetes Secret the chart reads the secret keys from, in those modes. */
export const existingSecretName = (s: Secrets): string | undefined =>
  s.mode === 'existingSecret' ? s.secretName : s.mode === 'awsSecretsManager' ? s.syncedSecretName : undefined
