/**
 * Help under a control (with the env keys the value is written to, shown apart from the help),
 * then its error; both are referenced by the control's aria-describedby.
 */
export const FieldMessages = ({
  helpId,
  help,
  env = [],
  errorId,
  error,
}: {
  helpId: string
  help?: string | undefined
  env?: readonly string[]
  errorId: string
  error?: string | undefined
}) => (
  <>
    {help ? (
      <p id={helpId} className="field__help">
        {help}
        {env.length ? (
          <span className="field__env">
            {' '}
            Sets{' '}
            {env.map((k, i) => (
              <span key={k}>
                {i ? ' and ' : ''}
                <code>{k}</code>
              </span>
            ))}
            .
          </span>
        ) : null}
      </p>
    ) : null}
    {error ? (
      <p id={errorId} className="field__error" data-testid={`error-${errorId}`}>
        {error}
      </p>
    ) : null}
  </>
)
