import fc from 'fast-check'

/**
 * fast-check arbitraries for fuzzing request bodies: values generated from the config's JSON
 * Schema (mostly well-formed, often subtly wrong), mutated fixture configs, and raw junk.
 */

type Schema = {
  type?: string | string[]
  properties?: Record<string, Schema>
  required?: string[]
  additionalProperties?: boolean | Schema
  const?: unknown
  enum?: unknown[]
  oneOf?: Schema[]
  anyOf?: Schema[]
  items?: Schema
  minItems?: number
  maxItems?: number
  minLength?: number
  maxLength?: number
  pattern?: string
  default?: unknown
}

/** Strings that have broken parsers, templates and shells before. */
const nastyString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\n',
    '\u0000',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal shell expansion is the point
    '${HOME}',
    '$(id)',
    '`id`',
    '"; rm -rf / #',
    "' OR 1=1 --",
    '{{ .Values }}',
    '- a\n- b',
    'key: value',
    '&anchor',
    '*alias',
    '!!python/object',
    '\u202e\u200b',
    '😀'.repeat(100),
    '../../etc/passwd',
    'https://169.254.169.254/latest/meta-data/',
    '__proto__',
    'constructor',
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.nat({ max: 20_000 }).map((n) => 'x'.repeat(n)),
)

const junk: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    nastyString,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(nastyString, tie('value'), { maxKeys: 4 }),
  ),
})).value

const stringFor = (s: Schema): fc.Arbitrary<string> => {
  const sized = fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 64, 64) })
  if (!s.pattern) return sized
  try {
    return fc.oneof(fc.stringMatching(new RegExp(s.pattern)), sized)
  } catch {
    return sized
  }
}

/** Values for a JSON Schema; with some probability anything, so validation sees both sides. */
export const fromJsonSchema = (schema: Schema, depth = 0): fc.Arbitrary<unknown> => {
  const typed = ((): fc.Arbitrary<unknown> => {
    if (schema.const !== undefined) return fc.constant(schema.const)
    if (schema.enum) return fc.constantFrom(...schema.enum)
    const branches = schema.oneOf ?? schema.anyOf
    if (branches) return fc.oneof(...branches.map((b) => fromJsonSchema(b, depth + 1)))
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
    switch (type) {
      case 'object': {
        const props = Object.entries(schema.properties ?? {})
        const required = new Set(schema.required ?? [])
        const record = fc.record(
          Object.fromEntries(props.map(([k, v]) => [k, fromJsonSchema(v, depth + 1)])),
          {
            requiredKeys: props.map(([k]) => k).filter((k) => required.has(k) && k !== '__proto__'),
          },
        )
        if (schema.properties) return record
        return fc.dictionary(fc.string({ maxLength: 20 }), fc.string({ maxLength: 40 }), { maxKeys: 4 })
      }
      case 'array':
        return fc.array(schema.items ? fromJsonSchema(schema.items, depth + 1) : junk, {
          minLength: schema.minItems ?? 0,
          maxLength: Math.min(schema.maxItems ?? 4, 4),
        })
      case 'string':
        return stringFor(schema)
      case 'number':
        return fc.double({ noNaN: true })
      case 'integer':
        return fc.integer()
      case 'boolean':
        return fc.boolean()
      case 'null':
        return fc.constant(null)
      default:
        return junk
    }
  })()
  // Mostly on-schema; deeper levels go off-schema less often, so whole configs sometimes pass.
  return fc.oneof({ weight: 12 + depth * 4, arbitrary: typed }, { weight: 1, arbitrary: junk })
}

type Path = (string | number)[]

const pathsOf = (value: unknown, prefix: Path = []): Path[] => {
  if (!value || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([k, v]) => {
    const p = [...prefix, Array.isArray(value) ? Number(k) : k]
    return [p, ...pathsOf(v, p)]
  })
}

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'add'; at: number; key: string; value: unknown }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: junk }),
  fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: nastyString, value: junk }),
)

const applyMutation = (config: Record<string, unknown>, m: Mutation) => {
  const paths = pathsOf(config)
  if (paths.length === 0) return
  const path = paths[m.at % paths.length]!
  const parent = path
    .slice(0, -1)
    .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], config) as Record<string | number, unknown>
  const key = path[path.length - 1]!
  if (m.kind === 'delete') delete parent[key]
  else if (m.kind === 'replace') parent[key] = m.value
  else {
    const target = parent[key]
    if (target && typeof target === 'object' && !Array.isArray(target))
      Object.defineProperty(target, m.key, {
        value: m.value,
        enumerable: true,
        writable: true,
        configurable: true,
      })
    else parent[key] = { [m.key]: m.value }
  }
}

/** A fixture with 0-4 random deletions, replacements and additions. */
export const mutatedFixture = (fixtures: Record<string, unknown>) =>
  fc
    .tuple(fc.constantFrom(...Object.values(fixtures)), fc.array(mutation, { maxLength: 4 }))
    .map(([fixture, mutations]) => {
      const config = structuredClone(fixture) as Record<string, unknown>
      for (const m of mutations) applyMutation(config, m)
      return config
    })

/** JSON text with a __proto__ or constructor.prototype key spliced in after some "{". */
const poisoned = (body: fc.Arbitrary<unknown>) =>
  fc
    .tuple(
      body,
      fc.nat(),
      fc.constantFrom('"__proto__":{"polluted":true}', '"constructor":{"prototype":{"polluted":true}}'),
    )
    .map(([value, at, poison]) => {
      const text = JSON.stringify(value) ?? 'null'
      const braces = [...text.matchAll(/\{/g)].map((m) => m.index ?? 0)
      if (braces.length === 0) return `{${poison}}`
      const i = braces[at % braces.length]! + 1
      const rest = text.slice(i)
      return `${text.slice(0, i)}${poison}${rest.startsWith('}') ? '' : ','}${rest}`
    })

/** Text that is almost, or not at all, JSON. */
const brokenJson = (body: fc.Arbitrary<unknown>) =>
  fc.oneof(
    fc.tuple(body, fc.nat()).map(([v, cut]) => {
      const text = JSON.stringify(v) ?? ''
      return text.slice(0, cut % (text.length + 1))
    }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.constantFrom('', ' ', '{', '}', '[', 'null', 'NaN', '{"a":1}{"b":2}', '\uFEFF{}', '{"a":1,}'),
  )

export type FuzzBody = { payload: string; contentType: string }

/** Bodies as the wire sees them, mostly JSON with the right content type. */
export const fuzzBody = (value: fc.Arbitrary<unknown>): fc.Arbitrary<FuzzBody> =>
  fc.oneof(
    {
      weight: 14,
      arbitrary: value.map((v) => ({
        payload: JSON.stringify(v) ?? 'null',
        contentType: 'application/json',
      })),
    },
    {
      weight: 2,
      arbitrary: poisoned(value).map((payload) => ({ payload, contentType: 'application/json' })),
    },
    {
      weight: 2,
      arbitrary: brokenJson(value).map((payload) => ({ payload, contentType: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          value,
          fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'text/html'),
        )
        .map(([v, contentType]) => ({ payload: JSON.stringify(v) ?? '', contentType })),
    },
    {
      weight: 1,
      arbitrary: value.map((v) => ({
        payload: JSON.stringify({ wrapper: v, pad: 'p'.repeat(270_000) }),
        contentType: 'application/json',
      })),
    },
  )
