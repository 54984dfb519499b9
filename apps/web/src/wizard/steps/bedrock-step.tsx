import { useFormContext, useWatch } from 'react-hook-form'
import { type Choice, ChoiceCards } from '../../components/choice-cards'
import { Field } from '../../components/field'
import { OptInToggle, SwitchField } from '../../components/switch-field'
import { TestConnection } from '../../components/test-connection'
import type { FormValues } from '../../lib/initial-values'
import { useBranchSwitch } from '../use-branch-switch'

const ROLES: Choice[] = [
  {
    value: 'principal',
    title: 'The gateway’s own role',
    when: 'Choose this to attach the Bedrock policy to the role the gateway already uses.',
  },
  {
    value: 'separate',
    title: 'A separate Bedrock role',
    when: 'Choose this when Bedrock lives in another role (or account) that the gateway assumes.',
  },
]

/** Optional Amazon Bedrock access through an IAM role. */
export const BedrockStep = () => {
  const { setValue, clearErrors } = useFormContext<FormValues>()
  const enabled = useWatch<FormValues>({ name: 'bedrock.enabled' })
  const role = useWatch<FormValues>({ name: 'bedrock.role' })
  const credentials = useWatch<FormValues>({ name: 'bedrock.assumeRoleCredentials' })
  const switchBranch = useBranchSwitch()
  return (
    <div className="step-fields" data-testid="step-bedrock">
      <SwitchField
        name="bedrock.enabled"
        label="Give the gateway access to Amazon Bedrock through an IAM role"
        help="Optional. Leave this off if the gateway does not call Bedrock models with an assumed role."
        onToggle={(on) => switchBranch('bedrock', on)}
      />
      {enabled === true ? (
        <div key="bedrock" className="nested">
          <Field name="bedrock.region" label="Bedrock region" />
          <ChoiceCards
            name="bedrock.role"
            legend="Which role carries the Bedrock policy"
            choices={ROLES}
            compact
            onChoose={(v) => {
              setValue('bedrock.role' as never, v as never, { shouldDirty: true, shouldValidate: true })
              if (v === 'principal') setValue('bedrock.separateRoleArn' as never, undefined as never)
              clearErrors('bedrock.separateRoleArn' as never)
            }}
          />
          <Field name="bedrock.principalRoleArn" label="Principal role ARN" />
          {role === 'separate' ? <Field name="bedrock.separateRoleArn" label="Bedrock role ARN" /> : null}
          <Field name="bedrock.externalId" label="External ID" />
          <OptInToggle
            id="bedrock-credentials"
            label="Assume the principal role with long-term keys (method 1)"
            checked={Boolean(credentials)}
            help="Only when the gateway runs with keys rather than IRSA or a node role."
            onChange={(on) => {
              setValue('bedrock.assumeRoleCredentials' as never, (on ? {} : undefined) as never, {
                shouldDirty: true,
              })
              clearErrors('bedrock.assumeRoleCredentials' as never)
            }}
          />
          {credentials ? (
            <div className="nested">
              <Field name="bedrock.assumeRoleCredentials.accessKeyId" label="Access key ID" />
              <Field name="bedrock.assumeRoleCredentials.secretAccessKey" label="Secret access key" />
              <Field name="bedrock.assumeRoleCredentials.region" label="Region of the keys" />
            </div>
          ) : null}
          <TestConnection target="bedrock" label="Bedrock role access" />
        </div>
      ) : null}
    </div>
  )
}
