import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml'

/**
 * A small builder over the yaml library's node API. Values are never spliced into YAML text: every
 * string becomes a Scalar the library quotes and escapes, so nothing a user types can end a value,
 * start a key or change a type.
 */
export type YamlNode = Scalar | YAMLMap | YAMLSeq

/** One key of a mapping, with the comment that says why it is there. */
export type Entry = { key: string; value: YamlNode; comment?: string; spaceBefore?: boolean }

/**
 * A string value, always double-quoted: Helm reads values.yaml as YAML 1.1, where plain yes, on or
 * 0777 are not strings, and double quotes are the one style that keeps any text a string for every
 * reader. The library escapes what needs escaping.
 */
export const str = (value: string): Scalar => {
  const s = new Scalar(value)
  s.type = Scalar.QUOTE_DOUBLE
  return s
}

/** A constant of ours (kind names, API versions): plain unless the library decides it needs quotes. */
export const word = (value: string): Scalar => {
  const s = new Scalar(value)
  s.type = Scalar.PLAIN
  return s
}

export const bool = (value: boolean): Scalar => new Scalar(value)

/** Multi-line text as a literal block (|), e.g. a PEM certificate. */
export const block = (value: string): Scalar => {
  const s = new Scalar(value)
  s.type = Scalar.BLOCK_LITERAL
  return s
}

/** Comment text for a node: each line gets a leading space after the library's '#'. */
export const commentText = (...lines: string[]) => lines.map((l) => (l ? ` ${l}` : '')).join('\n')

export const entry = (
  key: string,
  value: YamlNode,
  comment?: string | string[],
  spaceBefore = false,
): Entry => ({
  key,
  value,
  ...(comment === undefined
    ? {}
    : { comment: Array.isArray(comment) ? commentText(...comment) : commentText(comment) }),
  spaceBefore,
})

/** A mapping from entries; false/undefined entries are skipped so callers can write conditions inline. */
export const map = (...entries: (Entry | false | undefined)[]): YAMLMap => {
  const m = new YAMLMap()
  for (const e of entries) {
    if (!e) continue
    const k = new Scalar(e.key)
    if (e.comment !== undefined) k.commentBefore = e.comment
    // A blank line before the first key would leave an indented empty line after its parent key.
    if (e.spaceBefore && m.items.length > 0) k.spaceBefore = true
    m.items.push(new Pair(k, e.value))
  }
  return m
}

/** A mapping of string to string, in the given key order, with optional comments before some keys. */
export const stringMap = (values: Record<string, string>, comments: Record<string, string[]> = {}): YAMLMap =>
  map(
    ...Object.entries(values).map(([k, v]) => {
      const c = comments[k]
      return entry(k, str(v), c, c !== undefined)
    }),
  )

export const seq = (...items: YamlNode[]): YAMLSeq => {
  const s = new YAMLSeq()
  s.items.push(...items)
  return s
}

/** The document as text: no line folding, so a long value stays on its own line. */
export const documentText = (contents: YAMLMap, headerComment: string[]): string => {
  const doc = new Document()
  doc.commentBefore = commentText(...headerComment)
  doc.contents = contents
  return doc.toString({ lineWidth: 0, indentSeq: true })
}

/** A Kubernetes object the bundle applies itself: apiVersion, kind, name and namespace, then its body. */
export const manifest = (
  apiVersion: string,
  kind: string,
  name: string,
  namespace: string,
  ...body: Entry[]
): YAMLMap =>
  map(
    entry('apiVersion', word(apiVersion)),
    entry('kind', word(kind)),
    entry('metadata', map(entry('name', str(name)), entry('namespace', str(namespace)))),
    ...body,
  )
