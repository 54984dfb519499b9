import { useWatch } from 'react-hook-form'
import { ChoiceCards } from '../../components/choice-cards'
import { Field } from '../../components/field'
import { TestConnection } from '../../components/test-connection'
import type { FormValues } from '../../lib/initial-values'
import { useBranchSwitch } from '../use-branch-switch'
import { ImagesFields } from './images-fields'

/** How the cluster pulls the Portkey images. */
export const RegistryStep = () => {
  const mode = useWatch<FormValues>({ name: 'registry.mode' })
  const switchBranch = useBranchSwitch()
  return (
    <div className="step-fields" data-testid="step-registry">
      <ChoiceCards name="registry.mode" onChoose={(v) => switchBranch('registry', v)} />
      {mode === 'create' ? (
        <>
          <Field name="registry.server" type="url" />
          <Field name="registry.username" />
          <Field name="registry.password" />
          <Field name="registry.email" type="email" />
        </>
      ) : mode === 'existing' ? (
        <Field name="registry.secretName" />
      ) : null}
      <ImagesFields />
      <TestConnection target="registry" label="registry access" />
    </div>
  )
}
