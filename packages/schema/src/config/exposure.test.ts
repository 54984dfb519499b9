import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { fixtures } from '../fixtures/index.js'
import { importValues } from '../import-values.js'
import { renderBundleFiles } from '../render/index.js'
import { renderValuesYaml } from '../render/values-yaml.js'
import { validateConfig } from '../validate.js'
import { configWarnings, type DeploymentConfigInput, DeploymentConfigSchema, resolveImages } from './index.js'

type Patch = Record<string, unknown>
const base = fixtures.s3 as DeploymentConfigInput
const at = (version: string, patch: Patch = {}) =>
  ({ ...base, ...patch, chart: { ...base.chart, version } }) as DeploymentConfigInput
const issuesOf = (input: DeploymentConfigInput) => {
  const r = validateConfig(input)
  return r.valid ? [] : r.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
}
const ingress = (over: Patch = {}) => ({
  exposure: {
    serviceType: 'ClusterIP',
    ingress: { enabled: true, host: 'gateway.acme.example.com', ...over },
  },
})
const values = (input: DeploymentConfigInput) => parse(renderValuesYaml(DeploymentConfigSchema.parse(input)))

describe('exposure: validation at the field, with the fix', () => {
  it.each([
    ['host', { host: 'Gateway.Example.com' }, /Host name is not valid: use a lowercase DNS name/],
    ['host', { host: '*.example.com' }, /no wildcard/],
    ['host', { host: '10.0.0.1.' }, /Host name is not valid/],
    ['host', { host: 'localhost' }, /at least one dot/],
    ['path', { path: 'portkey' }, /Gateway path is not valid: start with \//],
    ['path', { path: '/a b' }, /Gateway path is not valid/],
    ['path', { path: '/a//b' }, /single slashes/],
    ['tlsSecretName', { tlsSecretName: 'TLS_Secret' }, /TLS Secret is not valid/],
    ['className', { className: 'Nginx!' }, /Ingress class is not valid/],
    ['annotations', { annotations: { 'bad key!': 'x' } }, /Annotation names are/],
    ['mcpPath', { mcpPath: '/' }, /MCP path must differ from the gateway path/],
    ['mcpHost', { routing: 'host', mcpHost: 'gateway.acme.example.com' }, /MCP host name must differ/],
    ['path', { routing: 'host', path: '/x' }, /Routing by host gives the gateway the whole host/],
  ])('%s: %o', (field, over, message) => {
    const found = issuesOf(at('1.7.7', ingress(over)))
    expect(
      found.some((i) => i.path.startsWith(`exposure.ingress.${field}`) && message.test(i.message)),
      JSON.stringify(found),
    ).toBe(true)
  })

  it('a Service type the chart has no use for is refused with the three choices', () => {
    const found = issuesOf(at('1.7.7', { exposure: { serviceType: 'ExternalName' } }))
    expect(found).toEqual([
      {
        path: 'exposure.serviceType',
        message: 'Service type must be "ClusterIP", "NodePort" or "LoadBalancer".',
      },
    ])
  })

  it('refuses what the chosen chart cannot route, naming the versions that can', () => {
    expect(issuesOf(at('1.2.0', ingress({ path: '/portkey' })))).toEqual([
      {
        path: 'exposure.ingress.path',
        message: expect.stringMatching(
          /needs chart 1\.0\.3–1\.0\.4, 1\.3\.0 or later, and chart 1\.2\.0 is selected/,
        ),
      },
    ])
    expect(issuesOf(at('1.0.4', ingress({ path: '/portkey' })))).toEqual([])
    expect(issuesOf(at('1.2.0', ingress({ routing: 'host' })))[0]?.message).toMatch(
      /needs chart 1\.3\.0 or later/,
    )
    expect(issuesOf(at('1.1.2', { images: { redis: { tag: '7.4-alpine' } } }))[0]).toEqual({
      path: 'images.redis.tag',
      message: expect.stringMatching(/needs chart 1\.1\.3 or later/),
    })
  })
})

describe('exposure: rendering per chart layout', () => {
  it('left default, the section changes nothing: no ingress, no images, the same text as before', () => {
    const v = values(at('1.7.7'))
    expect(v.service).toEqual({ type: 'ClusterIP' })
    expect(v.ingress).toBeUndefined()
    expect(v.images).toBeUndefined()
    const explicit = at('1.7.7', { exposure: { serviceType: 'ClusterIP', ingress: { enabled: false } } })
    expect(renderValuesYaml(DeploymentConfigSchema.parse(explicit))).toBe(
      renderValuesYaml(DeploymentConfigSchema.parse(at('1.7.7'))),
    )
  })

  it('1.0.3–1.0.4 get the hosts list and className', () => {
    expect(values(at('1.0.4', ingress({ path: '/portkey', tlsSecretName: 'gw-tls' }))).ingress).toEqual({
      enabled: true,
      className: 'nginx',
      annotations: {},
      hosts: [{ host: 'gateway.acme.example.com', paths: [{ path: '/portkey', pathType: 'Prefix' }] }],
      tls: [{ secretName: 'gw-tls', hosts: ['gateway.acme.example.com'] }],
    })
  })

  it('1.0.5–1.2.0 get one host name, without the MCP keys', () => {
    expect(values(at('1.2.0', ingress({ className: 'traefik' }))).ingress).toEqual({
      enabled: true,
      ingressClassName: 'traefik',
      hostname: 'gateway.acme.example.com',
      annotations: {},
      tls: [],
    })
  })

  it('1.3.0 on add the gateway path and the MCP routing; TLS covers the MCP host when routing by host', () => {
    const v = values(
      at('1.3.0', ingress({ routing: 'host', tlsSecretName: 'gw-tls', annotations: { a: '1' } })),
    )
    expect(v.ingress).toEqual({
      enabled: true,
      ingressClassName: 'nginx',
      hostname: 'gateway.acme.example.com',
      annotations: { a: '1' },
      tls: [{ secretName: 'gw-tls', hosts: ['gateway.acme.example.com', 'mcp.gateway.acme.example.com'] }],
      hostBased: true,
      gatewayPath: '/',
      mcpPath: '/mcp',
    })
  })

  it('the Service type is written as chosen', () => {
    expect(values(at('1.7.7', { exposure: { serviceType: 'LoadBalancer' } })).service).toEqual({
      type: 'LoadBalancer',
    })
  })
})

describe('images: the mirror rule', () => {
  const resolved = (input: DeploymentConfigInput) => resolveImages(DeploymentConfigSchema.parse(input))

  it('an image registry replaces docker.io in every repository; the tags stay the chart’s', () => {
    const r = resolved(at('1.0.7', { images: { registry: 'mirror.acme:5000/hub' } }))
    expect(r.gateway).toMatchObject({
      repository: 'mirror.acme:5000/hub/portkeyai/gateway_enterprise',
      tag: '1.10.20',
    })
    expect(r.dataService).toMatchObject({
      repository: 'mirror.acme:5000/hub/portkeyai/data-service',
      tag: '1.1.10',
    })
    // 1.0.7 pulls redis:alpine itself: nothing to rewrite, and a warning says so.
    expect(r.redis).toMatchObject({ repository: 'redis', tag: 'alpine', changed: false })
    const w = configWarnings(
      DeploymentConfigSchema.parse(at('1.0.7', { images: { registry: 'mirror.acme:5000/hub' } })),
    )
    expect(w.map((x) => x.message).join('\n')).toMatch(/pulls redis:alpine from Docker Hub itself/)
  })

  it('a registry server other than Docker Hub is where the images come from', () => {
    const input = at('1.7.7', {
      registry: {
        mode: 'create',
        server: 'https://registry.acme.internal:5000/v2/',
        username: 'u',
        password: 'p',
      },
    })
    expect(resolved(input).gateway.repository).toBe(
      'registry.acme.internal:5000/portkeyai/gateway_enterprise',
    )
    expect(configWarnings(DeploymentConfigSchema.parse(input))).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ path: ['images', 'registry'] })]),
    )
  })

  it('warns when the pull secret is for another registry than the images', () => {
    const w = configWarnings(
      DeploymentConfigSchema.parse(at('1.7.7', { images: { registry: 'mirror.acme' } })),
    )
    expect(w).toContainEqual({
      path: ['images', 'registry'],
      message: expect.stringMatching(/set the registry server to mirror\.acme/),
    })
  })

  it('a repository or tag of your own wins; bad ones are refused at the field', () => {
    const r = resolved(
      at('1.7.7', { images: { registry: 'm.acme', gateway: { repository: 'other.acme/gw', tag: 'v1' } } }),
    )
    expect(r.gateway).toMatchObject({ repository: 'other.acme/gw', tag: 'v1' })
    expect(issuesOf(at('1.7.7', { images: { gateway: { repository: 'Upper/Case', tag: '-bad' } } }))).toEqual(
      [
        {
          path: 'images.gateway.repository',
          message: expect.stringMatching(/Gateway repository is not valid/),
        },
        { path: 'images.gateway.tag', message: expect.stringMatching(/Gateway tag is not valid/) },
      ],
    )
    expect(issuesOf(at('1.7.7', { images: { registry: 'https://mirror.acme' } }))[0]?.message).toMatch(
      /no https:\/\//,
    )
  })
})

describe('import round trip of exposure and images', () => {
  const trip = (input: DeploymentConfigInput) => {
    const config = DeploymentConfigSchema.parse(input)
    const files = renderBundleFiles(config)
    const text = files.find((f) => f.path === 'values.yaml')?.content ?? ''
    return importValues(text)
  }

  it.each([
    'ingress-tls',
    'ingress-mcp-host-based',
    'exposure-loadbalancer',
    'images-mirror',
    'images-pinned',
  ] as const)('%s comes back as it was', (name) => {
    const input = fixtures[name] as DeploymentConfigInput
    const parsed = DeploymentConfigSchema.parse(input)
    const back = trip(input)
    expect(
      DeploymentConfigSchema.parse({
        ...input,
        ...back.config,
        registry: input.registry,
        sync: input.sync,
        logStore: input.logStore,
      }).exposure,
    ).toEqual(parsed.exposure)
    expect(
      DeploymentConfigSchema.parse({
        ...input,
        ...back.config,
        registry: input.registry,
        sync: input.sync,
        logStore: input.logStore,
      }).images,
    ).toEqual(parsed.images)
  })

  it('reads the older hosts-list Ingress, and warns about a Service type it does not set up', () => {
    const r = importValues(
      [
        'service:',
        '  type: ExternalName',
        'ingress:',
        '  enabled: true',
        '  className: traefik',
        '  hosts:',
        '    - host: gw.acme.example.com',
        '      paths:',
        '        - path: /portkey',
        '          pathType: Prefix',
        '  tls:',
        '    - secretName: gw-tls',
        '      hosts: [gw.acme.example.com]',
      ].join('\n'),
    )
    expect(r.config.exposure).toEqual({
      ingress: {
        enabled: true,
        className: 'traefik',
        host: 'gw.acme.example.com',
        path: '/portkey',
        tlsSecretName: 'gw-tls',
        annotations: {},
      },
    })
    expect(r.warnings).toContainEqual({
      path: ['exposure', 'serviceType'],
      message: expect.stringMatching(/service.type ExternalName is not one portkey-setup sets up/),
    })
  })

  it('says when service.type is missing, since the chart would then make a NodePort', () => {
    const r = importValues('environment:\n  data:\n    LOG_STORE: s3\n')
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(/service.type is not set/)
  })
})
