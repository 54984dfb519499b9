import { useFormContext } from 'react-hook-form'
import type { FormValues } from '../lib/initial-values'
import { MetaMessages } from './field-message'
import { describedBy, useFieldMeta } from './use-field-meta'

const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,100}\.(pem|crt)$/

/**
 * A CA certificate: pick a .pem/.crt file or paste it. The file is read in the browser; its name becomes
 * the mounted file name when it is a plain one.
 */
export const PemField = ({ name, fileNameField }: { name: string; fileNameField: string }) => {
  const { register, setValue } = useFormContext<FormValues>()
  const meta = useFieldMeta(name)
  const label = meta.label ?? name
  const fileInputId = `${meta.id}-file`

  const onFile = async (file: File | undefined) => {
    if (!file) return
    const text = await file.text()
    setValue(name as never, text as never, { shouldValidate: true, shouldDirty: true, shouldTouch: true })
    if (FILE_NAME.test(file.name))
      setValue(fileNameField as never, file.name as never, { shouldValidate: true, shouldDirty: true })
  }

  return (
    <div className="field" data-field={name}>
      <label className="field__label" htmlFor={fileInputId}>
        Upload the {label} file
      </label>
      <input
        id={fileInputId}
        className="field__file"
        type="file"
        accept=".pem,.crt,application/x-pem-file,application/x-x509-ca-cert"
        onChange={(e) => void onFile(e.currentTarget.files?.[0])}
        data-testid="pem-file"
      />
      <label className="field__label" htmlFor={meta.id}>
        …or paste the {label} (PEM)
      </label>
      <textarea
        key={name}
        id={meta.id}
        className="field__input field__textarea"
        rows={6}
        spellCheck={false}
        placeholder="-----BEGIN CERTIFICATE-----"
        aria-invalid={meta.error ? true : undefined}
        aria-describedby={describedBy(meta.error && meta.errorId, meta.description && meta.helpId)}
        {...register(name as never)}
      />
      <MetaMessages meta={meta} />
    </div>
  )
}
