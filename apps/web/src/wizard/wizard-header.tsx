const timeOf = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })

/** The page header: what this is, whether the draft is saved, and the import and start-fresh actions. */
export const WizardHeader = ({
  savedAt,
  onImport,
  onStartFresh,
}: {
  savedAt: string | undefined
  onImport: () => void
  onStartFresh: () => void
}) => (
  <header className="app-header">
    <div className="app-header__brand">
      <h1 className="app-header__title">Portkey gateway setup</h1>
      <p className="app-header__tagline">
        Every choice, its setup steps and the files to install, in one place.
      </p>
    </div>
    <div className="app-header__actions">
      <p className="draft-status" data-testid="draft-status" aria-live="polite">
        {savedAt
          ? `Draft saved in this browser at ${timeOf(savedAt)}.`
          : 'Your answers are kept in this browser as you go.'}{' '}
        <strong>Secrets are never saved.</strong>
      </p>
      <div className="app-header__buttons">
        <button
          type="button"
          className="button button--secondary"
          onClick={onImport}
          data-testid="import-open"
        >
          Import values.yaml
        </button>
        <button
          type="button"
          className="button button--ghost"
          onClick={onStartFresh}
          data-testid="start-fresh"
        >
          Start fresh
        </button>
      </div>
    </div>
  </header>
)
