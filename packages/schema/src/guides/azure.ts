import { AzureEntraAuthSchema, AzureLogStoreSchema, AzureManagedAuthSchema } from '../config/log-store.js'
import { q, section, shell, step } from './blocks.js'
import type { GuideSection, GuideStep } from './types.js'
import { pick, type Rec, rec, type View, valid } from './view.js'

const ROLE = 'Storage Blob Data Contributor'
const RBAC_DOCS = 'https://learn.microsoft.com/azure/storage/blobs/assign-azure-role-data-access'

const containerStep = (account: string, container: string): GuideStep =>
  step(
    'logStore.azure.container',
    `Create the container ${container} (skip if it exists)`,
    `The gateway writes its logs as blobs in this container of storage account ${account}. --auth-mode login uses your own Azure sign-in.`,
    [
      shell(
        'Create the container',
        `az storage container create --name ${q(container)} --account-name ${q(account)} --auth-mode login`,
      ),
    ],
  )

/** The data-plane role on the storage account, for an identity known by its client (app) id. */
const roleStep = (id: string, account: string, assignee: string, who: string): GuideStep =>
  step(
    id,
    `Grant ${who} ${ROLE}`,
    `Reading and writing blobs needs a data-plane role; Owner or Contributor on the account is not enough. Scoping it to storage account ${account} keeps it away from other accounts. New assignments can take a few minutes to apply.`,
    [
      shell(
        'Assign the role on the storage account',
        `SCOPE="$(az storage account show --name ${q(account)} --query id --output tsv)"`,
        `az role assignment create --assignee ${q(assignee)} --role ${q(ROLE)} --scope "$SCOPE"`,
      ),
    ],
    [{ label: 'Azure: assign a role for blob data access', url: RBAC_DOCS }],
  )

const keySteps = (account: string): GuideStep[] => [
  step(
    'logStore.azure.key.get',
    'Copy a storage account key',
    'The gateway signs its requests with one of the two account keys. Enter it in portkey-setup (AZURE_STORAGE_KEY). Rotating that key later means updating the gateway too.',
    [
      shell(
        'Print the first key',
        `az storage account keys list --account-name ${q(account)} --query '[0].value' --output tsv`,
      ),
    ],
  ),
]

/**
 * AKS workload identity: the pod gets a user-assigned identity through its service account (the
 * chart's fullname: serviceAccount.create with no name), federated with the cluster's OIDC issuer.
 */
const workloadIdentitySteps = (v: View, account: string, auth: Rec): GuideStep[] => {
  const clientId = valid(AzureManagedAuthSchema.shape.clientId, auth.clientId)
  const subject = `system:serviceaccount:${v.namespace}:${v.fullname}`
  const cluster = [`--resource-group ${q('<resource-group>')}`, `--name ${q('<aks-cluster>')}`].join(' ')
  return [
    step(
      'logStore.azure.workload.cluster',
      'Turn on the OIDC issuer and workload identity of the cluster',
      'Workload identity lets a pod exchange its service account token for an Entra token. AKS needs its OIDC issuer and the workload identity webhook; the command is harmless when both are on.',
      [
        shell(
          'Enable both on the AKS cluster',
          `az aks update ${cluster} --enable-oidc-issuer --enable-workload-identity`,
        ),
      ],
      [
        {
          label: 'AKS: workload identity',
          url: 'https://learn.microsoft.com/azure/aks/workload-identity-overview',
        },
      ],
    ),
    step(
      'logStore.azure.workload.identity',
      'Create the managed identity (skip if you have one)',
      `A user-assigned identity for the gateway. Enter its client id in portkey-setup: values.yaml puts it in the azure.workload.identity/client-id annotation of the service account and in AZURE_MANAGED_CLIENT_ID.${clientId ? ` You chose ${clientId}.` : ''}`,
      [
        shell(
          'Create it and print its client id',
          `az identity create --name ${q('portkey-gateway')} --resource-group ${q('<resource-group>')} --query clientId --output tsv`,
        ),
      ],
    ),
    step(
      'logStore.azure.workload.federation',
      `Trust the service account ${v.fullname}`,
      `The federated credential lets exactly the gateway service account (${subject}) act as the identity. The chart names the account after the release, like the Deployment.`,
      [
        shell(
          'Create the federated credential',
          `ISSUER="$(az aks show ${cluster} --query oidcIssuerProfile.issuerUrl --output tsv)"`,
          `az identity federated-credential create --name ${q('portkey-gateway')} --identity-name ${q('portkey-gateway')} \\`,
          `  --resource-group ${q('<resource-group>')} --issuer "$ISSUER" \\`,
          `  --subject ${q(subject)} --audiences api://AzureADTokenExchange`,
        ),
      ],
    ),
    roleStep('logStore.azure.workload.role', account, clientId ?? '<identity-client-id>', 'the identity'),
  ]
}

const managedSteps = (v: View, account: string, auth: Rec): GuideStep[] => {
  if (auth.workloadIdentity === true) return workloadIdentitySteps(v, account, auth)
  const clientId = valid(AzureManagedAuthSchema.shape.clientId, auth.clientId)
  return [
    step(
      'logStore.azure.managed.identity',
      'Find the managed identity of the nodes',
      `On AKS the pods borrow the kubelet identity of the node pool. If the nodes carry several user-assigned identities, the gateway must be told which one to use: enter its client id in portkey-setup (AZURE_MANAGED_CLIENT_ID).${clientId ? ` You chose ${clientId}.` : ''}`,
      [
        shell(
          'Show the kubelet identity of an AKS cluster',
          `az aks show --resource-group ${q('<resource-group>')} --name ${q('<aks-cluster>')} \\`,
          '  --query identityProfile.kubeletidentity.clientId --output tsv',
        ),
        shell(
          'List your user-assigned identities',
          'az identity list --query "[].{name:name, clientId:clientId}" --output table',
        ),
      ],
    ),
    roleStep('logStore.azure.managed.role', account, clientId ?? '<identity-client-id>', 'the identity'),
  ]
}

const entraSteps = (account: string, auth: Rec): GuideStep[] => {
  const clientId = pick(AzureEntraAuthSchema.shape.clientId, auth.clientId, 'client-id')
  return [
    step(
      'logStore.azure.entra.app',
      'Register an app for the gateway',
      'The gateway signs in as this app registration (a service principal) with a client secret. Note the appId it prints (the client id) and your tenant id, and enter both in portkey-setup.',
      [
        shell(
          'Create the app and its service principal',
          `APP_ID="$(az ad app create --display-name ${q('portkey-gateway-logs')} --query appId --output tsv)"`,
          'az ad sp create --id "$APP_ID"',
          'echo "client id: $APP_ID"',
          'echo "tenant id: $(az account show --query tenantId --output tsv)"',
        ),
      ],
    ),
    step(
      'logStore.azure.entra.secret',
      'Create a client secret',
      'The secret is printed once; paste it into portkey-setup (AZURE_ENTRA_CLIENT_SECRET) and plan to renew it before it expires.',
      [
        shell(
          'Create a secret valid for one year',
          `az ad app credential reset --id ${q(clientId)} --display-name ${q('portkey-gateway')} --years 1 --append \\`,
          '  --query password --output tsv',
        ),
      ],
    ),
    roleStep('logStore.azure.entra.role', account, clientId, 'the app'),
  ]
}

const MODES = { key: 'account key', managed: 'managed identity', entra: 'Entra app registration' } as const

export const azureGuide = (v: View, ls: Rec): GuideSection => {
  const account = pick(AzureLogStoreSchema.shape.account, ls.account, 'storage-account')
  const container = pick(AzureLogStoreSchema.shape.container, ls.container, 'container')
  const auth = rec(ls.auth)
  const mode = auth.mode
  const where = `Logs go to container ${container} of storage account ${account}`
  if (mode !== 'key' && mode !== 'managed' && mode !== 'entra')
    return section(
      'logStore',
      'azure',
      'Log store: Azure Blob Storage',
      `${where}; choose an account key, a managed identity or an Entra app.`,
      [containerStep(account, container)],
    )
  const steps =
    mode === 'key'
      ? keySteps(account)
      : mode === 'managed'
        ? managedSteps(v, account, auth)
        : entraSteps(account, auth)
  const how =
    mode === 'managed' && auth.workloadIdentity === true
      ? `${MODES[mode]} (AKS workload identity)`
      : MODES[mode]
  return section(
    'logStore',
    `azure/${mode}`,
    `Log store: Azure Blob Storage, ${how}`,
    `${where}, signed in with the ${how}.`,
    [containerStep(account, container), ...steps],
  )
}
