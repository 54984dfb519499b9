import { CHART_VERSIONS } from '@portkey-setup/schema'
import { useId } from 'react'
import type { VersionSource } from '../lib/read-import'

const SOURCE: Record<Exclude<VersionSource, 'unknown'>, string> = {
  bundle: 'the values.yaml header of the bundle zip',
  export: 'the export file of scripts/export-values.sh',
  header: 'the values.yaml header',
  'helm-list': 'the helm list output you pasted',
}

export const sourceText = (source: VersionSource) => (source === 'unknown' ? undefined : SOURCE[source])

/**
 * Asks which chart version runs today when the input does not say it: picked from the release list,
 * or read from pasted `helm list` output.
 */
export const ImportVersion = ({
  version,
  helmList,
  onVersion,
  onHelmList,
}: {
  version: string
  helmList: string
  onVersion: (v: string) => void
  onHelmList: (text: string) => void
}) => {
  const id = useId()
  return (
    <fieldset className="field" data-testid="import-version">
      <legend className="field__label">Which chart version runs today?</legend>
      <p className="field__help" id={`${id}-help`}>
        The file does not say it. Pick the release, or paste the output of{' '}
        <code>helm list -n &lt;namespace&gt;</code>: its CHART column names the version.
      </p>
      <label className="field__label" htmlFor={`${id}-select`}>
        Running chart version
      </label>
      <select
        id={`${id}-select`}
        className="field__input"
        value={version}
        aria-describedby={`${id}-help`}
        onChange={(e) => onVersion(e.target.value)}
      >
        <option value="">Choose a release…</option>
        {CHART_VERSIONS.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
      <label className="field__label" htmlFor={`${id}-helm`}>
        …or paste helm list output
      </label>
      <textarea
        id={`${id}-helm`}
        className="field__input field__textarea"
        rows={3}
        spellCheck={false}
        value={helmList}
        onChange={(e) => onHelmList(e.target.value)}
      />
    </fieldset>
  )
}
