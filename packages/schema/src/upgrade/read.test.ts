import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { buildBundle } from '../bundle.js'
import { DeploymentConfigSchema } from '../config/index.js'
import { baseConfig, fixtures } from '../fixtures/index.js'
import { ValuesParseError } from '../import-values.js'
import { renderValuesYaml } from '../render/values-yaml.js'
import { readDeployment, versionFromHelmList } from './read.js'

const at = (version: string) =>
  DeploymentConfigSchema.parse({
    ...fixtures['secrets-existing'],
    chart: { ...fixtures['secrets-existing'].chart, version },
  })
/** What `helm get values -o yaml` gives back: the values without our header comments. */
const bare = (yaml: string) => yaml.replace(/^(#.*\n)+/, '')

describe('readDeployment', () => {
  it('reads a values.yaml portkey-setup wrote, with the version of its header', async () => {
    const r = await readDeployment(renderValuesYaml(at('1.6.4')))
    expect(r).toMatchObject({ version: '1.6.4', versionSource: 'header' })
    expect(r.config.chart?.version).toBe('1.6.4')
  })

  it('reads `helm get values` output, asks for the version, and takes it from `helm list`', async () => {
    const text = `USER-SUPPLIED VALUES:\n${bare(renderValuesYaml(at('1.6.4')))}`
    const unknown = await readDeployment(text)
    expect(unknown.versionSource).toBe('unknown')
    expect(unknown.version).toBeUndefined()
    expect(unknown.warnings.map((w) => w.path.join('.'))).toContain('chart.version')
    const list =
      'NAME\tNAMESPACE\tREVISION\tUPDATED\tSTATUS\tCHART\tAPP VERSION\nportkey\tportkey\t3\t2026-01-01\tdeployed\tgateway-1.6.4\t1.6.4\n'
    const listed = await readDeployment(text, list)
    expect(listed).toMatchObject({ version: '1.6.4', versionSource: 'helm-list' })
    expect(listed.warnings.map((w) => w.path.join('.'))).not.toContain('chart.version')
    expect(listed.config.secrets).toEqual(
      (await readDeployment(renderValuesYaml(at('1.6.4')))).config.secrets,
    )
  })

  it('reads the export file of scripts/export-values.sh with the release facts', async () => {
    const text = [
      '# portkey-setup export: 1',
      '# release: portkey',
      '# namespace: gateway-ns',
      '# revision: 4',
      '# chart-version: 1.3.1',
      '# app-version: 1.3.1',
      '# objects: Deployment/portkey-gateway, Secret/portkey-env',
      bare(renderValuesYaml(at('1.3.1'))),
    ].join('\n')
    const r = await readDeployment(text)
    expect(r).toMatchObject({ version: '1.3.1', versionSource: 'export' })
    expect(r.release).toEqual({
      name: 'portkey',
      namespace: 'gateway-ns',
      revision: 4,
      chartVersion: '1.3.1',
      appVersion: '1.3.1',
      objects: ['Deployment/portkey-gateway', 'Secret/portkey-env'],
    })
    expect(r.config.chart).toMatchObject({
      releaseName: 'portkey',
      namespace: 'gateway-ns',
      version: '1.3.1',
    })
  })

  it('reads a bundle zip from an earlier run', async () => {
    const c = DeploymentConfigSchema.parse({
      ...baseConfig,
      chart: { ...baseConfig.chart, version: '1.0.7' },
    })
    const r = await readDeployment(await buildBundle(c))
    expect(r).toMatchObject({ version: '1.0.7', versionSource: 'bundle' })
    expect(r.valuesText).toBe(renderValuesYaml(c))
  })

  it('refuses a zip without values.yaml and a broken zip with a message saying what to choose', async () => {
    const zip = new JSZip()
    zip.file('notes.txt', 'hello')
    const bytes = await zip.generateAsync({ type: 'uint8array' })
    await expect(readDeployment(bytes)).rejects.toThrow(/no values\.yaml/)
    await expect(readDeployment(bytes.slice(0, 40))).rejects.toBeInstanceOf(ValuesParseError)
  })

  it('finds the version only in a gateway chart column of `helm list`', () => {
    expect(versionFromHelmList('x\tgateway-1.7.7\t1.7.7')).toBe('1.7.7')
    expect(versionFromHelmList('x\tgateway-9.9.9\t9.9.9')).toBeUndefined()
    expect(versionFromHelmList('')).toBeUndefined()
  })
})
