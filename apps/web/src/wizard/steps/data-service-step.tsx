import { FINETUNE_LOG_STORES } from '@portkey-setup/schema'
import { useWatch } from 'react-hook-form'
import { Field } from '../../components/field'
import { SwitchField } from '../../components/switch-field'
import { TestConnection } from '../../components/test-connection'
import type { FormValues } from '../../lib/initial-values'
import { useBranchSwitch } from '../use-branch-switch'

/** Optional data service for finetuning and log exports. */
export const DataServiceStep = () => {
  const enabled = useWatch<FormValues>({ name: 'dataService.enabled' })
  const logStoreType = useWatch<FormValues>({ name: 'logStore.type' }) as string | undefined
  const switchBranch = useBranchSwitch()
  const s3LogStore = logStoreType !== undefined && FINETUNE_LOG_STORES.includes(logStoreType)
  return (
    <div className="step-fields" data-testid="step-dataService">
      <SwitchField name="dataService.enabled" onToggle={(on) => switchBranch('dataService', on)} />
      {enabled === true && !s3LogStore ? (
        <p className="notice notice--warn" data-testid="data-service-needs-s3">
          The data service works only with an Amazon S3 log store (s3 or s3_assume), and the log store is{' '}
          {logStoreType ? <code>{logStoreType}</code> : 'not chosen yet'}: change the log store or turn the
          data service off.
        </p>
      ) : null}
      {enabled === true ? (
        <div key="data-service" className="nested">
          <Field name="dataService.finetunesBucket" />
          <Field name="dataService.finetunesRoleArn" />
          <Field name="dataService.logExportsBucket" />
          <TestConnection target="dataService" label="the finetunes bucket" />
        </div>
      ) : null}
    </div>
  )
}
