import { ChartVersionField } from '../../components/chart-version-field'
import { Field } from '../../components/field'

/** Which chart to install, where, and the name the gateway reports. */
export const ChartStep = () => (
  <div className="step-fields" data-testid="step-chart">
    <ChartVersionField />
    <Field name="chart.releaseName" label="Release name" />
    <Field name="chart.namespace" label="Namespace" />
    <Field name="gateway.serviceName" label="Gateway service name" />
  </div>
)
