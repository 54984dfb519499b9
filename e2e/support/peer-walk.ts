import type { Page } from '@playwright/test'
import { expect } from './fixtures.js'
import { motoSeed, peers, redisUrl } from './peers.js'
import { choose, fillAll, type Walk } from './wizard.js'

/**
 * A walk with every optional section switched on and every backend a real peer, so each check
 * on Review has something real to prove: registry, S3 through an assumed role (moto), ClickHouse,
 * OTLP, Redis, Bedrock and the data service. Used where the most UI should be on screen.
 */
export const peerWalk = (): Walk => {
  const seed = motoSeed()
  const host = `http://${peers.host}`
  return {
    registry: { mode: 'create', username: peers.registry.user, password: peers.registry.password },
    logStore: async (page: Page) => {
      await choose(page, 'Amazon S3 with an IAM role')
      await fillAll(page, { Region: seed.region, Bucket: seed.buckets.logs })
      await choose(page, 'Keys from Portkey assume your role')
      await fillAll(page, {
        'Access key ID from Portkey': seed.users.assumer.accessKeyId,
        'Secret access key from Portkey': seed.users.assumer.secretAccessKey,
        'Role ARN': seed.roles.logs.arn,
        'External ID': seed.externalId,
      })
    },
    cache: { store: 'custom', url: redisUrl() },
    sync: { clientAuth: 'e2e-client-auth', organisations: ['org-e2e-1'] },
    steps: {
      registry: (page) => fillAll(page, { 'Registry server': `${host}:${peers.registry.port}` }),
      analytics: async (page) => {
        await choose(page, 'Your own ClickHouse')
        await fillAll(page, {
          'ClickHouse endpoint': `${host}:${peers.clickhouse.httpPort}`,
          'ClickHouse user': peers.clickhouse.user,
          'ClickHouse password': peers.clickhouse.password,
          'Log table': 'portkey.generations',
          'Feedback table': 'portkey.feedbacks',
          'Generation hooks table': 'portkey.generation_hooks',
        })
        await switchOn(page, 'Also push analytics to an OpenTelemetry collector')
        await fillAll(page, { 'OTLP/HTTP endpoint': `${host}:${peers.otlp.port}` })
      },
      bedrock: async (page) => {
        await switchOn(page, 'Give the gateway access to Amazon Bedrock through an IAM role')
        await fillAll(page, { 'Bedrock region': seed.region, 'Principal role ARN': seed.roles.bedrock.arn })
      },
      dataService: async (page) => {
        await switchOn(page, 'Deploy the data service (finetunes and log exports)')
        await fillAll(page, {
          'Finetunes bucket': seed.buckets.finetunes,
          'Finetunes role ARN': seed.roles.logs.arn,
        })
      },
    },
  }
}

export const switchOn = async (page: Page, name: string) => {
  const toggle = page.getByRole('switch', { name, exact: true })
  await toggle.click()
  await expect(toggle).toBeChecked()
}
