import { z } from 'zod'
import { doc, hostName, ident, k8sName, option } from './fields.js'

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

export const SecretsSchema = z
  .discriminatedUnion('mode', [InlineSecretsSchema, ExistingSecretSchema, VaultSecretsSchema], {
    error: 'Secrets mode must be "inline", "existingSecret" or "vault".',
  })
  .default({ mode: 'inline' })
  .meta({ title: 'Secrets delivery', description: 'How secrets reach the gateway.' })

export type Secrets = z.infer<typeof SecretsSchema>
