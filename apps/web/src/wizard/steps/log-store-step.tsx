import type { LogStoreType } from '@portkey-setup/schema'
import type { ComponentType } from 'react'
import { useWatch } from 'react-hook-form'
import { ChoiceCards } from '../../components/choice-cards'
import { TestConnection } from '../../components/test-connection'
import type { FormValues } from '../../lib/initial-values'
import { branchOf } from '../branches'
import { useBranchSwitch } from '../use-branch-switch'
import { AzureFields, MongoFields, NetappFields, S3AssumeFields, S3Fields } from './log-store-fields'
import { MinioFields, S3CustomFields } from './store-fields'

/** The fields of each log store: a store added to the schema fails typecheck here until it has its own. */
const LOG_STORE_FIELDS = {
  mongo: MongoFields,
  s3: S3Fields,
  s3_assume: S3AssumeFields,
  wasabi: S3Fields,
  gcs: S3Fields,
  azure: AzureFields,
  netapp: NetappFields,
  s3_custom: S3CustomFields,
  minio: MinioFields,
} satisfies Record<LogStoreType, ComponentType>

/** Where request and response logs go: nine stores, each with its own fields and sign-in methods. */
export const LogStoreStep = () => {
  const type = useWatch<FormValues>({ name: 'logStore.type' })
  const switchBranch = useBranchSwitch()
  const Fields = branchOf(LOG_STORE_FIELDS, type)
  return (
    <div className="step-fields" data-testid="step-logStore">
      <ChoiceCards name="logStore.type" onChoose={(v) => switchBranch('logStore', v)} />
      {/* keyed by type so every input remounts with the new branch's values */}
      <div key={String(type)} className="branch">
        {Fields ? <Fields /> : <p className="empty-state">Choose a log store above to see what it needs.</p>}
      </div>
      {type ? <TestConnection target="logStore" label="log store access" /> : null}
    </div>
  )
}
