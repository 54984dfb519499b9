import { useWatch } from 'react-hook-form'
import { ChoiceCards } from '../../components/choice-cards'
import { TestConnection } from '../../components/test-connection'
import type { FormValues } from '../../lib/initial-values'
import { useBranchSwitch } from '../use-branch-switch'
import { LOG_STORE_CHOICES } from './log-store-choices'
import { AzureFields, MongoFields, NetappFields, S3AssumeFields, S3Fields } from './log-store-fields'

/** Where request and response logs go: seven stores, each with its own fields and sign-in methods. */
export const LogStoreStep = () => {
  const type = useWatch<FormValues>({ name: 'logStore.type' })
  const switchBranch = useBranchSwitch()
  return (
    <div className="step-fields" data-testid="step-logStore">
      <ChoiceCards
        name="logStore.type"
        legend="Log store"
        choices={LOG_STORE_CHOICES}
        onChoose={(v) => switchBranch('logStore', v)}
      />
      {/* keyed by type so every input remounts with the new branch's values */}
      <div key={String(type)} className="branch">
        {type === 'mongo' ? (
          <MongoFields />
        ) : type === 's3' || type === 'wasabi' || type === 'gcs' ? (
          <S3Fields type={type} />
        ) : type === 'netapp' ? (
          <NetappFields />
        ) : type === 's3_assume' ? (
          <S3AssumeFields />
        ) : type === 'azure' ? (
          <AzureFields />
        ) : (
          <p className="empty-state">Choose a log store above to see what it needs.</p>
        )}
      </div>
      {type ? <TestConnection target="logStore" label="log store access" /> : null}
    </div>
  )
}
