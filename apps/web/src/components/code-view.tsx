import type { Language } from './highlight'
import { useHighlighted } from './use-highlighted'

/** A scrollable code view, highlighted once highlight.js has loaded. */
export const CodeView = ({ code, language, label }: { code: string; language: Language; label: string }) => {
  const html = useHighlighted(code, language)
  return (
    // A labelled region that keyboard users can focus, because long files scroll (WCAG 2.1.1).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region has to be focusable
    <section className="code-view" tabIndex={0} aria-label={label}>
      <pre className="code-view__pre">
        {html ? (
          // biome-ignore lint/security/noDangerouslySetInnerHtml: highlight.js escapes the source before adding spans
          <code className="hljs" dangerouslySetInnerHTML={{ __html: html }} />
        ) : (
          <code className="hljs">{code}</code>
        )}
      </pre>
    </section>
  )
}
