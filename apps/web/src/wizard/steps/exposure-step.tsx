import { supports } from '@portkey-setup/schema'
import { useWatch } from 'react-hook-form'
import { ChoiceCards } from '../../components/choice-cards'
import { Field } from '../../components/field'
import { KeyValueEditor } from '../../components/key-value-editor'
import { SwitchField } from '../../components/switch-field'
import type { FormValues } from '../../lib/initial-values'
import { useBranchSwitch } from '../use-branch-switch'

/** How clients reach the gateway: the Service type, and an optional Ingress. */
export const ExposureStep = () => {
  const enabled = useWatch<FormValues>({ name: 'exposure.ingress.enabled' })
  const routing = useWatch<FormValues>({ name: 'exposure.ingress.routing' })
  const version = useWatch<FormValues>({ name: 'chart.version' })
  const switchBranch = useBranchSwitch()
  // MCP routing exists from chart 1.3.0; older charts route the gateway only.
  const mcp = typeof version === 'string' && supports(version, 'ingressMcpRouting')
  return (
    <div className="step-fields" data-testid="step-exposure">
      <ChoiceCards name="exposure.serviceType" compact />

      <section className="subsection" aria-labelledby="ingress-heading">
        <h3 id="ingress-heading" className="subsection__title">
          Ingress
        </h3>
        <SwitchField
          name="exposure.ingress.enabled"
          onToggle={(on) => switchBranch('exposure.ingress', on)}
        />
        {enabled === true ? (
          <div key="ingress" className="nested">
            <Field name="exposure.ingress.host" />
            <Field name="exposure.ingress.className" />
            <Field name="exposure.ingress.path" />
            <Field name="exposure.ingress.tlsSecretName" />
            <KeyValueEditor name="exposure.ingress.annotations" />
            {mcp ? (
              <>
                <ChoiceCards name="exposure.ingress.routing" compact />
                {routing === 'host' ? (
                  <Field name="exposure.ingress.mcpHost" />
                ) : (
                  <Field name="exposure.ingress.mcpPath" />
                )}
              </>
            ) : null}
          </div>
        ) : null}
      </section>
    </div>
  )
}
