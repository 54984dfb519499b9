import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { DeploymentConfigSchema } from '../config/index.js'
import { type FixtureName, fixtures } from '../fixtures/index.js'
import { normalizePem, renderResourcesConfig } from './resources-config.js'

const config = (name: FixtureName) => DeploymentConfigSchema.parse(fixtures[name])
const CERT = (body: string) => `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----`

describe('resources-config.yaml', () => {
  it('is a ConfigMap with the CA under its file name, in the release namespace', () => {
    const text = renderResourcesConfig(config('mongo-tls-ca'))
    expect(text).toMatchSnapshot()
    const doc = parse(text ?? '')
    expect(doc).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'portkey-ai-mongo-ca', namespace: 'portkeyai' },
      data: {
        'document_db.pem': `${(fixtures['mongo-tls-ca'].logStore as { tlsCa: { pem: string } }).tlsCa.pem}\n`,
      },
    })
    expect(text).toContain('  document_db.pem: |\n    -----BEGIN CERTIFICATE-----\n')
  })

  it('is null without a Mongo CA', () => {
    for (const name of Object.keys(fixtures) as FixtureName[])
      if (!['mongo-tls-ca', 'secrets-aws-sm-mongo-ca'].includes(name))
        expect(renderResourcesConfig(config(name))).toBeNull()
  })

  it('keeps a bundle of certificates with Windows line ends and surrounding space as clean PEM', () => {
    const pem = ` \r\n${CERT('QUJD').replace(/\n/g, '\r\n')}\r\n\t ${CERT('REVG')}\n\n`
    const c = DeploymentConfigSchema.parse({
      ...fixtures['mongo-tls-ca'],
      logStore: { ...(fixtures['mongo-tls-ca'].logStore as object), tlsCa: { fileName: 'bundle.crt', pem } },
    })
    expect(normalizePem(pem)).toBe(`${CERT('QUJD')}\n${CERT('REVG')}\n`)
    expect(parse(renderResourcesConfig(c) ?? '').data['bundle.crt']).toBe(
      `${CERT('QUJD')}\n${CERT('REVG')}\n`,
    )
  })
})
