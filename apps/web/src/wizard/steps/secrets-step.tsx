import { useWatch } from 'react-hook-form'
import { type Choice, ChoiceCards } from '../../components/choice-cards'
import { Field } from '../../components/field'
import type { FormValues } from '../../lib/initial-values'
import { useBranchSwitch } from '../use-branch-switch'

const MODES: Choice[] = [
  {
    value: 'inline',
    title: 'In values.yaml',
    when: 'The simplest: the chart keeps them in a Kubernetes Secret. Keep the bundle out of version control.',
  },
  {
    value: 'existingSecret',
    title: 'A Secret you create',
    when: 'Keeps secrets out of values.yaml: a script creates the Secret from secrets.env (chart 1.3.0 or later).',
  },
  {
    value: 'vault',
    title: 'HashiCorp Vault',
    when: 'Choose this if you run Vault with the agent injector and keep the gateway settings there.',
  },
]

/** How secret values reach the gateway. */
export const SecretsStep = () => {
  const mode = useWatch<FormValues>({ name: 'secrets.mode' })
  const switchBranch = useBranchSwitch()
  return (
    <div className="step-fields" data-testid="step-secrets">
      <ChoiceCards
        name="secrets.mode"
        legend="Secrets delivery"
        choices={MODES}
        onChoose={(v) => switchBranch('secrets', v)}
      />
      <div key={String(mode)} className="branch">
        {mode === 'existingSecret' ? (
          <Field name="secrets.secretName" label="Secret name" />
        ) : mode === 'vault' ? (
          <>
            <Field name="secrets.host" label="Vault annotation prefix" />
            <Field name="secrets.secretPath" label="Secret path" />
            <Field name="secrets.role" label="Vault role" />
          </>
        ) : null}
      </div>
    </div>
  )
}
