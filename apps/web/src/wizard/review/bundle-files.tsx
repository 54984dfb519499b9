import type { BundleFile, DeploymentConfig } from '@portkey-setup/schema'
import { Tabs } from 'radix-ui'
import { useEffect, useState } from 'react'
import { FilePreview } from '../../components/file-preview'

type State =
  | { status: 'loading' }
  | { status: 'ready'; files: BundleFile[] }
  | { status: 'error'; message: string }

/** The bundle's file tree, rendered in the browser by the schema package (loaded on demand). */
export const BundleFiles = ({ config }: { config: DeploymentConfig }) => {
  const [state, setState] = useState<State>({ status: 'loading' })
  const [selected, setSelected] = useState<string>()

  useEffect(() => {
    let live = true
    setState({ status: 'loading' })
    import('../../lib/bundle-tools')
      .then(({ renderBundleFiles }) => renderBundleFiles(config))
      .then((files) => live && setState({ status: 'ready', files }))
      .catch(
        () =>
          live &&
          setState({ status: 'error', message: 'The bundle files could not be rendered for this config.' }),
      )
    return () => {
      live = false
    }
  }, [config])

  if (state.status === 'loading') return <p className="loading">Rendering the bundle…</p>
  if (state.status === 'error')
    return (
      <p className="notice notice--error" role="alert">
        {state.message}
      </p>
    )
  if (state.files.length === 0) return <p className="empty-state">The bundle has no files.</p>

  const current = state.files.find((f) => f.path === selected) ?? state.files[0]
  return (
    <section className="review-card" aria-labelledby="files-title">
      <h3 id="files-title" className="review-card__title">
        Files in the bundle ({state.files.length})
      </h3>
      <Tabs.Root
        className="file-browser"
        orientation="vertical"
        value={current?.path}
        onValueChange={setSelected}
      >
        <Tabs.List className="file-tree" aria-label="Bundle files" data-testid="review-file-tree">
          {state.files.map((f) => {
            const slash = f.path.lastIndexOf('/')
            return (
              <Tabs.Trigger
                key={f.path}
                value={f.path}
                className="file-tree__item"
                data-testid={`file-${f.path}`}
              >
                {slash >= 0 ? <span className="file-tree__dir">{f.path.slice(0, slash + 1)}</span> : null}
                <span className="file-tree__name">{f.path.slice(slash + 1)}</span>
              </Tabs.Trigger>
            )
          })}
        </Tabs.List>
        {state.files.map((f) => (
          <Tabs.Content key={f.path} value={f.path} className="file-browser__panel">
            <FilePreview file={f} chartVersion={config.chart.version} />
          </Tabs.Content>
        ))}
      </Tabs.Root>
    </section>
  )
}
