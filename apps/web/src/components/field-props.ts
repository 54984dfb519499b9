import type { HTMLInputTypeAttribute, ReactNode } from 'react'

/** What a text field takes; shared by Field and SecretField, which Field renders for secrets. */
export type FieldProps = {
  /** Dot path into the config, e.g. "logStore.bucket". */
  name: string
  /** Only where the context needs other words than the schema's label. */
  label?: string
  type?: HTMLInputTypeAttribute
  /** Overrides the schema's placeholder (e.g. one that depends on another field). */
  placeholder?: string
  autoComplete?: string
  list?: string
  /** Extra UI guidance shown after the schema's help text. */
  note?: ReactNode
}
