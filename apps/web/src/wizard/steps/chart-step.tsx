import { KNOWN_CHART_VERSIONS } from '@portkey-setup/schema'
import { Field } from '../../components/field'

/** Which chart to install, where, and the name the gateway reports. */
export const ChartStep = () => (
  <div className="step-fields" data-testid="step-chart">
    <Field
      name="chart.version"
      label="Chart version"
      list="known-chart-versions"
      note={`Versions with a known values.yaml layout: ${KNOWN_CHART_VERSIONS.join(', ')}.`}
    />
    <datalist id="known-chart-versions">
      {KNOWN_CHART_VERSIONS.map((v) => (
        <option key={v} value={v} />
      ))}
    </datalist>
    <Field name="chart.releaseName" label="Release name" />
    <Field name="chart.namespace" label="Namespace" />
    <Field name="gateway.serviceName" label="Gateway service name" />
  </div>
)
