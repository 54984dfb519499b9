/**
 * Regular expressions for the field rules that JSON Schema can carry as a `pattern`, so the
 * OpenAPI document refuses what the API refuses. They are written for every ECMA-262 engine
 * without flags (JSON Schema patterns have none): case-insensitive parts are spelled out.
 * The URL patterns accept a subset of what WHATWG URL parsing accepts, and the fields check
 * them too, so the document and the API draw the same line.
 */

const CONTROLS = '\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\ufeff\\ufffe\\uffff'
/** JavaScript's \s, spelled out so every engine reads the same set. */
const SPACES = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff'
/**
 * One line of YAML, an env file and a shell word: no control or invisible characters. (A lone
 * surrogate is refused too, by isSingleLine: patterns with surrogates are not portable.)
 */
export const SINGLE_LINE = new RegExp(`^[^${CONTROLS}]*$`)

/** No whitespace and no control characters, as URLs need. */
const VISIBLE = `[^${CONTROLS}${SPACES}]`

const ci = (word: string) =>
  [...word].map((c) => (/[a-z]/i.test(c) ? `[${c.toUpperCase()}${c.toLowerCase()}]` : c)).join('')

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?'
const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])'
const IPV4 = `(?:${OCTET}\\.){3}${OCTET}`
/** One 32-bit number in hex, which WHATWG URL parsing reads as an IPv4 address (0xA9FEA9FE). */
const IPV4_HEX = '0[Xx][0-9A-Fa-f]{0,8}'
const H16 = '[0-9A-Fa-f]{1,4}'
const IPV6 = [
  `(?:${H16}:){7}${H16}`,
  `(?:${H16}:){1,7}:`,
  `(?:${H16}:){1,6}:${H16}`,
  ...[2, 3, 4, 5, 6].map((n) => `(?:${H16}:){1,${7 - n}}(?::${H16}){1,${n}}`),
  `:(?:(?::${H16}){1,7}|:)`,
  // With the last 32 bits written as IPv4, e.g. ::ffff:169.254.169.254.
  `(?:${H16}:){6}${IPV4}`,
  `::(?:${H16}:){0,5}${IPV4}`,
  `(?:${H16}:){1,5}:${IPV4}`,
].join('|')
const PORT = '(?::(?:[0-9]{1,4}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?'
const HOST_END = '(?:[:/?#]|$)'
/** At most 253 characters up to the port or path, as isHost requires. */
const HOST_LENGTH = `(?=[^:/?#]{1,253}${HOST_END})`
const REST = `(?:[/?#]${VISIBLE}*)?`

/**
 * An http(s) URL: a host name (no numeric last label, which WHATWG reads as an IPv4 address, and
 * no xn-- label, which it decodes), a dotted IPv4 or a bracketed IPv6 address, an optional port,
 * no user or password, no whitespace.
 */
export const HTTP_URL = new RegExp(
  `^${ci('http')}[Ss]?://(?:\\[(?:${IPV6})\\]|${IPV4}|${IPV4_HEX}|${HOST_LENGTH}(?:(?![Xx][Nn]--)${LABEL}\\.)*` +
    `(?![0-9]+\\.?${HOST_END})(?!0[Xx][0-9A-Fa-f]*\\.?${HOST_END})(?![Xx][Nn]--)${LABEL}\\.?)${PORT}${REST}$`,
)

/** A redis:// or rediss:// URL, with an optional user and password. */
export const REDIS_URL = new RegExp(
  `^${ci('redis')}[Ss]?://(?:[^/?#@${CONTROLS}${SPACES}]*@)?` +
    `(?:\\[(?:${IPV6})\\]|${HOST_LENGTH}(?:${LABEL}\\.)*${LABEL}\\.?)${PORT}${REST}$`,
)

const MONGO_HOST_END = '(?:[:,/?#]|$)'
const MONGO_HOST = `(?:\\[[0-9A-Fa-f:.]+\\]|(?=[^:,/?#]{1,253}${MONGO_HOST_END})(?:${LABEL}\\.)*${LABEL}\\.?)(?::[0-9]{1,5})?`

/** URL options portkey-setup sets itself or that point at files outside the chart. */
export const FORBIDDEN_MONGO_OPTIONS = [
  'tlscafile',
  'tlscertificatekeyfile',
  'tlscertificatekeyfilepassword',
  'tlscrlfile',
]

/** A mongodb:// or mongodb+srv:// URL: hosts, optional path and options, none of the forbidden ones. */
export const MONGO_URL = new RegExp(
  `^(?!.*[${CONTROLS}${SPACES}])mongodb(?:\\+srv)?://(?:[^@/]*@)?${MONGO_HOST}(?:,${MONGO_HOST})*` +
    `(?:/[^?#]*)?(?:\\?(?!(?:[^#&]*&)*(?:${FORBIDDEN_MONGO_OPTIONS.map(ci).join('|')})(?:[=&]|$))[^#]*)?$`,
)

/** OTEL_EXPORTER_OTLP_HEADERS: name=value pairs joined by commas; names are HTTP tokens, values hold no comma. */
const TOKEN = "[A-Za-z0-9!#$%&'*+.^_`|~-]+"
const HEADER_VALUE = `[^,${CONTROLS}]*`
export const OTLP_HEADERS = new RegExp(`^${TOKEN}=${HEADER_VALUE}(?:,${TOKEN}=${HEADER_VALUE})*$`)

/**
 * An http(s) URL whose path names a bucket: at least one character after the host and a slash. WHATWG
 * URL parsing reads a backslash as a slash in http(s) URLs, so it separates segments here too.
 */
export const HTTP_URL_WITH_BUCKET = new RegExp(
  `^(?=[^/?#\\\\]+//[^/?#\\\\]+[/\\\\]+[^/?#\\\\])${HTTP_URL.source.slice(1)}`,
)
