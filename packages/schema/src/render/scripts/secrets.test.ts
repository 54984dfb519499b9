import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { baseConfig, fixtures, SENTINEL } from '../../fixtures/index.js'
import { writeBundleDir } from '../../test-support/bundle-dir.js'
import { fixtureConfig } from '../../test-support/fixture-configs.js'
import { argvOf, cleanupTemp, runScript, tempDir } from '../../test-support/stub-bin.js'
import { validateConfig } from '../../validate.js'

afterAll(cleanupTemp)

const dryRun = ['--dry-run=client', '-o', 'yaml']
const apply = ['apply', '-f', '-']
const envLines = (text = '') => text.split('\n').filter((l) => l && !l.startsWith('#'))

describe('create-secret.sh', () => {
  it('creates the env Secret without the registry lines, and the pull secret', () => {
    const dir = writeBundleDir(fixtureConfig('secrets-existing'))
    const run = runScript(join(dir, 'scripts/create-secret.sh'), { kubectl: [] })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    // Both ends of a pipeline start together, so "create | apply" may log in either order.
    const kubectl = argvOf(run, 'kubectl')
    expect(kubectl.filter((a) => a[0] === 'apply')).toEqual([apply, apply])
    const creates = kubectl.filter((a) => a[0] !== 'apply')
    const envFileArg = creates[2]?.find((a) => a.startsWith('--from-env-file=')) ?? ''
    expect(envFileArg).toMatch(/^--from-env-file=\//)
    expect(creates).toEqual([
      ['cluster-info', '--request-timeout=20s'],
      // The stub answers every call, so the namespace exists and is not created.
      ['get', 'namespace', 'portkeyai'],
      [
        'create',
        'secret',
        'generic',
        'portkey-gateway-secrets',
        '--namespace',
        'portkeyai',
        envFileArg,
        ...dryRun,
      ],
      [
        'create',
        'secret',
        'docker-registry',
        'portkeyenterpriseregistrycredentials',
        '--namespace',
        'portkeyai',
        '--docker-server=https://index.docker.io/v1/',
        '--docker-username=acme-docker',
        `--docker-password=${SENTINEL}-registry`,
        ...dryRun,
      ],
    ])
    expect(envLines(run.envFile)).toEqual([
      'LOG_STORE_ACCESS_KEY=AKIAFAKEFAKE0001',
      `LOG_STORE_SECRET_KEY=${SENTINEL}-s3`,
      'REDIS_URL=redis://redis:6379',
      `PORTKEY_CLIENT_AUTH=${SENTINEL}-client-auth`,
    ])
    // The filtered copy held secrets: it is gone once the script ends.
    expect(existsSync(envFileArg.slice('--from-env-file='.length))).toBe(false)
    expect(run.stdout).not.toContain(SENTINEL)
  })

  it('creates only the pull secret in vault mode', () => {
    const dir = writeBundleDir(fixtureConfig('secrets-vault'))
    const run = runScript(join(dir, 'scripts/create-secret.sh'), { kubectl: [] })
    expect(run.status).toBe(0)
    const creates = argvOf(run, 'kubectl').filter((a) => a[0] === 'create')
    expect(creates.map((a) => a.slice(0, 4))).toEqual([
      ['create', 'secret', 'docker-registry', 'portkeyenterpriseregistrycredentials'],
    ])
  })

  it('refuses before any change when secrets.env lacks a key', () => {
    const dir = writeBundleDir(fixtureConfig('secrets-existing'))
    const file = join(dir, 'secrets.env')
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^PORTKEY_CLIENT_AUTH=.*\n/m, ''))
    const run = runScript(join(dir, 'scripts/create-secret.sh'), { kubectl: [] })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/no PORTKEY_CLIENT_AUTH= line/)
    expect(run.calls).toEqual([])
  })

  it('passes hostile values through verbatim and never runs them', () => {
    const marker = join(tempDir('pk-pwned-'), 'pwned')
    const username = `  $(touch ${marker}) \`touch ${marker}\` 'q' "d" \\ #x  `
    const password = `p'$(touch ${marker})"\`touch ${marker}\`;touch ${marker}`
    const email = `a$(touch\${IFS}${marker})@b.c`
    const clientAuth = `=$(touch ${marker}) 'x' "y" \\n #z`
    const checked = validateConfig({
      ...fixtures['secrets-existing'],
      registry: { mode: 'create', server: 'registry.example.com:5000', username, password, email },
      sync: { ...baseConfig.sync, clientAuth },
    })
    if (!checked.valid) throw new Error(JSON.stringify(checked.issues))
    const dir = writeBundleDir(checked.config)
    const run = runScript(join(dir, 'scripts/create-secret.sh'), { kubectl: [] })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const registry = argvOf(run, 'kubectl').find((a) => a[2] === 'docker-registry')
    expect(registry?.slice(6, 10)).toEqual([
      '--docker-server=registry.example.com:5000',
      `--docker-username=${username}`,
      `--docker-password=${password}`,
      `--docker-email=${email}`,
    ])
    expect(envLines(run.envFile)).toContain(`PORTKEY_CLIENT_AUTH=${clientAuth}`)
    expect(existsSync(marker)).toBe(false)
  })
})
