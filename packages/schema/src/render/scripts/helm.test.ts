import { rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { writeBundleDir } from '../../test-support/bundle-dir.js'
import { fixtureConfig, fixtureConfigs } from '../../test-support/fixture-configs.js'
import { argvOf, cleanupTemp, runScript } from '../../test-support/stub-bin.js'
import { gatewayDeploymentName, secretsPlan } from './common.js'

afterAll(cleanupTemp)

const OK = { helm: [], kubectl: [] }

describe('install.sh and uninstall.sh against stub helm/kubectl, every fixture', () => {
  it.each(fixtureConfigs())('%s: installs and uninstalls the same release', (_name, config) => {
    const dir = writeBundleDir(config)
    const { releaseName: release, namespace: ns, version } = config.chart
    const install = runScript(join(dir, 'scripts/install.sh'), OK)
    expect(install.stderr).toBe('')
    expect(install.status).toBe(0)
    expect(argvOf(install, 'helm')).toEqual([
      ['repo', 'add', 'portkey-ai', 'https://portkey-ai.github.io/helm', '--force-update'],
      ['repo', 'update', 'portkey-ai'],
      ['show', 'chart', 'portkey-ai/gateway', '--version', version],
      [
        'upgrade',
        '--install',
        release,
        'portkey-ai/gateway',
        '--version',
        version,
        '-f',
        '../values.yaml',
        '-n',
        ns,
        '--create-namespace',
      ],
    ])
    const upgrade = install.calls.find((c) => c.args[0] === 'upgrade')
    expect(resolve(upgrade?.cwd ?? '', '../values.yaml')).toBe(join(dir, 'values.yaml'))

    // Checks come before any change: the cluster and the secrets the chart needs are looked at first.
    const kubectl = argvOf(install, 'kubectl')
    expect(kubectl[0]?.[0]).toBe('cluster-info')
    const plan = secretsPlan(config)
    const secretChecks = kubectl.filter((a) => a[0] === 'get' && a[1] === 'secret').map((a) => a[2])
    expect(secretChecks).toEqual(
      [plan.envSecret, plan.pullSecret, plan.existingPullSecret].filter((s) => s !== undefined),
    )
    const firstHelm = install.calls.findIndex((c) => c.cmd === 'helm')
    const lastCheck = install.calls.findLastIndex(
      (c) => c.args[0] === 'cluster-info' || c.args[1] === 'secret',
    )
    expect(lastCheck).toBeLessThan(firstHelm)

    const applied = kubectl.filter((a) => a[0] === 'apply' && a.includes('../resources-config.yaml'))
    if (config.logStore.type === 'mongo' && config.logStore.tlsCa) {
      expect(applied).toEqual([['apply', '--namespace', ns, '-f', '../resources-config.yaml']])
      const applyAt = install.calls.findIndex((c) => c.args.includes('../resources-config.yaml'))
      const nsAt = install.calls.findIndex((c) => c.args[0] === 'get' && c.args[1] === 'namespace')
      expect(nsAt).toBeGreaterThanOrEqual(0)
      expect(nsAt).toBeLessThan(applyAt)
      expect(applyAt).toBeLessThan(install.calls.findIndex((c) => c.args[0] === 'upgrade'))
    } else expect(applied).toEqual([])
    expect(kubectl.at(-1)).toEqual([
      'get',
      'pods',
      '--namespace',
      ns,
      '-l',
      `app.kubernetes.io/instance=${release}`,
    ])

    const uninstall = runScript(join(dir, 'scripts/uninstall.sh'), OK)
    expect(uninstall.status).toBe(0)
    expect(argvOf(uninstall, 'helm')).toEqual([
      ['status', release, '--namespace', ns],
      ['uninstall', release, '--namespace', ns],
    ])
  })
})

describe('install.sh refuses before changing anything', () => {
  const dir = writeBundleDir(fixtureConfig('secrets-existing'))
  const script = join(dir, 'scripts/install.sh')

  it('when the cluster is unreachable', () => {
    const run = runScript(script, { helm: [], kubectl: [{ match: 'cluster-info*', exit: 1 }] })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/cannot reach a cluster/)
    expect(argvOf(run, 'helm')).toEqual([])
  })

  it('when create-secret.sh has not run yet', () => {
    const run = runScript(script, { helm: [], kubectl: [{ match: 'get secret *', exit: 1 }] })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/portkey-gateway-secrets .*create-secret\.sh/)
    expect(argvOf(run, 'helm')).toEqual([])
  })

  it('when helm is missing', () => {
    const run = runScript(script, { kubectl: [] })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/helm is not installed/)
    expect(run.calls).toEqual([])
  })

  it('when values.yaml is not next to the scripts', () => {
    const copy = writeBundleDir(fixtureConfig('s3'))
    rmSync(join(copy, 'values.yaml'))
    const run = runScript(join(copy, 'scripts/install.sh'), OK)
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/values\.yaml is missing/)
    expect(run.calls).toEqual([])
  })

  it('uninstall.sh stops when the release does not exist', () => {
    const run = runScript(join(dir, 'scripts/uninstall.sh'), { helm: [{ match: 'status *', exit: 1 }] })
    expect(run.status).toBe(1)
    expect(argvOf(run, 'helm')).toEqual([['status', 'portkey-ai', '--namespace', 'portkeyai']])
  })
})

describe('port-forward.sh', () => {
  const config = fixtureConfig('chart-1.0.7-mongo-vault')
  const script = join(writeBundleDir(config), 'scripts/port-forward.sh')

  it('forwards 8787 to the gateway deployment', () => {
    const run = runScript(script, OK)
    expect(run.status).toBe(0)
    expect(argvOf(run, 'kubectl').slice(1)).toEqual([
      ['get', 'deployment/gateway-legacy', '--namespace', 'portkey-legacy'],
      ['port-forward', 'deployment/gateway-legacy', '--namespace', 'portkey-legacy', '8787:8787'],
    ])
  })

  it('takes a pod name and a local port', () => {
    const run = runScript(script, OK, { args: ['gateway-legacy-abc'], env: { LOCAL_PORT: '9000' } })
    expect(argvOf(run, 'kubectl').at(-1)).toEqual([
      'port-forward',
      'gateway-legacy-abc',
      '--namespace',
      'portkey-legacy',
      '9000:8787',
    ])
  })

  it('lists the release pods when the deployment is not found', () => {
    const run = runScript(script, { kubectl: [{ match: 'get deployment/*', exit: 1 }] })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/pass the gateway pod name/)
    expect(argvOf(run, 'kubectl').at(-1)).toEqual([
      'get',
      'pods',
      '--namespace',
      'portkey-legacy',
      '-l',
      'app.kubernetes.io/instance=gateway-legacy',
    ])
  })
})

describe('gatewayDeploymentName', () => {
  it('follows the chart fullname rule', () => {
    expect(gatewayDeploymentName('portkey-ai')).toBe('portkey-ai-gateway')
    expect(gatewayDeploymentName('my-gateway')).toBe('my-gateway')
    expect(gatewayDeploymentName('a'.repeat(53))).toBe(`${'a'.repeat(53)}-gateway`)
  })
})
