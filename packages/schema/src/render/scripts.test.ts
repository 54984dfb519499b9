import { spawnSync } from 'node:child_process'
import { afterAll, describe, expect, it } from 'vitest'
import { SENTINEL } from '../fixtures/index.js'
import { collectSecretValues } from '../secret-fields.js'
import { fixtureConfig, fixtureConfigs } from '../test-support/fixture-configs.js'
import { cleanupTemp, writeFiles } from '../test-support/stub-bin.js'
import { iamPolicyFiles } from './iam-files.js'
import { scriptFiles, secretFiles } from './scripts.js'

afterAll(cleanupTemp)

const all = fixtureConfigs().map(([name, config]) => ({ name, config, scripts: scriptFiles(config) }))

describe('generated scripts, every fixture', () => {
  it('pass shellcheck and bash -n (one process each for all scripts)', () => {
    const files = all.flatMap(({ name, scripts }) =>
      scripts.map((s) => ({ ...s, path: `${name}/${s.path}` })),
    )
    const dir = writeFiles(files)
    const paths = files.map((f) => `${dir}/${f.path}`)
    expect(
      spawnSync('shellcheck', ['--version']).status,
      'shellcheck missing: run scripts/setup-system.sh',
    ).toBe(0)
    const lint = spawnSync('shellcheck', ['--format=gcc', ...paths], { encoding: 'utf8' })
    expect(lint.stdout).toBe('')
    expect(lint.status).toBe(0)
    const syntax = spawnSync(
      'bash',
      ['-c', 'for f; do bash -n "$f" || echo "bad: $f"; done', 'check', ...paths],
      {
        encoding: 'utf8',
      },
    )
    expect(syntax.stdout + syntax.stderr).toBe('')
  })

  it('start strict, from their own folder, and are executable', () => {
    for (const { name, scripts } of all)
      for (const s of scripts) {
        expect(s.path, name).toMatch(/^scripts\/[a-z0-9-]+\.sh$/)
        expect(s.mode).toBe(0o755)
        expect(s.content.startsWith('#!/usr/bin/env bash\n')).toBe(true)
        expect(s.content).toContain('\nset -euo pipefail\n')
        expect(s.content).toContain('\ncd -- "$(dirname -- "$0")"\n')
      }
  })

  it('never contain a secret value', () => {
    for (const { name, config, scripts } of all) {
      const secrets = collectSecretValues(config)
      for (const f of [...scripts, ...iamPolicyFiles(config)]) {
        expect(f.content, `${name} ${f.path}`).not.toContain(SENTINEL)
        for (const s of secrets) expect(f.content, `${name} ${f.path}`).not.toContain(s)
      }
    }
  })

  it('ship the scripts each path needs', () => {
    const names = Object.fromEntries(
      all.map(({ name, scripts }) => [name, scripts.map((s) => s.path.slice(8))]),
    )
    const base = ['install.sh', 'upgrade.sh', 'export-values.sh', 'uninstall.sh', 'port-forward.sh']
    expect(names.s3).toEqual([...base, 'iam-s3-user.sh'])
    expect(names.mongo).toEqual(base)
    expect(names['s3-assume-access-keys']).toEqual([...base, 'iam-s3-role.sh'])
    expect(names['s3-assume-irsa']).toEqual([...base, 'iam-irsa.sh'])
    expect(names['s3-assume-imds-v1']).toEqual([...base, 'iam-imds.sh'])
    expect(names['bedrock-principal']).toEqual([...base, 'iam-s3-role.sh', 'iam-bedrock.sh'])
    expect(names['data-service']).toEqual([...base, 'iam-s3-user.sh', 'iam-data-service.sh'])
    expect(names['secrets-existing']).toEqual([...base, 'iam-s3-user.sh', 'create-secret.sh'])
    expect(names['secrets-vault']).toEqual([...base, 'iam-s3-user.sh', 'create-secret.sh'])
    expect(names['chart-1.0.7-mongo-vault']).toEqual([...base, 'create-secret.sh'])
    expect(names['registry-existing']).toEqual([...base, 'iam-s3-user.sh'])
  })

  it('pin the chart version and use one release variable', () => {
    for (const { config, scripts } of all) {
      const install = scripts.find((s) => s.path === 'scripts/install.sh')?.content ?? ''
      const uninstall = scripts.find((s) => s.path === 'scripts/uninstall.sh')?.content ?? ''
      expect(install).toContain(`readonly CHART_VERSION='${config.chart.version}'`)
      expect(install).toContain('--version "$CHART_VERSION"')
      for (const text of [install, uninstall]) {
        expect(text).toContain(`readonly RELEASE='${config.chart.releaseName}'`)
        expect(text.match(/^readonly RELEASE=/gm)).toHaveLength(1)
      }
    }
  })
})

describe('secrets.env', () => {
  it('ships only with create-secret.sh, mode 0600, one verbatim KEY=value per line', () => {
    for (const { name, config, scripts } of all) {
      const files = secretFiles(config)
      const hasScript = scripts.some((s) => s.path === 'scripts/create-secret.sh')
      expect(files.length, name).toBe(hasScript ? 1 : 0)
      for (const f of files) {
        expect(f.path).toBe('secrets.env')
        expect(f.mode).toBe(0o600)
      }
    }
    const existing = secretFiles(fixtureConfig('secrets-existing'))[0]?.content ?? ''
    expect(existing.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual([
      'LOG_STORE_ACCESS_KEY=AKIAFAKEFAKE0001',
      `LOG_STORE_SECRET_KEY=${SENTINEL}-s3`,
      'REDIS_URL=redis://redis:6379',
      `PORTKEY_CLIENT_AUTH=${SENTINEL}-client-auth`,
      'REGISTRY_SERVER=https://index.docker.io/v1/',
      'REGISTRY_USERNAME=acme-docker',
      `REGISTRY_PASSWORD=${SENTINEL}-registry`,
      'REGISTRY_EMAIL=',
    ])
  })

  it('holds only the registry credentials in vault mode', () => {
    const vault = secretFiles(fixtureConfig('secrets-vault'))[0]?.content ?? ''
    const keys = vault
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.slice(0, l.indexOf('=')))
    expect(keys).toEqual(['REGISTRY_SERVER', 'REGISTRY_USERNAME', 'REGISTRY_PASSWORD', 'REGISTRY_EMAIL'])
  })
})

describe('script snapshots', () => {
  const pick = (name: Parameters<typeof fixtureConfig>[0], file: string) =>
    scriptFiles(fixtureConfig(name)).find((s) => s.path === `scripts/${file}`)?.content
  it.each([
    ['mongo-tls-ca', 'install.sh'],
    ['secrets-existing', 'uninstall.sh'],
    ['s3', 'port-forward.sh'],
    ['secrets-existing', 'create-secret.sh'],
    ['s3-assume-irsa', 'iam-irsa.sh'],
    ['s3-assume-imds-v1', 'iam-imds.sh'],
    ['bedrock-separate', 'iam-bedrock.sh'],
  ] as const)('%s %s', (name, file) => {
    expect(pick(name, file)).toMatchSnapshot()
  })
})
