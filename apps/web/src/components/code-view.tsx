import type { Language } from './highlight'
import { useHighlighted } from './use-highlighted'

/** The scroll region's name: its own text, or the id of a visible caption. */
type Name = { label: string; labelledBy?: undefined } | { labelledBy: string; label?: undefined }

/**
 * Code in a scrollable view, highlighted once highlight.js has loaded. Lines never wrap: a wrapped
 * line of JSON or a shell continuation loses the indentation that makes it readable, so long lines
 * scroll sideways instead.
 */
export const CodeView = ({
  code,
  language,
  className = 'code-view',
  ...name
}: { code: string; language: Language; className?: string } & Name) => {
  const html = useHighlighted(code, language)
  return (
    // A named region that keyboard users can focus, because its content scrolls (WCAG 2.1.1).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region has to be focusable
    <section className={className} tabIndex={0} aria-label={name.label} aria-labelledby={name.labelledBy}>
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
