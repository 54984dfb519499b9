import { describe, expect, it } from 'vitest'
import { configWith, runOptions } from '../test-support/peers.js'
import { checkTarget } from './catalog.js'

const SEMANTIC = {
  enabled: true,
  apiKey: 'portkey:milvus-pass-123',
  embeddingsUrl: 'https://api.openai.com/v1/embeddings',
  embeddingModel: 'text-embedding-3-small',
  embeddingApiKey: 'sk-embeddings-123',
} as const

const run = (semanticCache: unknown, logStore?: unknown) =>
  checkTarget(
    configWith({
      semanticCache,
      ...(logStore ? { logStore } : {}),
    } as Parameters<typeof configWith>[0]),
    'semanticCache',
    runOptions(),
  )

describe('semanticCache: Milvus is reported as skipped, with the reason', () => {
  it('an external Milvus: skipped, saying why there is no check and what to run instead', async () => {
    const r = await run({
      ...SEMANTIC,
      milvus: { source: 'external', address: 'https://milvus.acme.internal:19530' },
    })
    expect(r.status).toBe('skipped')
    expect(r.kind).toBe('milvus')
    expect(r.steps[0]?.detail).toMatch(/no Milvus-compatible server/)
    expect(JSON.stringify(r)).not.toContain('milvus-pass-123')
    expect(JSON.stringify(r)).not.toContain('sk-embeddings-123')
  })

  it('the chart\u2019s Milvus: skipped, it exists only inside the cluster', async () => {
    const r = await run(
      { ...SEMANTIC, milvus: { source: 'chart' } },
      { type: 'minio', bucket: 'portkey-logs', accessKey: 'portkey-minio', secretKey: 'minio-pass-123' },
    )
    expect(r.status).toBe('skipped')
    expect(r.kind).toBe('milvus-in-cluster')
  })

  it('off: skipped as disabled', async () => {
    const r = await run({ enabled: false })
    expect(r.kind).toBe('disabled')
  })
})
