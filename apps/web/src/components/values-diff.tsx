import { useEffect, useState } from 'react'
import { loadChartDefaults } from './chart-defaults'
import { CodeView } from './code-view'

type State = { status: 'loading' } | { status: 'ready'; patch: string; layout: string } | { status: 'error' }

/** values.yaml as a unified diff against the chosen chart version's default values file. */
export const ValuesDiff = ({ content, chartVersion }: { content: string; chartVersion: string }) => {
  const [state, setState] = useState<State>({ status: 'loading' })
  useEffect(() => {
    let live = true
    setState({ status: 'loading' })
    Promise.all([loadChartDefaults(chartVersion), import('diff')])
      .then(([defaults, { createTwoFilesPatch }]) => {
        const patch = createTwoFilesPatch(
          `chart ${defaults.layout} defaults/values.yaml`,
          'your values.yaml',
          defaults.text,
          content,
          undefined,
          undefined,
          { context: 3 },
        )
        if (live) setState({ status: 'ready', patch, layout: defaults.layout })
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
        Lines starting with + are yours; lines starting with − are the chart {state.layout} defaults they
        replace. Anything not shown keeps the chart default.
      </p>
      <CodeView
        code={state.patch}
        language="diff"
        label={`values.yaml compared with chart ${state.layout} defaults`}
      />
    </div>
  )
}
