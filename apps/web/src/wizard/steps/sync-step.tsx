import { Field } from '../../components/field'
import { StringListEditor } from '../../components/string-list-editor'

/** The control-plane key and the organisations this gateway serves. */
export const SyncStep = () => (
  <div className="step-fields" data-testid="step-sync">
    <Field name="sync.clientAuth" />
    <StringListEditor name="sync.organisations" />
  </div>
)
