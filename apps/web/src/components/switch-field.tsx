import { Switch } from 'radix-ui'
import { useController, useFormContext } from 'react-hook-form'
import type { FormValues } from '../lib/initial-values'
import { toPath } from '../lib/path'
import { fieldInfo } from '../lib/schema-path'
import { MetaMessages } from './field-message'
import { describedBy, useFieldMeta } from './use-field-meta'

type Props = {
  name: string
  /** Only where the context needs other words than the schema's label. */
  label?: string
  /** Called instead of a plain change (e.g. to switch a section between its enabled/disabled branches). */
  onToggle?: (checked: boolean) => void
  /** Help to show instead of the schema's (for switches that stand for a whole optional section). */
  help?: string
}

/** An on/off setting as a Radix switch, labelled, with the schema's help text. */
export const SwitchField = ({ name, onToggle, help, ...props }: Props) => {
  const { control } = useFormContext<FormValues>()
  const { field } = useController({ control, name: name as never })
  const meta = useFieldMeta(name)
  const label = props.label ?? meta.label ?? name
  const description = help ?? meta.description
  return (
    <div className="field field--switch" data-field={name}>
      <div className="switch-row">
        <Switch.Root
          ref={field.ref}
          id={meta.id}
          className="switch"
          checked={field.value === true}
          onCheckedChange={(checked) => (onToggle ? onToggle(checked) : field.onChange(checked))}
          onBlur={field.onBlur}
          aria-invalid={meta.error ? true : undefined}
          aria-describedby={describedBy(meta.error && meta.errorId, description && meta.helpId)}
          data-testid={`switch-${name}`}
        >
          <Switch.Thumb className="switch__thumb" />
        </Switch.Root>
        <label className="field__label" htmlFor={meta.id}>
          {label}
        </label>
      </div>
      <MetaMessages meta={meta} help={description} />
    </div>
  )
}

type OptInProps = {
  id: string
  /** The optional object it adds; its schema title and help label the switch unless given here. */
  name?: string
  label?: string
  checked: boolean
  onChange: (checked: boolean) => void
  help?: string
}

/** A switch for an optional nested object the user opts into (e.g. a TLS CA). */
export const OptInToggle = ({ name, ...props }: OptInProps) => {
  const { getValues } = useFormContext<FormValues>()
  const info = name ? fieldInfo(toPath(name), getValues()) : undefined
  return (
    <OptInSwitch
      {...props}
      label={props.label ?? info?.label ?? name ?? props.id}
      help={props.help ?? info?.description}
    />
  )
}

const OptInSwitch = ({
  id,
  label,
  checked,
  onChange,
  help,
}: Omit<OptInProps, 'name'> & { label: string }) => (
  <div className="field field--switch">
    <div className="switch-row">
      <Switch.Root
        id={id}
        className="switch"
        checked={checked}
        onCheckedChange={onChange}
        aria-describedby={help ? `${id}-help` : undefined}
        data-testid={`optin-${id}`}
      >
        <Switch.Thumb className="switch__thumb" />
      </Switch.Root>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
    </div>
    {help ? (
      <p id={`${id}-help`} className="field__help">
        {help}
      </p>
    ) : null}
  </div>
)
