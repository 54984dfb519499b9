import { useFormContext, useWatch } from 'react-hook-form'
import { ChoiceCards } from '../../components/choice-cards'
import { Field } from '../../components/field'
import { OptInToggle, SwitchField } from '../../components/switch-field'
import { TestConnection } from '../../components/test-connection'
import type { FormValues } from '../../lib/initial-values'
import { useBranchSwitch } from '../use-branch-switch'

/** Optional Amazon Bedrock access through an IAM role. */
export const BedrockStep = () => {
  const { setValue, clearErrors } = useFormContext<FormValues>()
  const enabled = useWatch<FormValues>({ name: 'bedrock.enabled' })
  const role = useWatch<FormValues>({ name: 'bedrock.role' })
  const credentials = useWatch<FormValues>({ name: 'bedrock.assumeRoleCredentials' })
  const switchBranch = useBranchSwitch()
  return (
    <div className="step-fields" data-testid="step-bedrock">
      <SwitchField name="bedrock.enabled" onToggle={(on) => switchBranch('bedrock', on)} />
      {enabled === true ? (
        <div key="bedrock" className="nested">
          <Field name="bedrock.region" />
          <ChoiceCards
            name="bedrock.role"
            compact
            onChoose={(v) => {
              setValue('bedrock.role' as never, v as never, { shouldDirty: true, shouldValidate: true })
              if (v === 'principal') setValue('bedrock.separateRoleArn' as never, undefined as never)
              clearErrors('bedrock.separateRoleArn' as never)
            }}
          />
          <Field name="bedrock.principalRoleArn" />
          {role === 'separate' ? <Field name="bedrock.separateRoleArn" /> : null}
          <Field name="bedrock.externalId" />
          <OptInToggle
            id="bedrock-credentials"
            name="bedrock.assumeRoleCredentials"
            checked={Boolean(credentials)}
            onChange={(on) => {
              setValue('bedrock.assumeRoleCredentials' as never, (on ? {} : undefined) as never, {
                shouldDirty: true,
              })
              clearErrors('bedrock.assumeRoleCredentials' as never)
            }}
          />
          {credentials ? (
            <div className="nested">
              <Field name="bedrock.assumeRoleCredentials.accessKeyId" />
              <Field name="bedrock.assumeRoleCredentials.secretAccessKey" />
              <Field name="bedrock.assumeRoleCredentials.region" />
            </div>
          ) : null}
          <TestConnection target="bedrock" label="Bedrock role access" />
        </div>
      ) : null}
    </div>
  )
}
