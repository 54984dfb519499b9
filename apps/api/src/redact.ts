/**
 * Makes a parser message safe to return: keeps its first line (the yaml library appends the
 * offending source lines after it) and blanks out any piece of the input that still appears,
 * since a line of a values.yaml can be a password.
 */
export const redactInputFrom = (message: string, input: string): string => {
  let first = (message.split('\n', 1)[0] ?? '').trim()
  const pieces = new Set<string>()
  for (const line of input.split(/\r?\n/)) {
    const trimmed = line.trim()
    if (trimmed.length >= 4) pieces.add(trimmed)
    // "key: value" and "- value": the value alone is what could be secret.
    const value = trimmed.replace(/^-\s+/, '').replace(/^[^:]*:\s*/, '')
    const unquoted = value.replace(/^["']|["']$/g, '')
    for (const v of [value, unquoted]) if (v.length >= 4) pieces.add(v)
  }
  // Longest first, so a line is blanked whole before its parts are considered.
  for (const piece of [...pieces].sort((a, b) => b.length - a.length))
    if (first.includes(piece)) first = first.split(piece).join('…')
  return first || 'The text is not valid YAML.'
}
