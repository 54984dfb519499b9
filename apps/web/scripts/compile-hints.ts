import type { Plugin } from 'vite'

/**
 * V8's explicit compile hint: a file that starts with this comment has all its functions compiled
 * eagerly, on a background thread while the file streams in, instead of lazily on the main thread
 * the first time each is called. Chromium reads it since 136; other engines see a comment.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n'

type OutputChunk = { type: 'chunk'; isEntry: boolean; imports: string[]; code: string; map?: unknown }

/**
 * Marks the chunks the first step needs (the entry and everything it imports statically, which
 * index.html modulepreloads) for eager compilation: almost all of their code runs before the first
 * step is interactive. Chunks loaded later by dynamic import keep V8's lazy default.
 */
export const compileHints = (): Plugin => ({
  name: 'portkey-compile-hints',
  apply: 'build',
  // After Vite's own generateBundle work, which rewrites the code of chunks with dynamic imports.
  enforce: 'post',
  generateBundle(_options, bundle) {
    const chunks = new Map<string, OutputChunk>()
    for (const [file, output] of Object.entries(bundle))
      if (output.type === 'chunk') chunks.set(file, output as unknown as OutputChunk)
    const initial = new Set<string>()
    const visit = (file: string) => {
      if (initial.has(file)) return
      initial.add(file)
      for (const dep of chunks.get(file)?.imports ?? []) visit(dep)
    }
    for (const [file, chunk] of chunks) if (chunk.isEntry) visit(file)
    for (const file of initial) {
      const chunk = chunks.get(file)
      if (!chunk) continue
      chunk.code = COMPILE_HINT + chunk.code
      // One line was added at the top: a source map's mappings start with one more empty line.
      const map = chunk.map as { mappings?: string } | null | undefined
      if (map && typeof map.mappings === 'string') map.mappings = `;${map.mappings}`
    }
  },
})
