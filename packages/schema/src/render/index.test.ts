import { describe, expect, it } from 'vitest'
import { supports } from '../chart/capabilities.js'
import { SENTINEL } from '../fixtures/index.js'
import { fixtureConfigs } from '../test-support/fixture-configs.js'
import { iamPolicyFiles } from './iam-files.js'
import { renderBundleFiles } from './index.js'
import { minGatewayPods } from './pod-disruption-budget.js'
import { scriptFiles, secretFiles } from './scripts.js'

describe('renderBundleFiles', () => {
  it.each(fixtureConfigs())('%s: every file once, sorted by path, with its mode', (_name, config) => {
    const files = renderBundleFiles(config)
    const paths = files.map((f) => f.path)
    expect(paths).toEqual([...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    expect(new Set(paths).size).toBe(paths.length)
    const expected = [
      'README.md',
      'values.yaml',
      ...(config.logStore.type === 'mongo' && config.logStore.tlsCa ? ['resources-config.yaml'] : []),
      ...(config.cache.store === 'redis' && !supports(config.chart.version, 'redisServiceType')
        ? ['network-policy.yaml']
        : []),
      ...(config.secrets.mode === 'awsSecretsManager' ? ['secret-provider-class.yaml'] : []),
      ...(minGatewayPods(config) > 1 ? ['pod-disruption-budget.yaml'] : []),
      ...[...iamPolicyFiles(config), ...scriptFiles(config), ...secretFiles(config)].map((f) => f.path),
    ]
    expect([...paths].sort()).toEqual(expected.sort())
    for (const f of files) {
      const mode = f.path.endsWith('.sh') ? 0o755 : f.path === 'secrets.env' ? 0o600 : 0o644
      expect(f.mode, f.path).toBe(mode)
      if (f.path.endsWith('.json')) expect(() => JSON.parse(f.content)).not.toThrow()
      if (/\.(sh|json)$/.test(f.path)) expect(f.content, f.path).not.toContain(SENTINEL)
      expect(f.content.endsWith('\n'), f.path).toBe(true)
    }
    expect(renderBundleFiles(config)).toEqual(files)
  })
})
