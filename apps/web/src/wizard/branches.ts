/**
 * The entry of a branch table (one entry per option of a schema union, checked with `satisfies
 * Record<…>`) for the value the form holds; undefined while nothing is chosen, or for a value the schema
 * does not know (an old draft).
 */
export const branchOf = <K extends string, V>(
  table: Readonly<Record<K, V>>,
  value: unknown,
): V | undefined => (typeof value === 'string' && Object.hasOwn(table, value) ? table[value as K] : undefined)
