import { LATEST_CHART_VERSION } from '@portkey-setup/schema'
import { useId, useState } from 'react'
import { laterReleases, type Running } from './running-version'
import { UpgradePreview } from './upgrade-preview'

/** After an import of an older release: pick the release to upgrade to (the newest by default). */
export const UpgradeTo = ({ running, onUpgrade }: { running: Running; onUpgrade: (to: string) => void }) => {
  const id = useId()
  const targets = laterReleases(running.version)
  const [to, setTo] = useState(targets[0] ?? '')
  if (targets.length === 0)
    return (
      <p data-testid="upgrade-none">
        {running.version} is the newest release: there is nothing to upgrade to.
      </p>
    )
  return (
    <div className="field" data-testid="upgrade-to">
      <label className="field__label" htmlFor={id}>
        Upgrade to
      </label>
      <select id={id} className="field__input" value={to} onChange={(e) => setTo(e.target.value)}>
        {targets.map((v) => (
          <option key={v} value={v}>
            {v}
            {v === LATEST_CHART_VERSION ? ' (newest, default)' : ''}
          </option>
        ))}
      </select>
      <p className="field__help">
        Lines starting with − are values that change or go away at {to}; lines starting with + are what the
        upgraded bundle writes. The rendered manifests are compared where helm runs: Review shows how.
      </p>
      <UpgradePreview running={running} to={to} />
      <button type="button" className="button button--primary" onClick={() => onUpgrade(to)}>
        Upgrade to {to} and review
      </button>
    </div>
  )
}
