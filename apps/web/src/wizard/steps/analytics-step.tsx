import { useWatch } from 'react-hook-form'
import { ChoiceCards } from '../../components/choice-cards'
import { Field } from '../../components/field'
import { KeyValueEditor } from '../../components/key-value-editor'
import { SwitchField } from '../../components/switch-field'
import { TestConnection } from '../../components/test-connection'
import type { FormValues } from '../../lib/initial-values'
import { useBranchSwitch } from '../use-branch-switch'

/** Where analytics go, and an optional OTLP push of the same data. */
export const AnalyticsStep = () => {
  const store = useWatch<FormValues>({ name: 'analytics.store' })
  const otelEnabled = useWatch<FormValues>({ name: 'otel.enabled' })
  const switchBranch = useBranchSwitch()
  return (
    <div className="step-fields" data-testid="step-analytics">
      <ChoiceCards name="analytics.store" onChoose={(v) => switchBranch('analytics', v)} />
      {store === 'clickhouse' ? (
        <div key="clickhouse" className="branch">
          <Field name="analytics.endpoint" type="url" />
          <Field name="analytics.user" />
          <Field name="analytics.password" />
          <Field name="analytics.logTable" />
          <Field name="analytics.feedbackTable" />
          <Field name="analytics.generationHooksTable" />
          <TestConnection target="analytics" label="ClickHouse access" />
        </div>
      ) : null}

      <section className="subsection" aria-labelledby="otel-heading">
        <h3 id="otel-heading" className="subsection__title">
          OpenTelemetry push
        </h3>
        <SwitchField name="otel.enabled" onToggle={(on) => switchBranch('otel', on)} />
        {otelEnabled === true ? (
          <div key="otel" className="nested">
            <Field name="otel.endpoint" type="url" />
            <KeyValueEditor name="otel.resourceAttributes" />
            <Field name="otel.headers" />
            <ChoiceCards name="otel.protocol" compact />
            <TestConnection target="otel" label="the OTEL endpoint" />
          </div>
        ) : null}
      </section>
    </div>
  )
}
