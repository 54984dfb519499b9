import type { BundleFile } from '@portkey-setup/schema'
import { Tabs } from 'radix-ui'
import { useState } from 'react'
import { CodeView } from './code-view'
import { languageForPath } from './highlight'
import { ValuesDiff } from './values-diff'

const SECRET_MODE = 0o600

/** One bundle file with highlighting; values.yaml also as a diff against the chart defaults. */
export const FilePreview = ({ file, chartVersion }: { file: BundleFile; chartVersion: string }) => {
  const [revealed, setRevealed] = useState(false)
  const hidden = file.mode === SECRET_MODE && !revealed
  const body = hidden ? (
    <div className="notice notice--info">
      <p>This file holds your secrets. It is shown only on request.</p>
      <button type="button" className="button button--secondary" onClick={() => setRevealed(true)}>
        Show {file.path}
      </button>
    </div>
  ) : (
    <CodeView code={file.content} language={languageForPath(file.path)} label={`Contents of ${file.path}`} />
  )

  return (
    <div className="file-preview" data-testid="file-preview" data-path={file.path}>
      <h4 className="file-preview__title">
        <code>{file.path}</code>{' '}
        <span className="file-preview__mode">mode {file.mode.toString(8).padStart(4, '0')}</span>
      </h4>
      {file.path === 'values.yaml' ? (
        <Tabs.Root defaultValue="content" className="tabs">
          <Tabs.List className="tabs__list" aria-label="values.yaml views">
            <Tabs.Trigger value="content" className="tabs__trigger">
              File
            </Tabs.Trigger>
            <Tabs.Trigger value="diff" className="tabs__trigger" data-testid="values-diff-tab">
              Changes from chart defaults
            </Tabs.Trigger>
          </Tabs.List>
          <Tabs.Content value="content" className="tabs__content">
            {body}
          </Tabs.Content>
          <Tabs.Content value="diff" className="tabs__content">
            <ValuesDiff content={file.content} chartVersion={chartVersion} />
          </Tabs.Content>
        </Tabs.Root>
      ) : (
        body
      )}
    </div>
  )
}
