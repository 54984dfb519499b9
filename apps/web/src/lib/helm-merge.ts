/**
 * What Helm renders with: a values file merged over the chart's default values. Mappings merge key
 * by key, all the way down; a list or a scalar replaces the default as a whole; an explicit null
 * removes the key (how a values file switches a default off).
 *
 * Mappings are `Map`s (the yaml library's `mapAsMap`), so the result keeps the defaults' key order
 * with new keys appended, and any key is an ordinary key (no object prototype to trip over).
 * Neither input is changed.
 */
export type ValuesMap = Map<unknown, unknown>

const isMap = (value: unknown): value is ValuesMap => value instanceof Map

export const mergeValues = (defaults: unknown, overrides: unknown): unknown => {
  // An empty values file parses to null and leaves every default as it is.
  if (overrides === null || overrides === undefined) return defaults
  if (!isMap(defaults) || !isMap(overrides)) return overrides
  const merged: ValuesMap = new Map(defaults)
  for (const [key, value] of overrides) {
    const base = merged.get(key)
    if (value === null) merged.delete(key)
    else if (isMap(base) && isMap(value)) merged.set(key, mergeValues(base, value))
    else merged.set(key, value)
  }
  return merged
}
