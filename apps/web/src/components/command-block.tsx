import type { GuideBlock } from '@portkey-setup/schema'
import { useEffect, useId, useState } from 'react'
import { copyText } from '../lib/clipboard'
import type { Language } from './highlight'
import { useHighlighted } from './use-highlighted'

const LANGUAGE: Record<GuideBlock['kind'], Language> = {
  shell: 'bash',
  json: 'json',
  yaml: 'yaml',
  text: 'plaintext',
}

/** One copyable block of a guide: a command, a JSON policy or a YAML snippet with the user's values in it. */
export const CommandBlock = ({ block }: { block: GuideBlock }) => {
  const id = useId()
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle')
  const html = useHighlighted(block.content, LANGUAGE[block.kind])

  useEffect(() => {
    if (copy === 'idle') return
    const t = setTimeout(() => setCopy('idle'), 2500)
    return () => clearTimeout(t)
  }, [copy])

  return (
    <figure className="command-block" data-testid="command-block" data-kind={block.kind}>
      <div className="command-block__bar">
        <figcaption id={`${id}-label`} className="command-block__label">
          {block.label}
        </figcaption>
        <button
          type="button"
          className="button button--small"
          onClick={async () => setCopy((await copyText(block.content)) ? 'copied' : 'failed')}
          aria-describedby={`${id}-label`}
          data-testid="copy-button"
        >
          Copy
        </button>
        <span role="status" className="command-block__status">
          {copy === 'copied' ? 'Copied' : copy === 'failed' ? 'Copy failed: select the text instead' : ''}
        </span>
      </div>
      {/* Lines wrap instead of scrolling, so there is no scroll area a keyboard user would have to reach. */}
      <pre className="command-block__code">
        {html ? (
          // biome-ignore lint/security/noDangerouslySetInnerHtml: highlight.js escapes the source before adding spans
          <code className="hljs" dangerouslySetInnerHTML={{ __html: html }} />
        ) : (
          <code className="hljs">{block.content}</code>
        )}
      </pre>
    </figure>
  )
}
