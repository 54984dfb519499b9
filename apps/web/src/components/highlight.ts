import type { HLJSApi } from 'highlight.js'

export type Language = 'yaml' | 'json' | 'bash' | 'markdown' | 'diff' | 'plaintext'

let loading: Promise<HLJSApi> | undefined

/** highlight.js core with only the languages the bundle uses, fetched on first use. */
export const loadHighlighter = (): Promise<HLJSApi> => {
  loading ??= Promise.all([
    import('highlight.js/lib/core'),
    import('highlight.js/lib/languages/yaml'),
    import('highlight.js/lib/languages/json'),
    import('highlight.js/lib/languages/bash'),
    import('highlight.js/lib/languages/markdown'),
    import('highlight.js/lib/languages/diff'),
  ]).then(([core, yaml, json, bash, markdown, diff]) => {
    const hljs = core.default
    hljs.registerLanguage('yaml', yaml.default)
    hljs.registerLanguage('json', json.default)
    hljs.registerLanguage('bash', bash.default)
    hljs.registerLanguage('markdown', markdown.default)
    hljs.registerLanguage('diff', diff.default)
    return hljs
  })
  loading.catch(() => {
    loading = undefined
  })
  return loading
}

export const languageForPath = (path: string): Language => {
  if (/\.ya?ml$/.test(path)) return 'yaml'
  if (path.endsWith('.json')) return 'json'
  if (/\.(sh|env)$/.test(path)) return 'bash'
  if (path.endsWith('.md')) return 'markdown'
  return 'plaintext'
}
