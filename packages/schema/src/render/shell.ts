/**
 * Shell quoting for the generated scripts. Every user value reaches a script only through
 * shellQuote, assigned once to a readonly variable and expanded as "$VAR" afterwards.
 */

/**
 * One POSIX shell word that stands for exactly `value`. Inside single quotes nothing is special,
 * so the only character to handle is the single quote itself: close the quote, emit an escaped
 * quote, reopen. NUL cannot be part of any shell word (or any argv), so it is refused.
 */
export const shellQuote = (value: string): string => {
  if (value.includes('\u0000')) throw new Error('A shell word cannot contain a NUL character.')
  return `'${value.replaceAll("'", `'\\''`)}'`
}

/** `readonly NAME='value'` — how scripts receive user values. */
export const shellReadonly = (name: string, value: string): string => {
  if (!/^[A-Z_][A-Z0-9_]*$/.test(name)) throw new Error(`Not a shell variable name: ${name}`)
  return `readonly ${name}=${shellQuote(value)}`
}

/** A `# ...` comment; line breaks in the text stay inside the comment. */
export const shellComment = (text: string): string =>
  text
    .split('\n')
    .map((line) => (line ? `# ${line}` : '#'))
    .join('\n')
