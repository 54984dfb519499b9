import { useWatch } from 'react-hook-form'
import { type Choice, ChoiceCards } from '../../components/choice-cards'
import { Field } from '../../components/field'
import { TestConnection } from '../../components/test-connection'
import type { FormValues } from '../../lib/initial-values'
import { useBranchSwitch } from '../use-branch-switch'

const MODES: Choice[] = [
  {
    value: 'create',
    title: 'Use the credentials Portkey sent',
    when: 'Choose this if you have the Docker username and token from Portkey; the chart makes the pull secret.',
  },
  {
    value: 'existing',
    title: 'Use a pull secret I already have',
    when: 'Choose this if your cluster already holds a docker-registry Secret for the Portkey images.',
  },
]

/** How the cluster pulls the Portkey images. */
export const RegistryStep = () => {
  const mode = useWatch<FormValues>({ name: 'registry.mode' })
  const switchBranch = useBranchSwitch()
  return (
    <div className="step-fields" data-testid="step-registry">
      <ChoiceCards
        name="registry.mode"
        legend="Image pull credentials"
        choices={MODES}
        onChoose={(v) => switchBranch('registry', v)}
      />
      {mode === 'create' ? (
        <>
          <Field name="registry.server" label="Registry server" type="url" />
          <Field name="registry.username" label="Username" />
          <Field name="registry.password" label="Password or access token" />
          <Field name="registry.email" label="Email" type="email" />
        </>
      ) : mode === 'existing' ? (
        <Field name="registry.secretName" label="Pull secret name" />
      ) : null}
      <TestConnection target="registry" label="registry access" />
    </div>
  )
}
