import { z } from 'zod'
import { azureAccount, azureContainer, bool, doc, guid, option, secret } from '../fields.js'

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
        doc(
          'Needed when the node or pod has several user-assigned identities, and always with AKS workload identity (the identity federated with the gateway service account).',
          { env: 'AZURE_MANAGED_CLIENT_ID' },
        ),
      ),
    workloadIdentity: bool('Use AKS workload identity', false).meta({
      description:
        'The gateway pods get the identity through their own service account (the client-id annotation and the azure.workload.identity/use pod label) rather than from the node pool. Needs the workload identity add-on and a federated credential (chart 1.0.6 or later).',
    }),
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
