import { ChartVersionField } from '../../components/chart-version-field'
import { Field } from '../../components/field'
import { ObjectFields } from '../../components/object-fields'

/** Which chart to install, where, and the name the gateway reports. */
export const ChartStep = () => (
  <div className="step-fields" data-testid="step-chart">
    <ChartVersionField />
    <Field name="chart.releaseName" />
    <Field name="chart.namespace" />
    <ObjectFields name="gateway" />
  </div>
)
