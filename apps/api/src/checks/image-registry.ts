import { CHART_RELEASES, chartRelease, type DeploymentConfig } from '@portkey-setup/schema'
import { type PullTarget, pullTarget } from './image-ref.js'
import { drain, type HttpSession, openHttpSession, readText } from './net/http-session.js'
import { fail } from './runner/failure.js'
import { defineCheck } from './runner/types.js'

/** The gateway image the chosen chart release deploys (its values file, images.gatewayImage). */
export const GATEWAY_REPOSITORY = 'portkeyai/gateway_enterprise'
export const gatewayImageTag = (chartVersion: string) =>
  (chartRelease(chartVersion) ?? CHART_RELEASES[0])?.gatewayImageTag ?? ''

const DOCKER_HUB = new Set([
  'index.docker.io',
  'docker.io',
  'registry.hub.docker.com',
  'registry-1.docker.io',
])

/** The registry API base for the server the pull secret names (Docker Hub's index maps to its registry). */
export const registryBase = (server: string): string => {
  const withScheme = /^https?:\/\//i.test(server) ? server : `https://${server}`
  const u = new URL(withScheme)
  if (DOCKER_HUB.has(u.hostname.toLowerCase())) return 'https://registry-1.docker.io'
  return `${u.protocol}//${u.host}`
}

export type Challenge = { scheme: 'basic' | 'bearer'; params: Record<string, string> }

/** Parses a WWW-Authenticate header: `Bearer realm="...",service="...",scope="..."`. */
export const parseChallenge = (header: string): Challenge | undefined => {
  const m = /^\s*(Basic|Bearer)\b(.*)$/i.exec(header)
  if (!m) return undefined
  const params: Record<string, string> = {}
  const re = /([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g
  for (const p of (m[2] ?? '').matchAll(re))
    params[p[1]!.toLowerCase()] = (p[2] ?? p[3] ?? '').replace(/\\(.)/g, '$1')
  return { scheme: m[1]!.toLowerCase() as Challenge['scheme'], params }
}

type Create = Extract<DeploymentConfig['registry'], { mode: 'create' }>
type Cfg = DeploymentConfig & { registry: Create }

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ')

const basic = (r: Create) => `Basic ${Buffer.from(`${r.username}:${r.password}`).toString('base64')}`

const authFailed = () =>
  fail(
    'AUTH_FAILED',
    'The registry refused the user name or password.',
    'Check registry.username and registry.password: use the Docker user and token Portkey shared.',
    ['registry', 'password'],
  )

/** Follows the challenge and returns the Authorization header to pull with. */
const authenticate = async (
  http: HttpSession,
  r: Create,
  challenge: Challenge | undefined,
  target: PullTarget,
): Promise<string> => {
  if (!challenge) return ''
  // The kubelet uses a pull secret only for its own registry: the login is never sent anywhere else.
  if (!target.login)
    return fail(
      'AUTH_FAILED',
      `${new URL(target.base).host} asks for a login, but the pull secret is for ${r.server}, so the pods would pull without one.`,
      `Set registry.server to ${new URL(target.base).host} with a login for it, or let that registry serve the images without one.`,
      ['registry', 'server'],
    )
  if (challenge.scheme === 'basic') {
    const res = await http.request(new URL('/v2/', http.base), { headers: { authorization: basic(r) } })
    await drain(res.body)
    if (res.status === 401 || res.status === 403) authFailed()
    if (res.status !== 200)
      fail(
        'PROTOCOL_ERROR',
        `The registry answered HTTP ${res.status} to an authenticated handshake.`,
        'Check registry.server: it should be the registry Portkey shared.',
        ['registry', 'server'],
      )
    return basic(r)
  }
  const realm = challenge.params.realm
  let realmUrl: URL | undefined
  try {
    realmUrl = realm ? new URL(realm) : undefined
  } catch {
    realmUrl = undefined
  }
  if (!realmUrl || !/^https?:$/.test(realmUrl.protocol))
    return fail(
      'PROTOCOL_ERROR',
      'The registry asked for a token but named no usable token service.',
      'Check registry.server: it should be the registry Portkey shared.',
      ['registry', 'server'],
    )
  // The password goes to the realm: never in clear text when the registry itself uses TLS.
  if (http.base.protocol === 'https:' && realmUrl.protocol !== 'https:')
    return fail(
      'PROTOCOL_ERROR',
      'The registry sends logins to a token service over plain HTTP; the password is not sent there.',
      'Check registry.server: the registry Portkey shared uses an HTTPS token service.',
      ['registry', 'server'],
    )
  if (challenge.params.service) realmUrl.searchParams.set('service', challenge.params.service)
  realmUrl.searchParams.set('scope', `repository:${target.path}:pull`)
  const res = await http.request(realmUrl, { headers: { authorization: basic(r) } })
  if (res.status === 401 || res.status === 403) {
    await drain(res.body)
    authFailed()
  }
  if (res.status !== 200) {
    await drain(res.body)
    fail(
      'PROTOCOL_ERROR',
      `The registry's token service answered HTTP ${res.status}.`,
      'Try again later; if it persists, check registry.server.',
      ['registry', 'server'],
    )
  }
  let token: unknown
  try {
    const body = JSON.parse(await readText(res.body)) as { token?: unknown; access_token?: unknown }
    token = body.token ?? body.access_token
  } catch {
    token = undefined
  }
  if (typeof token !== 'string' || !token)
    fail(
      'PROTOCOL_ERROR',
      "The registry's token service did not return a token.",
      'Check registry.server: it should be the registry Portkey shared.',
      ['registry', 'server'],
    )
  return `Bearer ${token as string}`
}

export const registryCheck = defineCheck<Cfg>({
  target: 'registry',
  kind: () => 'docker-registry-v2',
  endpointField: (c) =>
    c.images.gateway.repository
      ? ['images', 'gateway', 'repository']
      : c.images.registry
        ? ['images', 'registry']
        : ['registry', 'server'],
  async run(config, ctx) {
    const target = pullTarget(config)
    const { path, tag, image } = target
    const http = await openHttpSession(ctx, target.base)

    const challenge = await ctx.step(
      'handshake',
      async () => {
        const res = await http.request(new URL('/v2/', http.base))
        await drain(res.body)
        if (res.status === 200) return undefined
        if (res.status === 401) {
          const c = parseChallenge(res.headers['www-authenticate'] ?? '')
          if (!c)
            fail(
              'UNSUPPORTED',
              'The registry asks for a login scheme other than Basic or Bearer.',
              'Check registry.server: portkey-setup knows Docker Registry v2 with Basic or token login.',
              ['registry', 'server'],
            )
          return c
        }
        return fail(
          'PROTOCOL_ERROR',
          `No Docker Registry v2 API answered at the server (HTTP ${res.status} for /v2/).`,
          'Check registry.server: use the registry URL Portkey shared, e.g. https://index.docker.io/v1/.',
          ['registry', 'server'],
        )
      },
      { detail: (c) => (c ? `registry v2, ${c.scheme} login` : 'registry v2, no login required') },
    )

    const authorization = await ctx.step(
      'authenticate',
      () => authenticate(http, config.registry, challenge, target),
      {
        detail: () =>
          challenge?.scheme === 'bearer' ? 'token issued for pull scope' : 'credentials accepted',
      },
    )

    await ctx.step('pull-access', async () => {
      const res = await http.request(new URL(`/v2/${path}/manifests/${tag}`, http.base), {
        method: 'HEAD',
        headers: { accept: MANIFEST_TYPES, ...(authorization ? { authorization } : {}) },
      })
      await drain(res.body)
      if (res.status === 200) return `${image} can be pulled`
      if (res.status === 401 || res.status === 403)
        fail(
          'ACCESS_DENIED',
          `The login works but may not pull ${path}.`,
          `Ask the registry's owner (Portkey for Docker Hub) to grant registry.username pull access to ${path}.`,
          ['registry', 'username'],
        )
      if (res.status === 404)
        fail(
          'NOT_FOUND',
          `The image ${image} (${target.tagFrom}) is not in this registry.`,
          target.field[0] === 'chart'
            ? `Check chart.version (each chart pins a gateway image tag), or copy ${path}:${tag} into the registry.`
            : `Copy ${path}:${tag} into the registry, or change the image in the Image registry step.`,
          target.field,
        )
      if (res.status === 429)
        fail(
          'ACCESS_DENIED',
          'The registry is rate-limiting pulls for this login (HTTP 429).',
          'Wait and retry, or use the paid Docker account Portkey shared in registry.username.',
          ['registry', 'username'],
        )
      return fail(
        'PROTOCOL_ERROR',
        `The registry answered HTTP ${res.status} when asked for the gateway image.`,
        'Check registry.server and try again.',
        ['registry', 'server'],
      )
    })
  },
})
