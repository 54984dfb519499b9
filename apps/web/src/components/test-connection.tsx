import type { CheckResult, CheckTarget } from '@portkey-setup/schema'
import { useId, useState } from 'react'
import { useFormContext } from 'react-hook-form'
import { configForCheck } from '../api/check-config'
import type { Issue } from '../api/schemas'
import { useChecks } from '../api/use-checks'
import type { FormValues } from '../lib/initial-values'
import { announce, CheckStatus } from './check-status'

type SetError = ReturnType<typeof useFormContext<FormValues>>['setError']

/** Puts a failed check's hint under the field it names, where the user will fix it. */
export const applyCheckHints = (results: readonly CheckResult[], setError: SetError) => {
  for (const r of results) {
    if (r.status === 'fail' && r.error?.field?.length)
      setError(r.error.field.join('.') as never, {
        type: 'check',
        message: r.error.hint ?? r.error.message,
      })
  }
}

export const applyIssues = (issues: readonly Issue[], setError: SetError) => {
  for (const i of issues) setError(i.path.join('.') as never, { type: 'server', message: i.message })
}

/** "Test connection" for one check target, with progress, result and field hints. */
export const TestConnection = ({ target, label }: { target: CheckTarget; label: string }) => {
  const id = useId()
  const { getValues, setError } = useFormContext<FormValues>()
  const { state, run } = useChecks()
  const [blocked, setBlocked] = useState<Issue[]>()
  const targetState = state.targets[target]
  const running = state.phase === 'running'

  const onTest = async () => {
    const prepared = configForCheck(getValues(), [target])
    if (!prepared.ok) {
      setBlocked(prepared.issues)
      applyIssues(prepared.issues, setError)
      return
    }
    setBlocked(undefined)
    // Each hint lands under its field as soon as that result streams in.
    const outcome = await run(prepared.config, [target], (r) => applyCheckHints([r], setError))
    applyIssues(outcome.issues, setError)
  }

  const live =
    blocked && blocked.length > 0
      ? `Fix ${blocked.length === 1 ? 'the highlighted field' : `the ${blocked.length} highlighted fields`} before testing.`
      : state.phase === 'unavailable'
        ? 'Checks unavailable on this server.'
        : state.phase === 'error' || state.phase === 'invalid'
          ? (state.error ?? '')
          : announce(label, targetState)

  return (
    <section
      className="test-connection"
      aria-labelledby={`${id}-title`}
      data-testid={`test-connection-${target}`}
    >
      <div className="test-connection__bar">
        <h3 id={`${id}-title`} className="test-connection__title">
          Test {label}
        </h3>
        <button
          type="button"
          className="button button--secondary"
          onClick={onTest}
          disabled={running}
          aria-describedby={`${id}-live`}
          data-testid={`test-button-${target}`}
        >
          {running ? 'Testing…' : 'Test connection'}
        </button>
      </div>
      <p
        id={`${id}-live`}
        className="test-connection__live"
        aria-live="polite"
        data-testid={`check-live-${target}`}
      >
        {live}
      </p>
      {state.phase === 'unavailable' ? (
        <p className="notice notice--info">
          Checks unavailable on this server: its API has no /api/checks. You can still download the bundle.
        </p>
      ) : null}
      {state.phase === 'invalid' && state.issues?.length ? (
        <ul className="notice notice--error">
          {state.issues.map((i) => (
            <li key={`${i.path.join('.')}-${i.code}`}>{i.message}</li>
          ))}
        </ul>
      ) : null}
      <CheckStatus
        label={label}
        state={targetState}
        startedAt={state.startedAt}
        testId={`check-status-${target}`}
      />
    </section>
  )
}
