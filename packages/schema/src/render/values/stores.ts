import type { DeploymentConfig } from '../../config/index.js'
import { bool, type Entry, entry, map, str } from '../yaml-doc.js'

type Persistence = { enabled?: boolean; size: string; storageClassName?: string | undefined }

const persistence = (p: Persistence) =>
  map(
    entry('enabled', bool(p.enabled ?? true)),
    entry('size', str(p.size)),
    p.storageClassName ? entry('storageClassName', str(p.storageClassName)) : undefined,
  )

/**
 * The chart's MinIO as the log store: the chart runs it and creates the bucket named by
 * LOG_STORE_GENERATIONS_BUCKET; the gateway reaches it as s3_custom at http://minio:9000.
 */
const minioEntries = (c: DeploymentConfig): Entry[] => {
  const ls = c.logStore
  if (ls.type !== 'minio') return []
  const cred = ls.credentials
  const authKey =
    cred.source === 'existingSecret'
      ? map(
          entry(
            'create',
            bool(false),
            'MinIO reads its root user from this Secret (keys accessKey and secretKey); they must match LOG_STORE_ACCESS_KEY and LOG_STORE_SECRET_KEY.',
          ),
          entry('existingSecret', str(cred.secretName)),
        )
      : map(
          entry(
            'create',
            bool(true),
            'The chart creates the Secret of the MinIO root user from these two values.',
          ),
          entry('accessKey', str(ls.accessKey)),
          entry('secretKey', str(ls.secretKey)),
        )
  return [
    entry(
      'minio',
      map(
        entry('enabled', bool(true)),
        entry('authKey', authKey),
        entry(
          'persistence',
          persistence(ls.persistence),
          ls.persistence.enabled
            ? undefined
            : 'Without a volume MinIO loses the logs whenever its pod restarts.',
        ),
      ),
      [
        'Log store: the MinIO the chart deploys (a StatefulSet and a Service named minio) \u2014 chosen in portkey-setup.',
        'The gateway writes to it as an S3-compatible store (LOG_STORE=s3_custom above).',
      ],
      true,
    ),
  ]
}

/** The chart's Milvus (and its etcd) for the semantic cache; it keeps its files in the chart's MinIO. */
const milvusEntries = (c: DeploymentConfig): Entry[] => {
  const sc = c.semanticCache
  if (!sc.enabled || sc.milvus.source !== 'chart') return []
  const p = { size: sc.milvus.size, storageClassName: sc.milvus.storageClassName }
  return [
    entry(
      'milvus',
      map(
        entry('enabled', bool(true)),
        entry('etcd', map(entry('persistence', persistence(p)))),
        entry('milvus', map(entry('persistence', persistence(p)))),
      ),
      [
        'Semantic cache: the Milvus the chart deploys, with its etcd \u2014 chosen in portkey-setup.',
        `The gateway finds it at VECTOR_STORE_ADDRESS; create the collection ${sc.collection} once it runs (README.md).`,
      ],
      true,
    ),
  ]
}

/** values.yaml blocks of the stores the chart runs itself (chart 1.5.0+). */
export const storeEntries = (c: DeploymentConfig): Entry[] => [...minioEntries(c), ...milvusEntries(c)]
