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

/** The messages of a control from its field meta (useFieldMeta): the schema's help, env keys and the error. */
export const MetaMessages = ({
  meta,
  help = meta.description,
}: {
  meta: {
    helpId: string
    errorId: string
    description?: string | undefined
    env: readonly string[]
    error?: string | undefined
  }
  help?: string | undefined
}) => (
  <FieldMessages helpId={meta.helpId} help={help} env={meta.env} errorId={meta.errorId} error={meta.error} />
)
