import { useEffect, useState } from 'react'
import { type Language, loadHighlighter } from './highlight'

/**
 * HTML for code highlighted by highlight.js (which escapes the source), or undefined while the
 * highlighter loads or if it fails; callers then show the plain text.
 */
export const useHighlighted = (code: string, language: Language): string | undefined => {
  const [html, setHtml] = useState<{ code: string; language: Language; html: string }>()
  useEffect(() => {
    if (language === 'plaintext') return
    let live = true
    loadHighlighter()
      .then((hljs) => {
        if (live)
          setHtml({ code, language, html: hljs.highlight(code, { language, ignoreIllegals: true }).value })
      })
      .catch(() => {
        // Plain text is a fine fallback; nothing to report.
      })
    return () => {
      live = false
    }
  }, [code, language])
  return html && html.code === code && html.language === language ? html.html : undefined
}
