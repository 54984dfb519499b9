import { useCallback } from 'react'
import { get, useFormContext } from 'react-hook-form'
import type { FormValues } from '../lib/initial-values'
import { toPath } from '../lib/path'
import { branchDefaults, discriminatorOf, schemaAt } from '../lib/schema-path'

/**
 * Switches a union section (or nested union such as logStore.auth) to another branch, replacing it with
 * that branch's defaults: the schema's objects are strict, so stale keys from the old branch must go.
 */
export const useBranchSwitch = () => {
  const { getValues, setValue, clearErrors } = useFormContext<FormValues>()
  return useCallback(
    (path: string, value: unknown) => {
      const values = getValues()
      const union = schemaAt(toPath(path), values)
      if (!union) return
      const key = discriminatorOf(union)
      const current = get(values, path) as Record<string, unknown> | undefined
      if (key && current && current[key] === value) return
      setValue(path as never, branchDefaults(union, value) as never, { shouldDirty: true })
      clearErrors(path as never)
    },
    [getValues, setValue, clearErrors],
  )
}
