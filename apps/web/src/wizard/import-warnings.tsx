import { fieldTitle, type ImportResult } from '@portkey-setup/schema'
import { lazy, Suspense } from 'react'
import { sourceText } from './import-version'
import type { Running } from './upgrade/running-version'

// Only an import of an older release needs the upgrade picker: it loads then.
const UpgradeTo = lazy(() => import('./upgrade/upgrade-to').then((m) => ({ default: m.UpgradeTo })))

/** What the importer could not carry over, and what it kept as written, shown once after an import. */
export const ImportWarnings = ({
  warnings,
  kept,
  running,
  onDismiss,
  onUpgrade,
}: {
  warnings: ImportResult['warnings']
  /** How many settings without a wizard field were kept as written (Review lists them). */
  kept: number
  /** The chart version that runs today, when the import said it or the user confirmed it. */
  running?: Running
  onDismiss: () => void
  onUpgrade: (to: string) => void
}) => (
  <section
    className="banner"
    role="status"
    aria-labelledby="import-warnings-title"
    data-testid="import-warnings"
  >
    <h2 id="import-warnings-title" className="banner__title">
      {warnings.length === 0
        ? 'values.yaml imported'
        : `values.yaml imported with ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`}
    </h2>
    {warnings.length > 0 ? (
      <ul className="banner__list">
        {warnings.map((w) => (
          <li key={`${w.path.join('.')}:${w.message}`}>
            {w.path.length ? <strong>{fieldTitle(w.path)}:</strong> : null} {w.message}
          </li>
        ))}
      </ul>
    ) : (
      <p>
        Check each step: secrets that were in the file are in the form now but are not saved in the draft.
      </p>
    )}
    {running ? (
      <p data-testid="import-version-source">
        Chart {running.version} runs today
        {sourceText(running.source) ? `, as ${sourceText(running.source)} says` : ', as you confirmed'}.
      </p>
    ) : null}
    {running ? (
      <Suspense fallback={null}>
        <UpgradeTo running={running} onUpgrade={onUpgrade} />
      </Suspense>
    ) : null}
    {kept > 0 ? (
      <p data-testid="import-kept">
        {kept === 1 ? 'One setting' : `${kept} settings`} without a field in the wizard{' '}
        {kept === 1 ? 'is' : 'are'} kept as you wrote {kept === 1 ? 'it' : 'them'}: Review lists{' '}
        {kept === 1 ? 'it' : 'them'}.
      </p>
    ) : null}
    <button type="button" className="button button--ghost" onClick={onDismiss}>
      Dismiss
    </button>
  </section>
)
