import type { CheckTarget } from '@portkey-setup/schema'
import type { ChecksState } from '../../api/use-checks'
import { CheckStatus } from '../../components/check-status'
import { useWizardContext } from '../wizard-context'
import { targetLabel, targetStep } from './targets'

export const countFailing = (state: ChecksState) =>
  Object.values(state.targets).filter((t) => t?.status === 'done' && t.result.status === 'fail').length

const summaryOf = (state: ChecksState, targets: readonly CheckTarget[]) => {
  if (state.phase === 'idle') return 'Checks have not run yet.'
  if (state.phase === 'unavailable') return 'Checks unavailable on this server.'
  if (state.phase === 'error' || state.phase === 'invalid') return state.error ?? 'The checks could not run.'
  const counts = { pass: 0, warn: 0, fail: 0, skipped: 0 }
  let running = 0
  for (const t of targets) {
    const s = state.targets[t]
    if (s?.status === 'done') counts[s.result.status]++
    else if (s?.status === 'running') running++
  }
  const parts = [
    counts.pass && `${counts.pass} passed`,
    counts.warn && `${counts.warn} with warnings`,
    counts.fail && `${counts.fail} failed`,
    counts.skipped && `${counts.skipped} skipped`,
    running && `${running} running`,
  ].filter(Boolean)
  return parts.length ? `${parts.join(', ')}.` : 'No results.'
}

/** Every applicable connection check, run together, with a summary and each target's steps. */
export const ChecksPanel = ({
  state,
  targets,
  onRun,
}: {
  state: ChecksState
  targets: readonly CheckTarget[]
  onRun: () => void
}) => {
  const { goTo } = useWizardContext()
  return (
    <section className="review-card" aria-labelledby="checks-title" data-testid="checks-summary">
      <div className="review-card__bar">
        <h3 id="checks-title" className="review-card__title">
          Connection checks
        </h3>
        <button
          type="button"
          className="button button--secondary"
          onClick={onRun}
          disabled={state.phase === 'running'}
          data-testid="run-all-checks"
        >
          {state.phase === 'running'
            ? 'Running…'
            : state.phase === 'idle'
              ? 'Run all checks'
              : 'Run all checks again'}
        </button>
      </div>
      <p className="checks-summary__line" aria-live="polite" data-testid="checks-summary-line">
        {summaryOf(state, targets)}
      </p>
      {state.phase === 'unavailable' ? (
        <p className="notice notice--info">
          This server has no /api/checks, so nothing was tested. You can still download the bundle.
        </p>
      ) : null}
      {state.phase !== 'idle' && state.phase !== 'unavailable' ? (
        <ul className="checks-list">
          {targets.map((t) => {
            const s = state.targets[t]
            return (
              <li key={t} className="checks-list__item" data-testid={`review-check-${t}`}>
                <div className="checks-list__head">
                  <span className="checks-list__name">{targetLabel(t)}</span>
                  {s?.status === 'done' && s.result.status === 'fail' ? (
                    <button type="button" className="link-button" onClick={() => goTo(targetStep(t))}>
                      Fix in {targetLabel(t)}
                    </button>
                  ) : null}
                </div>
                <CheckStatus label={targetLabel(t)} state={s} startedAt={state.startedAt} />
              </li>
            )
          })}
        </ul>
      ) : null}
    </section>
  )
}
