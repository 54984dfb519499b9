import type { HTMLInputTypeAttribute, ReactNode } from 'react'

/** What a text field takes; shared by Field and SecretField, which Field renders for secrets. */
export type FieldProps = {
  /** Dot path into the config, e.g. "logStore.bucket". */
  name: string
  label: string
  type?: HTMLInputTypeAttribute
  placeholder?: string
  autoComplete?: string
  list?: string
  /** Extra UI guidance shown after the schema's help text. */
  note?: ReactNode
}
