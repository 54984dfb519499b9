import { randomUUID } from 'node:crypto'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { fixtures } from '@portkey-setup/schema/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  configWith,
  peerEnv,
  ports,
  requirePeers,
  runOptions,
  serverCert,
  serverKey,
} from '../test-support/peers.js'
import { expectFailure, networkFailureCases } from '../test-support/test-cases.js'
import { closedPort } from '../test-support/test-listener.js'
import { checkTarget } from './catalog.js'

const A = ports.azurite
const TENANT = '11111111-2222-3333-4444-555555555555'
const CLIENT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'
const SECRET = `entra-secret-${randomUUID()}`

const keyConfig = (key = A.accountKey, container = A.container) =>
  configWith({ logStore: { type: 'azure', account: A.account, container, auth: { mode: 'key', key } } })
const entraConfig = (
  o: { tenantId?: string; clientId?: string; clientSecret?: string; container?: string } = {},
) =>
  configWith({
    logStore: {
      type: 'azure',
      account: A.account,
      container: o.container ?? A.container,
      auth: {
        mode: 'entra',
        tenantId: o.tenantId ?? TENANT,
        clientId: o.clientId ?? CLIENT,
        clientSecret: o.clientSecret ?? SECRET,
      },
    },
  })

/**
 * The Entra side for Azurite's `--oauth basic`: a loopback HTTPS authority (OpenID metadata and
 * the client-credentials token endpoint) that checks tenant, client id and secret, and answers
 * failures with Entra's error codes. Azurite does not verify token signatures, so the token is an
 * unsigned v1-style JWT with the claims Azurite checks (iss, aud, nbf, exp).
 */
const startAuthority = async () => {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
  const json = (res: import('node:http').ServerResponse, status: number, body: object) => {
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  }
  let tokens = 0
  const server = https.createServer({ cert: serverCert(), key: serverKey() }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://localhost')
    const [, tenant, ...rest] = url.pathname.split('/')
    const base = `https://localhost:${(server.address() as AddressInfo).port}/${tenant}`
    if (tenant !== TENANT)
      return json(res, 400, {
        error: 'invalid_tenant',
        error_description: 'AADSTS90002: Tenant not found.',
        error_codes: [90002],
      })
    if (rest.join('/') === 'v2.0/.well-known/openid-configuration')
      return json(res, 200, {
        issuer: `https://login.microsoftonline.com/${tenant}/v2.0`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        token_endpoint: `${base}/oauth2/v2.0/token`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        jwks_uri: `${base}/discovery/v2.0/keys`,
        response_types_supported: ['code'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
      })
    if (rest.join('/') === 'oauth2/v2.0/token' && req.method === 'POST') {
      let body = ''
      req.on('data', (d) => {
        body += d
      })
      req.on('end', () => {
        const form = new URLSearchParams(body)
        if (form.get('client_id') !== CLIENT)
          return json(res, 400, {
            error: 'unauthorized_client',
            error_description: 'AADSTS700016: app not found',
            error_codes: [700016],
          })
        if (form.get('client_secret') !== SECRET)
          return json(res, 401, {
            error: 'invalid_client',
            error_description: 'AADSTS7000215: Invalid client secret provided.',
            error_codes: [7000215],
          })
        const now = Math.floor(Date.now() / 1000)
        tokens++
        const claims = {
          iss: `https://sts.windows.net/${TENANT}/`,
          aud: 'https://storage.azure.com',
          iat: now - 5,
          nbf: now - 5,
          exp: now + 3600,
          tid: TENANT,
          appid: CLIENT,
          oid: CLIENT,
        }
        json(res, 200, {
          token_type: 'Bearer',
          expires_in: 3600,
          ext_expires_in: 3600,
          access_token: `${b64({ typ: 'JWT', alg: 'RS256' })}.${b64(claims)}.c2ln`,
        })
      })
      return
    }
    json(res, 404, { error: 'not_found' })
  })
  await new Promise<void>((r) => server.listen({ host: '127.0.0.1', port: 0 }, () => r()))
  return {
    url: `https://localhost:${(server.address() as AddressInfo).port}`,
    tokens: () => tokens,
    close: () => server.close(),
  }
}

let authority: Awaited<ReturnType<typeof startAuthority>>
beforeAll(async () => {
  await requirePeers({ azurite: A.blobPort, 'azurite-oauth': A.oauthBlobPort })
  authority = await startAuthority()
})
afterAll(() => authority?.close())

const entraEnv = () => ({
  ...peerEnv(),
  endpointOverrides: {
    ...peerEnv().endpointOverrides,
    azureBlob: `https://localhost:${A.oauthBlobPort}/{account}`,
    entraAuthority: authority.url,
  },
})
const run = (c: ReturnType<typeof configWith>, over = {}) => checkTarget(c, 'logStore', runOptions(over))

describe('logStore azure with the account key (Azurite, shared key)', () => {
  it('writes and reads a probe blob', async () => {
    const r = await run(keyConfig())
    expect(r.status, JSON.stringify(r)).toBe('pass')
    expect(r.kind).toBe('azure-key')
    expect(r.steps.map((s) => s.name)).toEqual(['resolve', 'connect', 'write', 'read'])
  })

  it('wrong key: AUTH_FAILED on logStore.auth.key', async () => {
    const r = await run(
      keyConfig(Buffer.from('not the account key at all, sixty-four bytes long........').toString('base64')),
    )
    expectFailure(r, 'AUTH_FAILED', ['logStore', 'auth', 'key'])
  })

  it('missing container: NOT_FOUND on logStore.container', async () => {
    const r = await run(keyConfig(A.accountKey, 'no-such-container'))
    expectFailure(r, 'NOT_FOUND', ['logStore', 'container'])
  })

  it('the HTTPS instance with the key, TLS verified for localhost', async () => {
    const r = await run(keyConfig(), {
      env: {
        ...peerEnv(),
        endpointOverrides: { azureBlob: `https://localhost:${A.oauthBlobPort}/{account}` },
      },
    })
    expect(r.status, JSON.stringify(r)).toBe('pass')
    expect(r.steps.map((s) => s.name)).toContain('tls')
    // A name is shown with what it resolved to.
    expect(r.steps.find((s) => s.name === 'resolve')?.detail).toMatch(/^localhost → [\d.:a-f, ]+$/)
  })

  it('wrong CA: TLS_FAILED', async () => {
    const r = await run(keyConfig(), {
      env: {
        extraCa: [],
        endpointOverrides: { azureBlob: `https://localhost:${A.oauthBlobPort}/{account}` },
      },
    })
    expectFailure(r, 'TLS_FAILED', ['logStore', 'account'])
  })

  networkFailureCases(
    'logStore',
    (host, port) => ({
      config: keyConfig(),
      env: {
        endpointOverrides: {
          azureBlob: `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}/{account}`,
        },
      },
    }),
    ['logStore', 'account'],
  )
})

describe('logStore azure with Entra client credentials (Azurite --oauth basic)', () => {
  it('gets a token from the authority, then writes and reads with it', async () => {
    const before = authority.tokens()
    const r = await run(entraConfig(), { env: entraEnv() })
    expect(r.status, JSON.stringify(r)).toBe('pass')
    expect(r.kind).toBe('azure-entra')
    expect(r.steps.map((s) => s.name)).toEqual(['resolve', 'connect', 'tls', 'authenticate', 'write', 'read'])
    expect(authority.tokens()).toBe(before + 1)
  })

  it('wrong client secret: AUTH_FAILED on logStore.auth.clientSecret, the secret never echoed', async () => {
    const r = await run(entraConfig({ clientSecret: 'wrong-entra-secret' }), { env: entraEnv() })
    expectFailure(r, 'AUTH_FAILED', ['logStore', 'auth', 'clientSecret'])
    expect(JSON.stringify(r)).not.toContain('wrong-entra-secret')
    expect(JSON.stringify(r)).not.toContain('Invalid client secret provided')
  })

  it('unknown client id: AUTH_FAILED on logStore.auth.clientId', async () => {
    const r = await run(entraConfig({ clientId: '99999999-9999-9999-9999-999999999999' }), {
      env: entraEnv(),
    })
    expectFailure(r, 'AUTH_FAILED', ['logStore', 'auth', 'clientId'])
  })

  it('unknown tenant: NOT_FOUND on logStore.auth.tenantId', async () => {
    const r = await run(entraConfig({ tenantId: '00000000-0000-0000-0000-000000000000' }), {
      env: entraEnv(),
    })
    expectFailure(r, 'NOT_FOUND', ['logStore', 'auth', 'tenantId'])
  })

  it('missing container with a valid token: NOT_FOUND', async () => {
    const r = await run(entraConfig({ container: 'no-such-container' }), { env: entraEnv() })
    expectFailure(r, 'NOT_FOUND', ['logStore', 'container'])
  })

  it('authority refused: CONNECTION_REFUSED', async () => {
    const port = await closedPort()
    const env = entraEnv()
    const r = await run(entraConfig(), {
      env: {
        ...env,
        endpointOverrides: { ...env.endpointOverrides, entraAuthority: `https://localhost:${port}` },
      },
    })
    expectFailure(r, 'CONNECTION_REFUSED')
  })

  it('managed identity is skipped outside Azure, saying how to prove it', async () => {
    const r = await run(
      configWith({
        logStore: { type: 'azure', account: 'acct1', container: 'logs', auth: { mode: 'managed' } },
      }),
    )
    expect(r.status).toBe('skipped')
    expect(r.steps[0]?.detail).toMatch(/az login --identity/)
  })

  it('AKS workload identity is skipped outside the cluster, saying why and how to prove it', async () => {
    const r = await run(configWith({ logStore: fixtures['azure-workload-identity'].logStore }))
    expect(r.status).toBe('skipped')
    expect(r.steps[0]?.detail).toMatch(
      /workload identity, Entra exchanges the pod\u2019s service account token/,
    )
    expect(r.steps[0]?.detail).toMatch(/az login --federated-token/)
  })
})
