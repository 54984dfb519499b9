import { useEffect, useState } from 'react'
import { loadChartDefaults } from './chart-defaults'
import { CodeView } from './code-view'

type State =
  | { status: 'loading' }
  | { status: 'ready'; patch: string; changed: boolean; layout: string }
  | { status: 'error' }

/**
 * What values.yaml changes in the chart: the chart's default values against the same defaults with
 * values.yaml merged over them, as Helm merges them at install, so only real changes show.
 */
export const ValuesDiff = ({ content, chartVersion }: { content: string; chartVersion: string }) => {
  const [state, setState] = useState<State>({ status: 'loading' })
  useEffect(() => {
    let live = true
    setState({ status: 'loading' })
    // The yaml and diff libraries come with values-patch, only once this view is opened.
    Promise.all([loadChartDefaults(chartVersion), import('../lib/values-patch')])
      .then(([defaults, { valuesPatch }]) => {
        const { patch, changed } = valuesPatch(defaults.text, content, {
          defaults: `chart ${defaults.layout} defaults/values.yaml`,
          merged: 'with your values.yaml merged in',
        })
        if (live) setState({ status: 'ready', patch, changed, layout: defaults.layout })
      })
      .catch(() => live && setState({ status: 'error' }))
    return () => {
      live = false
    }
  }, [content, chartVersion])

  if (state.status === 'loading') return <p className="loading">Comparing with the chart defaults…</p>
  if (state.status === 'error')
    return <p className="notice notice--error">The chart defaults could not be loaded.</p>
  return (
    <div data-testid="values-diff">
      <p className="field__help">
        Helm starts from the chart {state.layout} default values and lays your values.yaml over them: settings
        inside a section are combined key by key, while a list or a single value of yours takes the default's
        place whole. Lines starting with − are defaults that change or go away; lines starting with + are what
        Helm will use instead. Every setting not shown keeps its chart default.
      </p>
      {state.changed ? (
        <CodeView
          code={state.patch}
          language="diff"
          label={`Chart ${state.layout} defaults compared with your values.yaml merged in`}
        />
      ) : (
        <p className="empty-state">Your values.yaml leaves every chart default as it is.</p>
      )}
    </div>
  )
}
