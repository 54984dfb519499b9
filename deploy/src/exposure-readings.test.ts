import { DeploymentConfigSchema, renderBundleFiles } from '@portkey-setup/schema'
import { fixtures } from '@portkey-setup/schema/fixtures'
import { describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import { helmTemplate } from './helm.js'
import type { KObject } from './objects.js'
import { worldFor } from './world.js'
import { readWouldStart } from './would-start.js'

/**
 * The exposure readings must fail where traffic or a pull would: each case renders a fixture
 * through the real chart, breaks one thing the way a hand edit or a chart quirk does, and expects
 * the reading to name it.
 */
// biome-ignore lint/suspicious/noExplicitAny: parsed values.yaml, edited by each case
type Values = Record<string, any>

const render = async (
  name: keyof typeof fixtures,
  version: string,
  edit: (v: Values) => void = () => undefined,
) => {
  const config = DeploymentConfigSchema.parse({
    ...fixtures[name],
    chart: { ...fixtures[name].chart, version },
  })
  const files = renderBundleFiles(config)
  const values = parse(files.find((f) => f.path === 'values.yaml')?.content ?? '') as Values
  edit(values)
  const r = await helmTemplate(version, stringify(values), 'portkey-ai', 'portkeyai')
  if (!r.ok) throw new Error(r.error)
  return { config, objects: r.objects }
}
const findings = async (config: Parameters<typeof worldFor>[0], objects: KObject[]) =>
  readWouldStart(await worldFor(config, objects, [])).map((f) => `${f.object}: ${f.problem}`)

describe('exposure readings', () => {
  it('the TLS Ingress as rendered routes the host to the gateway Service port', async () => {
    const { config, objects } = await render('ingress-tls', '1.7.7')
    const exposure = (await findings(config, objects)).filter((f) => /Ingress|Service|runs|pulls/.test(f))
    expect(exposure).toEqual([])
  })

  it('with the MCP server on (SERVER_MODE all), both rules of 1.3.0 reach ports the Service has', async () => {
    const { config, objects } = await render('ingress-mcp-path-based', '1.3.0', (v) => {
      v.environment.data.SERVER_MODE = 'all'
    })
    const ingress = objects.find((o) => o.kind === 'Ingress')
    const spec = ingress?.spec as { rules: { http: { paths: { path: string }[] } }[] } | undefined
    const paths = spec?.rules[0]?.http.paths
    expect(paths?.map((p) => p.path)).toEqual(['/tools/mcp', '/gateway'])
    expect((await findings(config, objects)).filter((f) => f.startsWith('Ingress'))).toEqual([])
  })

  it('a backend port the Service does not list', async () => {
    const { config, objects } = await render('ingress-plain', '1.7.7')
    const edited = objects.map((o) =>
      o.kind === 'Ingress'
        ? (JSON.parse(JSON.stringify(o).replace('"number":8787', '"number":8080')) as KObject)
        : o,
    )
    expect(await findings(config, edited)).toContainEqual(
      'Ingress portkey-ai-gateway: routes / to port 8080 of Service portkey-ai-gateway, which has only 8787',
    )
  })

  it('a backend Service that nothing creates', async () => {
    const { config, objects } = await render('ingress-plain', '1.7.7')
    const renamed = objects.map((o) =>
      o.kind === 'Service' && o.metadata.name === 'portkey-ai-gateway'
        ? { ...o, metadata: { ...o.metadata, name: 'renamed' } }
        : o,
    )
    expect(await findings(config, renamed)).toContainEqual(
      'Ingress portkey-ai-gateway: routes / to Service portkey-ai-gateway, which nothing creates',
    )
  })

  it('images and Service type that differ from the config', async () => {
    const mirror = await render('images-mirror', '1.7.7', (v) => {
      delete v.images
      v.service.type = 'NodePort'
    })
    const found = await findings(mirror.config, mirror.objects)
    expect(found).toContainEqual(
      'Deployment portkey-ai-gateway: container gateway runs docker.io/portkeyai/gateway_enterprise:2.13.0, expected registry.acme.internal:5000/dockerhub/portkeyai/gateway_enterprise:2.13.0',
    )
    expect(found).toContainEqual('Service portkey-ai-gateway: is NodePort, expected ClusterIP')
  })

  it('an Ingress nobody asked for, and TLS that is missing', async () => {
    const plain = await render('s3', '1.7.7', (v) => {
      v.ingress = { enabled: true, hostname: 'x.acme.example.com' }
    })
    expect(await findings(plain.config, plain.objects)).toContainEqual(
      'Ingress: an Ingress is rendered but none was asked for',
    )
    const tls = await render('ingress-tls', '1.7.7', (v) => {
      v.ingress.tls = []
    })
    expect(await findings(tls.config, tls.objects)).toContainEqual(
      'Ingress: TLS for gateway.acme.example.com does not use Secret gateway-acme-tls',
    )
  })
})
