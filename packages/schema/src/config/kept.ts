import { z } from 'zod'

/**
 * Settings of an imported values.yaml that portkey-setup does not model, kept as the user wrote them
 * and written back into values.yaml: a tree in values.yaml's own shape holding only those keys.
 * Anything can be in it, a token included, so it is marked secret: the wizard's draft never stores it.
 */
// Any JSON value under each key. Not z.json(): its recursive JSON Schema does not survive the
// OpenAPI document, and zod's recursive type is too deep for the form library's types.
const JsonTree = z.record(z.string().min(1).max(253), z.unknown())

export const KeptValuesSchema = JsonTree.optional().meta({
  title: 'Settings kept from your values.yaml',
  description:
    'Settings of an imported values.yaml that the wizard does not model; the bundle writes them back unchanged.',
  'x-secret': true,
})

export type KeptValues = z.output<typeof KeptValuesSchema>
