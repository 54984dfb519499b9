import type { PipelineOptions } from '@azure/core-rest-pipeline'
import type { StoragePipelineOptions } from '@azure/storage-blob'
import type { DeploymentConfig, LogStore } from '@portkey-setup/schema'
import { probeBody, probeKey } from './aws.js'
import { azureBlobEndpoint, entraAuthority } from './endpoints.js'
import { networkFailure } from './runner/classify.js'
import { CheckFailure, errorTag, fail } from './runner/failure.js'
import { urlTarget } from './runner/open.js'
import { defineCheck, type FieldPath, type OpenedTargets } from './runner/types.js'

type Azure = Extract<LogStore, { type: 'azure' }>
type KeyOrEntra = Azure & { auth: Extract<Azure['auth'], { mode: 'key' | 'entra' }> }
type Cfg = DeploymentConfig & { logStore: KeyOrEntra }

const ACCOUNT: FieldPath = ['logStore', 'account']
const CONTAINER: FieldPath = ['logStore', 'container']
const STORAGE_SCOPE = 'https://storage.azure.com/.default'

/**
 * Pipeline options that make the Azure SDK dial through the policy: our agent on every request
 * (the SDK's proxy policy leaves a request alone once it has an agent, so no proxy from the
 * environment applies), no redirects, no retries.
 */
const policyPipeline = (opened: OpenedTargets, url: string) => {
  const agents = opened.agents()
  const agent = url.startsWith('https:') ? agents.https : agents.http
  return { agent: agent as PipelineOptions['agent'], redirectOptions: { maxRetries: 0 } }
}

type RestErr = { name?: string; code?: unknown; statusCode?: number }
type AuthErr = {
  name?: string
  statusCode?: number
  errorResponse?: { error?: unknown; errorCodes?: unknown }
}

const entraFailure = (err: unknown): CheckFailure => {
  const net = networkFailure(err, ['logStore', 'auth', 'tenantId'])
  if (net) return net
  const e = (err ?? {}) as AuthErr & { message?: string }
  // @azure/identity folds MSAL's answer into its message ("invalid_client: Error(s): 7000215 - ...");
  // only the error identifier and the numeric codes are read from it, nothing else is kept.
  const msg = typeof e.message === 'string' ? e.message : ''
  const fromMsg = /^([a-z_]+):/.exec(msg)?.[1]
  const msgCodes = (/Error\(s\):\s*([\d,\s-]+?)\s+-\s/.exec(msg)?.[1] ?? '').split(/[,\s-]+/).filter(Boolean)
  const error = e.errorResponse?.error ?? fromMsg
  const codes = Array.isArray(e.errorResponse?.errorCodes)
    ? (e.errorResponse.errorCodes as unknown[])
    : msgCodes
  const has = (...n: number[]) => codes.some((c) => n.includes(Number(c)))
  const tag = errorTag(e.name, error, ...codes.slice(0, 2).map((c) => `AADSTS${c}`))
  if (has(90002, 900023, 90013) || error === 'endpoints_resolution_error' || error === 'invalid_tenant')
    return new CheckFailure(
      'NOT_FOUND',
      `Microsoft Entra does not know this tenant${tag}.`,
      'Check logStore.auth.tenantId: copy the Directory (tenant) ID of the app registration.',
      ['logStore', 'auth', 'tenantId'],
    )
  if (has(700016) || error === 'unauthorized_client')
    return new CheckFailure(
      'AUTH_FAILED',
      `The tenant has no app with this client ID${tag}.`,
      'Check logStore.auth.clientId: copy the Application (client) ID of the app registration.',
      ['logStore', 'auth', 'clientId'],
    )
  if (has(7000215, 7000222) || error === 'invalid_client' || e.statusCode === 401)
    return new CheckFailure(
      'AUTH_FAILED',
      `Microsoft Entra refused the client secret${tag}.`,
      'Check logStore.auth.clientSecret: use the secret value (not its ID), and that it has not expired.',
      ['logStore', 'auth', 'clientSecret'],
    )
  return new CheckFailure(
    'AUTH_FAILED',
    `No token could be obtained from Microsoft Entra${tag}.`,
    'Check the tenant ID, client ID and client secret of the app registration.',
    ['logStore', 'auth', 'clientSecret'],
  )
}

const storageFailure = (err: unknown, mode: 'key' | 'entra', op: 'write' | 'read'): CheckFailure => {
  const net = networkFailure(err, ACCOUNT)
  if (net) return net
  const e = (err ?? {}) as RestErr
  const code = typeof e.code === 'string' ? e.code : undefined
  const tag = errorTag(code, e.statusCode)
  if (code === 'ContainerNotFound')
    return new CheckFailure(
      'NOT_FOUND',
      `The container does not exist in this storage account${tag}.`,
      'Create the container or correct logStore.container.',
      CONTAINER,
    )
  if (code === 'ResourceNotFound' || code === 'AccountNotFound' || code === 'AccountIsDisabled')
    return new CheckFailure(
      'NOT_FOUND',
      `The storage account or container was not found${tag}.`,
      'Check logStore.account and logStore.container.',
      ACCOUNT,
    )
  if (
    mode === 'key' &&
    (code === 'AuthenticationFailed' || code === 'AuthorizationFailure' || e.statusCode === 403)
  )
    return new CheckFailure(
      'AUTH_FAILED',
      `The storage account refused requests signed with this key${tag}.`,
      'Check logStore.auth.key (key1 or key2 of logStore.account under Access keys), and that the account allows shared key access and this network.',
      ['logStore', 'auth', 'key'],
    )
  if (
    code === 'AuthorizationPermissionMismatch' ||
    code === 'AuthorizationFailure' ||
    code === 'AuthorizationResourceTypeMismatch'
  )
    return new CheckFailure(
      'ACCESS_DENIED',
      `The identity may not ${op} blobs in this container${tag}.`,
      mode === 'entra'
        ? 'Assign the app in logStore.auth.clientId the "Storage Blob Data Contributor" role on the container or account.'
        : 'Check the network rules and access settings of logStore.account.',
      mode === 'entra' ? ['logStore', 'auth', 'clientId'] : ACCOUNT,
    )
  if (
    code === 'AuthenticationFailed' ||
    code === 'InvalidAuthenticationInfo' ||
    e.statusCode === 401 ||
    e.statusCode === 403
  )
    return new CheckFailure(
      'AUTH_FAILED',
      `The storage account refused the credentials${tag}.`,
      mode === 'key'
        ? 'Check logStore.auth.key: copy key1 or key2 of logStore.account from Access keys.'
        : 'Check the app registration in logStore.auth and that it belongs to the tenant of the account.',
      mode === 'key' ? ['logStore', 'auth', 'key'] : ['logStore', 'auth', 'clientId'],
    )
  if (e.statusCode !== undefined)
    return new CheckFailure(
      'PROTOCOL_ERROR',
      `Blob storage answered HTTP ${e.statusCode}${tag}.`,
      'Check logStore.account and try again.',
      ACCOUNT,
    )
  throw err
}

export const azureBlobCheck = defineCheck<Cfg>({
  target: 'logStore',
  kind: (c) => `azure-${c.logStore.auth.mode}`,
  endpointField: () => ACCOUNT,
  async run(config, ctx) {
    const ls = config.logStore
    const auth = ls.auth
    const blob = azureBlobEndpoint(ctx.env, ls.account)
    const authority = entraAuthority(ctx.env)
    const opened = await ctx.open([
      ...(auth.mode === 'entra' ? [urlTarget(authority.url)] : []),
      urlTarget(blob.url),
    ])

    const { BlobServiceClient, StorageSharedKeyCredential } = await import('@azure/storage-blob')
    let credential:
      | InstanceType<typeof StorageSharedKeyCredential>
      | import('@azure/core-auth').TokenCredential
    if (auth.mode === 'key') {
      credential = new StorageSharedKeyCredential(ls.account, auth.key)
    } else {
      const { ClientSecretCredential } = await import('@azure/identity')
      const entra = new ClientSecretCredential(auth.tenantId, auth.clientId, auth.clientSecret, {
        authorityHost: authority.url,
        ...policyPipeline(opened, authority.url),
        disableInstanceDiscovery: authority.overridden,
        retryOptions: { maxRetries: 0 },
      })
      const token = await ctx.step(
        'authenticate',
        async () => {
          try {
            return await entra.getToken(STORAGE_SCOPE, { abortSignal: ctx.signal })
          } catch (err) {
            throw entraFailure(err)
          }
        },
        { detail: () => 'token issued for Azure Storage' },
      )
      credential = { getToken: async () => token }
    }

    // agent and redirectOptions reach the core pipeline, though StoragePipelineOptions does not list them.
    const pipelineOptions = {
      ...policyPipeline(opened, blob.url),
      retryOptions: { maxTries: 1 },
    } as StoragePipelineOptions
    const service = new BlobServiceClient(blob.url, credential, pipelineOptions)
    const blockBlob = service.getContainerClient(ls.container).getBlockBlobClient(probeKey())
    const body = probeBody(blockBlob.name)

    await ctx.step('write', async () => {
      try {
        await blockBlob.upload(body, Buffer.byteLength(body), {
          abortSignal: ctx.signal,
          blobHTTPHeaders: { blobContentType: 'text/plain' },
        })
      } catch (err) {
        throw storageFailure(err, auth.mode, 'write')
      }
      return `wrote ${ls.container}/${blockBlob.name}`
    })
    await ctx.step('read', async () => {
      let text: string
      try {
        text = (await blockBlob.downloadToBuffer(0, undefined, { abortSignal: ctx.signal })).toString('utf8')
      } catch (err) {
        throw storageFailure(err, auth.mode, 'read')
      }
      if (text !== body)
        fail(
          'MISMATCH',
          'The probe blob read back differs from what was written.',
          'Check for a proxy or policy that changes blobs in logStore.container.',
          CONTAINER,
        )
      return 'read the probe back, content matches'
    })
  },
})
