import { MILVUS_SERVICE_URL, SemanticCacheOnSchema } from '../config/semantic-cache.js'
import { q, shell, step } from './blocks.js'
import type { GuideSection, GuideStep } from './types.js'
import { pick, rec, type View, valid } from './view.js'

/** The collection the gateway looks embeddings up in: made once, sized for the embedding model. */
const collectionBody = (collection: string) =>
  JSON.stringify({
    collectionName: collection,
    schema: {
      autoId: false,
      enableDynamicField: true,
      fields: [
        { fieldName: 'id', dataType: 'VarChar', isPrimary: true, elementTypeParams: { max_length: 1024 } },
        { fieldName: 'vector', dataType: 'FloatVector', elementTypeParams: { dim: '<dimensions>' } },
        { fieldName: 'workspace_id', dataType: 'VarChar', elementTypeParams: { max_length: 512 } },
      ],
    },
    indexParams: [{ fieldName: 'vector', metricType: 'COSINE', indexName: 'vector', indexType: 'AUTOINDEX' }],
  })

const semanticSteps = (v: View): GuideStep[] => {
  const sc = rec(v.root.semanticCache)
  if (sc.enabled !== true) return []
  const shape = SemanticCacheOnSchema.shape
  const collection = pick(shape.collection, sc.collection ?? 'textEmbedding3Small', 'collection')
  const milvus = rec(sc.milvus)
  const inCluster = milvus.source !== 'external'
  const address = inCluster
    ? 'http://localhost:19530'
    : (valid(shape.milvus.unwrap().options[1].shape.address, milvus.address) ?? '<milvus-address>')
  return [
    ...(inCluster
      ? [
          step(
            'cache.milvus.forward',
            'After installing: reach the chart\u2019s Milvus',
            `The chart runs Milvus inside the cluster (${MILVUS_SERVICE_URL}); forward it to your machine for the next step. It keeps its files in the chart\u2019s MinIO.`,
            [
              shell(
                'Forward Milvus to localhost:19530',
                `kubectl port-forward --namespace ${q(v.namespace)} svc/milvus 19530:19530`,
              ),
            ],
          ),
        ]
      : []),
    step(
      'cache.milvus.collection',
      `Create the collection ${collection}`,
      'The gateway does not create it. Replace <dimensions> with the vector size of your embedding model (1536 for text-embedding-3-small). The command asks for the Milvus user:password you entered, so it stays out of your shell history.',
      [
        shell(
          'Create the collection',
          `read -r -s -p 'Milvus user:password: ' MILVUS_AUTH; echo`,
          `curl -fsS -X POST ${q(`${address}/v2/vectordb/collections/create`)} \\`,
          `  -H "Authorization: Bearer $MILVUS_AUTH" -H 'Content-Type: application/json' \\`,
          `  -d ${q(collectionBody(collection))}`,
        ),
      ],
      [{ label: 'Milvus: RESTful API', url: 'https://milvus.io/api-reference/restful/v2.4.x/About.md' }],
    ),
  ]
}

/** The cache section, with the semantic cache's steps after the Redis ones when it is on. */
export const withSemanticCache = (v: View, s: GuideSection): GuideSection => {
  const more = semanticSteps(v)
  return more.length
    ? { ...s, summary: `${s.summary} Semantic cache: Milvus.`, steps: [...s.steps, ...more] }
    : s
}
