import { useWatch } from 'react-hook-form'
import { type Choice, ChoiceCards } from '../../components/choice-cards'
import { Field } from '../../components/field'
import { KeyValueEditor } from '../../components/key-value-editor'
import { SwitchField } from '../../components/switch-field'
import { TestConnection } from '../../components/test-connection'
import type { FormValues } from '../../lib/initial-values'
import { useBranchSwitch } from '../use-branch-switch'

const STORES: Choice[] = [
  {
    value: 'control_plane',
    title: 'Portkey control plane',
    when: 'Choose this unless analytics must stay in your own infrastructure; nothing else to set.',
  },
  {
    value: 'clickhouse',
    title: 'Your own ClickHouse',
    when: 'Choose this when analytics data has to stay with you, in a ClickHouse you run.',
  },
]

/** Where analytics go, and an optional OTLP push of the same data. */
export const AnalyticsStep = () => {
  const store = useWatch<FormValues>({ name: 'analytics.store' })
  const otelEnabled = useWatch<FormValues>({ name: 'otel.enabled' })
  const switchBranch = useBranchSwitch()
  return (
    <div className="step-fields" data-testid="step-analytics">
      <ChoiceCards
        name="analytics.store"
        legend="Analytics store"
        choices={STORES}
        onChoose={(v) => switchBranch('analytics', v)}
      />
      {store === 'clickhouse' ? (
        <div key="clickhouse" className="branch">
          <Field name="analytics.endpoint" label="ClickHouse endpoint" type="url" />
          <Field name="analytics.user" label="User" />
          <Field name="analytics.password" label="Password" />
          <Field name="analytics.logTable" label="Log table" placeholder="generations" />
          <Field name="analytics.feedbackTable" label="Feedback table" placeholder="feedbacks" />
          <Field
            name="analytics.generationHooksTable"
            label="Generation hooks table"
            placeholder="generation_hooks"
          />
          <TestConnection target="analytics" label="ClickHouse access" />
        </div>
      ) : null}

      <section className="subsection" aria-labelledby="otel-heading">
        <h3 id="otel-heading" className="subsection__title">
          OpenTelemetry push
        </h3>
        <SwitchField
          name="otel.enabled"
          label="Also push analytics to an OpenTelemetry collector"
          onToggle={(on) => switchBranch('otel', on)}
        />
        {otelEnabled === true ? (
          <div key="otel" className="nested">
            <Field
              name="otel.endpoint"
              label="OTLP/HTTP endpoint"
              type="url"
              placeholder="http://otel-collector:4318"
            />
            <KeyValueEditor name="otel.resourceAttributes" legend="Resource attributes" />
            <TestConnection target="otel" label="the OTEL endpoint" />
          </div>
        ) : null}
      </section>
    </div>
  )
}
