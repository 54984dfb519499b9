import type { GuideBlock } from '@portkey-setup/schema'
import { useEffect, useId, useState } from 'react'
import { copyText } from '../lib/clipboard'
import { CodeView } from './code-view'
import type { Language } from './highlight'

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
      <CodeView
        code={block.content}
        language={LANGUAGE[block.kind]}
        labelledBy={`${id}-label`}
        className="command-block__code"
      />
    </figure>
  )
}
