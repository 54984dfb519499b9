import { z } from 'zod'
import { bool, choice, doc, isHost, option, secret } from './fields.js'
import { REDIS_URL } from './patterns.js'

export const CACHE_STORES = ['redis', 'aws-elastic-cache', 'custom'] as const
export const DEFAULT_REDIS_URL = 'redis://redis:6379'

const REDIS_URL_RULE =
  'Redis URL is not one this tool accepts: use redis://[user:password@]host:6379 (port up to 65535).'
const redisText = secret('Redis URL', 2048).meta({ format: 'uri', pattern: REDIS_URL.source })
const redisUrl = redisText.superRefine((v, ctx) => {
  const fail = (message: string) => ctx.addIssue({ code: 'custom', message })
  let u: URL
  try {
    u = new URL(v)
  } catch {
    return fail('Redis URL is not a URL: use redis://[user:password@]host:6379 (or rediss:// for TLS).')
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:')
    return fail('Redis URL must start with redis:// or rediss://.')
  if (!u.hostname || !isHost(u.hostname)) return fail('Redis URL has an invalid host: use redis://host:6379.')
  if (/\s/.test(v)) return fail('Redis URL must not contain spaces: percent-encode them as %20.')
  if (!REDIS_URL.test(v)) return fail(REDIS_URL_RULE)
})

/** Every store is a Redis the gateway reaches by URL; which of them decides what may be set (config/index.ts). */
const redisFields = (placeholder: string) => ({
  url: redisUrl.default(DEFAULT_REDIS_URL).meta(
    doc('How the gateway reaches Redis, with the password if the server needs one.', {
      env: 'REDIS_URL',
      placeholder,
    }),
  ),
  tls: bool('Use TLS (rediss://)', false).meta(
    doc(
      'Connect over TLS. The Redis the chart deploys has none; before chart 1.1.0 only Amazon ElastiCache may use it.',
      {
        env: 'REDIS_TLS_ENABLED',
      },
    ),
  ),
  mode: choice('Redis mode', ['standalone', 'cluster'], {
    standalone: { title: 'Standalone', when: 'One Redis server, or a primary with replicas.' },
    cluster: { title: 'Cluster', when: 'Redis Cluster, e.g. ElastiCache with cluster mode on.' },
  })
    .default('standalone')
    .meta(doc('Whether the server is a single node or a Redis Cluster.', { env: 'REDIS_MODE' })),
})

export const ChartRedisCacheSchema = z
  .strictObject({
    store: option(
      'redis',
      'Redis deployed by the chart',
      'Choose this unless you already run Redis: the chart starts one next to the gateway.',
    ).default('redis'),
    ...redisFields(DEFAULT_REDIS_URL),
  })
  .describe('The chart deploys a single Redis next to the gateway.')

export const ElasticacheCacheSchema = z
  .strictObject({
    store: option(
      'aws-elastic-cache',
      'Amazon ElastiCache',
      'Choose this on AWS for managed Redis, with TLS and cluster mode when you need them.',
    ),
    ...redisFields('redis://user:password@host:6379'),
  })
  .describe('Amazon ElastiCache for Redis.')

export const CustomCacheSchema = z
  .strictObject({
    store: option(
      'custom',
      'Another Redis you run',
      'Choose this to use any Redis 6.2 or newer that the cluster can reach.',
    ),
    ...redisFields('redis://user:password@host:6379'),
  })
  .describe('Any Redis 6.2 or newer.')

export const CacheSchema = z
  .discriminatedUnion('store', [ChartRedisCacheSchema, ElasticacheCacheSchema, CustomCacheSchema], {
    error: 'Cache store must be "redis", "aws-elastic-cache" or "custom".',
  })
  .meta({ title: 'Cache store', description: 'The Redis the gateway caches in.', 'x-env': 'CACHE_STORE' })

export type Cache = z.infer<typeof CacheSchema>
