import { CACHE_STORES, type Cache, CustomCacheSchema, DEFAULT_REDIS_URL } from '../config/cache.js'
import { inClusterRun, q, section, shell, step } from './blocks.js'
import type { GuideSection, GuideStep } from './types.js'
import { rec, type View, valid } from './view.js'

const REDIS_IMAGE = 'redis:7.2-alpine'

/** Host and port of the Redis URL; the URL itself may carry a password, so only these are shown. */
const endpointOf = (url: string | undefined) => {
  if (!url) return { host: '<redis-host>', port: '6379', tls: false }
  const u = new URL(url)
  return { host: u.hostname.replace(/^\[|\]$/g, ''), port: u.port || '6379', tls: u.protocol === 'rediss:' }
}

const pingStep = (v: View, host: string, port: string, tls: boolean, cluster: boolean): GuideStep =>
  step(
    'cache.reach',
    'Check the cluster can reach Redis',
    `redis-cli runs in a throwaway pod in namespace ${v.namespace} and should answer PONG. It asks for the password (press Enter if there is none); add --user NAME for an ACL user.`,
    [
      shell(
        'Ping Redis from a throwaway pod',
        inClusterRun(
          v.namespace,
          'portkey-redis-check',
          REDIS_IMAGE,
          [
            'redis-cli',
            `-h ${q(host)} -p ${q(port)}`,
            ...(tls ? ['--tls'] : []),
            ...(cluster ? ['-c'] : []),
            '--askpass ping',
          ],
          true,
        ),
      ),
    ],
  )

export const cacheGuide = (v: View): GuideSection => {
  const c = rec(v.root.cache)
  const shape = CustomCacheSchema.shape
  const store = (CACHE_STORES as readonly unknown[]).includes(c.store) ? (c.store as Cache['store']) : 'redis'
  const cluster = c.mode === 'cluster'
  const mode = cluster ? ', cluster mode' : ''
  if (store === 'redis')
    return section(
      'cache',
      'redis',
      'Cache: Redis in the cluster',
      `The chart runs Redis next to the gateway (${DEFAULT_REDIS_URL}); nothing to prepare.`,
    )
  // The default URL points at the in-cluster Redis, which an external store does not have.
  const url = c.url === undefined ? undefined : valid(shape.url, c.url)
  const { host, port, tls: urlTls } = endpointOf(url)
  const tls = urlTls || c.tls === true
  const tlsNote = tls ? ', TLS on' : ''
  if (store === 'aws-elastic-cache')
    return section(
      'cache',
      'aws-elastic-cache',
      'Cache: Amazon ElastiCache',
      `The gateway uses ElastiCache at ${host}:${port}${tlsNote}${mode}.`,
      [
        step(
          'cache.elasticache.network',
          'Open the cache to the nodes',
          `ElastiCache accepts connections only from the security groups you allow. Let the node security group reach port ${port} of the cache's group. With in-transit encryption on, the URL starts with rediss:// and TLS is on; both must match the cache.`,
          [
            shell(
              'Allow the nodes in',
              `aws ec2 authorize-security-group-ingress --group-id ${q('<cache-security-group-id>')} \\`,
              `  --protocol tcp --port ${q(port)} --source-group ${q('<node-security-group-id>')}`,
            ),
          ],
          [
            {
              label: 'ElastiCache: access from EC2 in the same VPC',
              url: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/elasticache-vpc-accessing.html',
            },
          ],
        ),
        pingStep(v, host, port, tls, cluster),
      ],
    )
  return section(
    'cache',
    'custom',
    'Cache: your own Redis',
    `The gateway uses the Redis at ${host}:${port}${mode}; it must be Redis 6.2 or later and reachable from the cluster.`,
    [pingStep(v, host, port, tls, cluster)],
  )
}
