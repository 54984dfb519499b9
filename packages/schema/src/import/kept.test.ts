import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { CHART_DEFAULT_VALUES } from '../chart/values/defaults.js'
import { type DeploymentConfigInput, DeploymentConfigSchema } from '../config/index.js'
import { baseConfig } from '../fixtures/base.js'
import { comboFixtures, fixtures } from '../fixtures/index.js'
import { importValues } from '../import-values.js'
import { isOwnedPath, keptPaths } from '../render/owned-values.js'
import { renderValuesYaml } from '../render/values-yaml.js'
import { stripSecrets } from '../secret-fields.js'
import { parseConfig } from '../validate.js'

// A hand-edited file: the wizard's own settings plus things it does not model.
const HAND_EDITED = `${renderValuesYaml(DeploymentConfigSchema.parse(baseConfig))}
replicaCount: 1
livenessProbe:
  httpGet:
    path: /v1/health
  periodSeconds: 15
  initialDelaySeconds: 5
  timeoutSeconds: 3
  failureThreshold: 3
podSecurityContext:
  fsGroup: 2000
sidecars:
  - name: "nginx: tls"
    image: nginx:1.27-alpine
hostAlias: []
"weird: key\\n- x": "value with \\"quotes\\" and # hash"
`
  .replace(
    'service:\n  type: "ClusterIP"',
    'service:\n  type: "ClusterIP"\n  annotations:\n    team: gateway',
  )
  .replace('environment:\n  create: true', 'environment:\n  create: true\n  annotations:\n    a: b')
  .replace(
    '    SERVICE_NAME: "portkeyenterprise"',
    '    SERVICE_NAME: "portkeyenterprise"\n    MY_FEATURE_FLAG: "on"',
  )
  .replace('    MCP_PORT: null', '    MCP_PORT: "9000"')

const imported = () => {
  const r = importValues(HAND_EDITED)
  const config = DeploymentConfigSchema.parse({
    ...r.config,
    registry: { ...r.config.registry, password: 'x' },
    logStore: { ...r.config.logStore, secretKey: 'y' },
    sync: { ...r.config.sync, clientAuth: 'z' },
  })
  return { r, config }
}

describe('settings the wizard does not model', () => {
  it('are kept as written, and only those that differ from the chart defaults', () => {
    const { r } = imported()
    expect(r.config.keptValues).toEqual({
      environment: { annotations: { a: 'b' }, data: { MCP_PORT: '9000' } },
      service: { annotations: { team: 'gateway' } },
      livenessProbe: { periodSeconds: 15 },
      podSecurityContext: { fsGroup: 2000 },
      sidecars: [{ name: 'nginx: tls', image: 'nginx:1.27-alpine' }],
      'weird: key\n- x': 'value with "quotes" and # hash',
    })
    expect(r.warnings.map((w) => w.message).join('\n')).not.toMatch(/not carried over|not a setting/)
    expect(keptPaths(r.config.keptValues)).toContainEqual(['environment', 'data', 'MCP_PORT'])
    // An env key nothing models is an extra variable of the Kubernetes step, not a kept setting.
    expect(r.config.kubernetes?.extraEnv).toEqual({ MY_FEATURE_FLAG: 'on' })
  })

  it('are written back into values.yaml unchanged, and import again to the same config', () => {
    const { config } = imported()
    const text = renderValuesYaml(config)
    const values = parse(text)
    expect(values.service).toEqual({ type: 'ClusterIP', annotations: { team: 'gateway' } })
    expect(values.environment.data).toMatchObject({ MY_FEATURE_FLAG: 'on', MCP_PORT: '9000' })
    expect(values.environment.annotations).toEqual({ a: 'b' })
    expect(values.livenessProbe).toEqual({ periodSeconds: 15 })
    expect(values['weird: key\n- x']).toBe('value with "quotes" and # hash')
    expect(values.sidecars).toEqual([{ name: 'nginx: tls', image: 'nginx:1.27-alpine' }])
    expect(text).toContain('# Kept from the imported values.yaml as written')
    expect(importValues(text).config.keptValues).toEqual(config.keptValues)
  })

  it('drop a value whose aliases loop back into it, instead of looping', () => {
    expect(importValues('a: &x [*x]\nb: 1\n').config.keptValues).toEqual({ b: 1 })
  })

  it('never reach the browser draft', () => {
    expect(stripSecrets(imported().config)).not.toHaveProperty('keptValues')
  })

  it('cannot set a key the wizard writes: refused at the kept path with the fix', () => {
    const input = {
      ...baseConfig,
      keptValues: { service: { type: 'NodePort' }, environment: { data: { LOG_STORE: 'mongo' } } },
    }
    const r = parseConfig(input as DeploymentConfigInput)
    expect(r.valid).toBe(false)
    if (r.valid) return
    expect(r.issues.map((i) => i.path.join('.'))).toEqual([
      'keptValues.service.type',
      'keptValues.environment.data.LOG_STORE',
    ])
    expect(r.issues[0]?.message).toMatch(/set by the wizard.*set it in the wizard/)
  })

  it('a kept volume beside the Mongo CA mount is added after it, and one with its name is refused', () => {
    const mongo = fixtures['mongo-tls-ca']
    const extra = { name: 'certs', secret: { secretName: 'acme-certs' } }
    const ok = parseConfig({ ...mongo, keptValues: { volumes: [extra] } })
    expect(ok.valid).toBe(true)
    if (ok.valid)
      expect(parse(renderValuesYaml(ok.config)).volumes.map((v: { name: string }) => v.name)).toEqual([
        'shared-folder',
        'certs',
      ])
    const clash = parseConfig({
      ...mongo,
      keptValues: { volumes: [{ name: 'shared-folder', emptyDir: {} }] },
    })
    expect(clash.valid ? [] : clash.issues.map((i) => i.path.join('.'))).toEqual(['keptValues.volumes'])
  })

  it('the chart defaults the importer compares with are the shipped values files', () => {
    for (const v of ['1.0.7', '1.7.7'] as const) {
      const { environment: _e, ...file } = parse(
        readFileSync(new URL(`../chart/values/gateway-${v}.yaml`, import.meta.url), 'utf8'),
      )
      expect(CHART_DEFAULT_VALUES[v]).toEqual(file)
    }
  })
})

/** Every leaf key of a rendered values.yaml, lists counted as leaves. */
const leaves = (v: unknown, path: string[] = []): string[][] =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length
    ? Object.entries(v).flatMap(([k, x]) => leaves(x, [...path, k]))
    : [path]

describe('the owned paths', () => {
  it.each(Object.entries({ ...fixtures, ...comboFixtures }))('cover every key %s renders', (_name, fx) => {
    // Kept settings are by definition not the wizard's: the fixture that has some renders without them.
    const values = parse(renderValuesYaml(DeploymentConfigSchema.parse({ ...fx, keptValues: undefined })))
    const unowned = leaves(values).filter(
      (p) =>
        !isOwnedPath(p) &&
        !(p[0] === 'environment' && p[1] === 'data') &&
        !['volumes', 'volumeMounts'].includes(p[0] ?? ''),
    )
    // A key rendered but not listed in OWNED_VALUE_PATHS would let a kept setting overwrite it.
    expect(unowned).toEqual([])
  })
})
