import { z } from 'zod'
import { bool, isHost, secret } from './fields.js'

export const CACHE_STORES = ['redis', 'aws-elastic-cache', 'custom'] as const
export const DEFAULT_REDIS_URL = 'redis://redis:6379'

const redisUrl = secret('Redis URL', 2048).superRefine((v, ctx) => {
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
})

export const CacheSchema = z
  .strictObject({
    store: z
      .enum(CACHE_STORES, { error: 'Cache store must be "redis", "aws-elastic-cache" or "custom".' })
      .default('redis')
      .describe(
        'CACHE_STORE: redis deploys Redis in the cluster; aws-elastic-cache uses ElastiCache; custom is any Redis ≥ 6.2.',
      ),
    url: redisUrl
      .default(DEFAULT_REDIS_URL)
      .describe('REDIS_URL, with the password if the server needs one.'),
    tls: bool('TLS', false).describe(
      'REDIS_TLS_ENABLED; the chart supports TLS only with aws-elastic-cache.',
    ),
    mode: z
      .enum(['standalone', 'cluster'], { error: 'Redis mode must be "standalone" or "cluster".' })
      .default('standalone')
      .describe('REDIS_MODE: cluster for Redis Cluster (ElastiCache cluster mode enabled).'),
  })
  .describe('Cache store (CACHE_STORE).')

export type Cache = z.infer<typeof CacheSchema>
