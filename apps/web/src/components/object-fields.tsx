import { useFormContext } from 'react-hook-form'
import type { FormValues } from '../lib/initial-values'
import { toPath } from '../lib/path'
import { fieldKinds } from '../lib/schema-path'
import { Field } from './field'
import { SelectField } from './select-field'
import { SwitchField } from './switch-field'

/**
 * Every plain field of a config object, in the order the schema declares them: text and numbers as
 * inputs, booleans as switches, enums as selects. A chart option added to such an object shows up here with its
 * label and help, and no form code to write.
 */
export const ObjectFields = ({ name }: { name: string }) => {
  const { getValues } = useFormContext<FormValues>()
  return (
    <>
      {fieldKinds(toPath(name), getValues()).map(({ key, kind }) => {
        const path = `${name}.${key}`
        if (kind === 'boolean') return <SwitchField key={key} name={path} />
        if (kind === 'choice') return <SelectField key={key} name={path} />
        return <Field key={key} name={path} type={kind === 'number' ? 'number' : 'text'} />
      })}
    </>
  )
}
