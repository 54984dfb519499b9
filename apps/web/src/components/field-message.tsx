/** Help under a control, then its error; both are referenced by the control's aria-describedby. */
export const FieldMessages = ({
  helpId,
  help,
  errorId,
  error,
}: {
  helpId: string
  help?: string | undefined
  errorId: string
  error?: string | undefined
}) => (
  <>
    {help ? (
      <p id={helpId} className="field__help">
        {help}
      </p>
    ) : null}
    {error ? (
      <p id={errorId} className="field__error" data-testid={`error-${errorId}`}>
        {error}
      </p>
    ) : null}
  </>
)
