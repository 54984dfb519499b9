import type { ComponentType } from 'react'
import { useWatch } from 'react-hook-form'
import { ChoiceCards } from '../../components/choice-cards'
import { Field } from '../../components/field'
import { SwitchField } from '../../components/switch-field'
import { TestConnection } from '../../components/test-connection'
import type { FormValues } from '../../lib/initial-values'
import { branchOf } from '../branches'
import { useBranchSwitch } from '../use-branch-switch'

/** Any S3-compatible store: the base path names endpoint and bucket, then a key pair of that store. */
export const S3CustomFields = () => (
  <>
    <Field name="logStore.basePath" type="url" />
    <Field name="logStore.region" />
    <Field name="logStore.accessKey" />
    <Field name="logStore.secretKey" />
  </>
)

/** Where MinIO takes its root user from: a source added to the schema fails typecheck here. */
const MINIO_CREDENTIAL_FIELDS = {
  chart: () => null,
  existingSecret: () => <Field name="logStore.credentials.secretName" />,
} satisfies Record<'chart' | 'existingSecret', ComponentType>

/** The chart's MinIO: the bucket it creates, its root user, and the volume it keeps data on. */
export const MinioFields = () => {
  const source = useWatch<FormValues>({ name: 'logStore.credentials.source' })
  const persistent = useWatch<FormValues>({ name: 'logStore.persistence.enabled' })
  const switchBranch = useBranchSwitch()
  const Credentials = branchOf(MINIO_CREDENTIAL_FIELDS, source)
  return (
    <>
      <Field name="logStore.bucket" />
      <ChoiceCards
        name="logStore.credentials.source"
        onChoose={(v) => switchBranch('logStore.credentials', v)}
        compact
      />
      <div key={String(source)} className="nested">
        {Credentials ? <Credentials /> : null}
        <Field name="logStore.accessKey" />
        <Field name="logStore.secretKey" />
      </div>
      <SwitchField name="logStore.persistence.enabled" />
      {persistent !== false ? (
        <div className="nested">
          <Field name="logStore.persistence.size" />
          <Field name="logStore.persistence.storageClassName" />
        </div>
      ) : null}
    </>
  )
}

/** Which Milvus holds the embeddings: a source added to the schema fails typecheck here. */
const MILVUS_FIELDS = {
  chart: () => (
    <>
      <Field name="semanticCache.milvus.size" />
      <Field name="semanticCache.milvus.storageClassName" />
    </>
  ),
  external: () => <Field name="semanticCache.milvus.address" type="url" />,
} satisfies Record<'chart' | 'external', ComponentType>

/** The semantic cache: Milvus and the embeddings endpoint, shown inside the cache step. */
export const SemanticCacheFields = () => {
  const enabled = useWatch<FormValues>({ name: 'semanticCache.enabled' })
  const source = useWatch<FormValues>({ name: 'semanticCache.milvus.source' })
  const switchBranch = useBranchSwitch()
  const Milvus = branchOf(MILVUS_FIELDS, source)
  return (
    <section className="subsection" aria-labelledby="semantic-cache-heading">
      <h3 id="semantic-cache-heading" className="subsection__title">
        Semantic cache
      </h3>
      <SwitchField name="semanticCache.enabled" onToggle={(on) => switchBranch('semanticCache', on)} />
      {enabled === true ? (
        <div key="semantic" className="nested">
          <ChoiceCards
            name="semanticCache.milvus.source"
            onChoose={(v) => switchBranch('semanticCache.milvus', v)}
            compact
          />
          <div key={String(source)} className="nested">
            {Milvus ? <Milvus /> : null}
          </div>
          <Field name="semanticCache.collection" />
          <Field name="semanticCache.apiKey" />
          <Field name="semanticCache.embeddingsUrl" type="url" />
          <Field name="semanticCache.embeddingModel" />
          <Field name="semanticCache.embeddingApiKey" />
          <TestConnection target="semanticCache" label="Milvus" />
        </div>
      ) : null}
    </section>
  )
}
