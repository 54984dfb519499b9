import { useWatch } from 'react-hook-form'
import { ChoiceCards } from '../../components/choice-cards'
import { Field } from '../../components/field'
import type { FormValues } from '../../lib/initial-values'
import { useBranchSwitch } from '../use-branch-switch'

/** How secret values reach the gateway. */
export const SecretsStep = () => {
  const mode = useWatch<FormValues>({ name: 'secrets.mode' })
  const switchBranch = useBranchSwitch()
  return (
    <div className="step-fields" data-testid="step-secrets">
      <ChoiceCards name="secrets.mode" onChoose={(v) => switchBranch('secrets', v)} />
      <div key={String(mode)} className="branch">
        {mode === 'existingSecret' ? (
          <Field name="secrets.secretName" />
        ) : mode === 'vault' ? (
          <>
            <Field name="secrets.host" />
            <Field name="secrets.secretPath" />
            <Field name="secrets.role" />
            <Field name="secrets.kubernetesSecret" />
          </>
        ) : mode === 'awsSecretsManager' ? (
          <>
            <Field name="secrets.secretId" />
            <Field name="secrets.region" />
            <Field name="secrets.roleArn" />
            <Field name="secrets.kmsKeyArn" />
            <Field name="secrets.syncedSecretName" />
          </>
        ) : null}
      </div>
    </div>
  )
}
