import { z } from 'zod'
import { hostName, ident, k8sName } from './fields.js'

export const InlineSecretsSchema = z
  .strictObject({ mode: z.literal('inline').describe('Secrets are written into values.yaml.') })
  .describe('Keep secrets in values.yaml (the chart stores them in a Kubernetes Secret).')

export const ExistingSecretSchema = z
  .strictObject({
    mode: z
      .literal('existingSecret')
      .describe('Secrets live in a Kubernetes Secret you create (chart 1.3.0+).'),
    secretName: k8sName('Secret name')
      .default('portkey-gateway-secrets')
      .describe('Name of the Secret create-secret.sh creates from secrets.env.'),
  })
  .describe('Keep secrets out of values.yaml: a Secret created from secrets.env.')

export const VaultSecretsSchema = z
  .strictObject({
    mode: z.literal('vault').describe('HashiCorp Vault agent injection.'),
    host: hostName('Vault annotation prefix')
      .default('vault.hashicorp.com')
      .describe(
        'vaultConfig.vaultHost. The chart uses it as the prefix of the Vault agent annotations (<host>/agent-inject), so it is normally vault.hashicorp.com, not the address of your Vault server.',
      ),
    secretPath: ident(
      'Secret path',
      /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_.-]+)*$/,
      'use a Vault path such as secret/data/portkey.',
      512,
    ).describe('vaultConfig.secretPath holding the gateway environment.'),
    role: ident(
      'Vault role',
      /^[A-Za-z0-9_.-]{1,128}$/,
      'use letters, digits, dots, hyphens and underscores.',
      128,
    ).describe('vaultConfig.role bound to the gateway service account.'),
  })
  .describe('Vault injects the secrets at runtime.')

export const SecretsSchema = z
  .discriminatedUnion('mode', [InlineSecretsSchema, ExistingSecretSchema, VaultSecretsSchema], {
    error: 'Secrets mode must be "inline", "existingSecret" or "vault".',
  })
  .default({ mode: 'inline' })
  .describe('How secrets reach the gateway.')

export type Secrets = z.infer<typeof SecretsSchema>
