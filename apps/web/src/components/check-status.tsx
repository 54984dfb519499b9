import type { CheckResult, CheckStatus as Status } from '@portkey-setup/schema'
import { useEffect, useState } from 'react'
import type { TargetState } from '../api/use-checks'

export const STATUS_TEXT: Record<Status, string> = {
  pass: 'Passed',
  warn: 'Passed with a warning',
  fail: 'Failed',
  skipped: 'Skipped',
}

const STATUS_ICON: Record<Status, string> = { pass: '✓', warn: '!', fail: '✕', skipped: '–' }

const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`)

const Elapsed = ({ since }: { since: number }) => {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(t)
  }, [])
  return <span className="check__elapsed">{ms(Math.max(0, now - since))}</span>
}

/** The icon is decoration (the badge's gap spaces it from the word); the word is what is read out. */
export const StatusBadge = ({ status }: { status: Status }) => (
  <span className={`badge badge--${status}`}>
    <span className="badge__icon" aria-hidden="true">
      {STATUS_ICON[status]}
    </span>
    <span>{STATUS_TEXT[status]}</span>
  </span>
)

const ResultView = ({ result }: { result: CheckResult }) => (
  <div className="check__result">
    <p className="check__headline">
      <StatusBadge status={result.status} /> <span className="check__kind">{result.kind}</span>{' '}
      <span className="check__duration">in {ms(result.durationMs)}</span>
    </p>
    {result.steps.length > 0 ? (
      <ol className="check__steps" aria-label="Steps">
        {result.steps.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a result's steps are replaced as a whole, never reordered
          <li key={`${s.name}-${i}`} className={`check__step check__step--${s.status}`}>
            <span className="check__step-icon" aria-hidden="true">
              {STATUS_ICON[s.status]}
            </span>
            <span className="check__step-name">{s.name}</span>
            <span className="visually-hidden">: {STATUS_TEXT[s.status]}</span>
            <span className="check__step-time">{ms(s.durationMs)}</span>
            {s.detail ? <span className="check__step-detail">{s.detail}</span> : null}
          </li>
        ))}
      </ol>
    ) : null}
    {result.error ? (
      <div className="check__error" data-testid="check-error">
        <p>
          <code className="check__code">{result.error.code}</code> {result.error.message}
        </p>
        {result.error.hint ? (
          <p className="check__hint">
            <strong>What to change:</strong> {result.error.hint}
          </p>
        ) : null}
      </div>
    ) : null}
  </div>
)

/** One target's check: a progress line while it runs, then the result with its timed steps. */
export const CheckStatus = ({
  label,
  state,
  startedAt,
  testId,
}: {
  label: string
  state: TargetState | undefined
  startedAt?: number | undefined
  testId?: string
}) => {
  if (!state) return null
  return (
    <div
      className="check"
      data-testid={testId}
      data-status={state.status === 'done' ? state.result.status : state.status}
    >
      {state.status === 'running' ? (
        <div className="check__running">
          <span className="spinner" aria-hidden="true" />
          <span>Testing {label}…</span> {startedAt ? <Elapsed since={startedAt} /> : null}
        </div>
      ) : state.status === 'missing' ? (
        <p className="check__missing">The server sent no result for this check.</p>
      ) : (
        <ResultView result={state.result} />
      )}
    </div>
  )
}

/** One sentence for a live region, so screen readers hear progress without the details. */
export const announce = (label: string, state: TargetState | undefined): string => {
  if (!state) return ''
  if (state.status === 'running') return `Testing ${label}.`
  if (state.status === 'missing') return `${label}: no result.`
  const r = state.result
  return `${label}: ${STATUS_TEXT[r.status]}.${r.error ? ` ${r.error.message}` : ''}`
}
