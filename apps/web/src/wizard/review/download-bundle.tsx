import type { DeploymentConfig } from '@portkey-setup/schema'
import { AlertDialog } from 'radix-ui'
import { useState } from 'react'
import { downloadBytes } from '../../lib/download'
import { isUpgrade, useRunning } from '../upgrade/running-version'

type Status = { kind: 'idle' } | { kind: 'building' } | { kind: 'done'; name: string } | { kind: 'error' }

/** Builds the zip in the browser (secrets never leave it) and saves it; failing checks need a confirmation. */
export const DownloadBundle = ({ config, failing }: { config: DeploymentConfig; failing: number }) => {
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const [confirm, setConfirm] = useState(false)
  const script = isUpgrade(useRunning(), config.chart.version) ? 'upgrade.sh' : 'install.sh'
  const name = `portkey-${config.chart.releaseName}-bundle.zip`

  const build = async () => {
    setStatus({ kind: 'building' })
    try {
      const { buildBundle } = await import('../../lib/bundle-tools')
      downloadBytes(name, await buildBundle(config))
      setStatus({ kind: 'done', name })
    } catch {
      setStatus({ kind: 'error' })
    }
  }

  return (
    <section className="review-card review-card--download" aria-labelledby="download-title">
      <h3 id="download-title" className="review-card__title">
        Download
      </h3>
      <p>
        The zip is built in this browser: <code>{name}</code>.
        {failing > 0 ? ` ${failing} connection check${failing === 1 ? '' : 's'} failed.` : ''}
      </p>
      <button
        type="button"
        className="button button--primary"
        onClick={() => (failing > 0 ? setConfirm(true) : void build())}
        disabled={status.kind === 'building'}
        data-testid="download-bundle"
      >
        {status.kind === 'building' ? 'Building the bundle…' : 'Download bundle'}
      </button>
      <p role="status" className="download__status" data-testid="download-status">
        {status.kind === 'done'
          ? `${status.name} is downloading. Unzip it and run scripts/${script}.`
          : status.kind === 'error'
            ? 'The bundle could not be built. Try again, or use POST /api/bundle.'
            : ''}
      </p>
      <AlertDialog.Root open={confirm} onOpenChange={setConfirm}>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="dialog__overlay" />
          <AlertDialog.Content className="dialog" data-testid="confirm-download">
            <AlertDialog.Title className="dialog__title">Download with failing checks?</AlertDialog.Title>
            <AlertDialog.Description className="dialog__description">
              {failing === 1 ? 'One connection check failed' : `${failing} connection checks failed`}: the
              gateway may not start or may lose logs until that is fixed. You can still download the bundle
              and fix it later.
            </AlertDialog.Description>
            <div className="dialog__actions">
              <AlertDialog.Cancel asChild>
                <button type="button" className="button button--ghost">
                  Go back and fix
                </button>
              </AlertDialog.Cancel>
              <AlertDialog.Action asChild>
                <button
                  type="button"
                  className="button button--danger"
                  onClick={() => void build()}
                  data-testid="confirm-download-anyway"
                >
                  Download anyway
                </button>
              </AlertDialog.Action>
            </div>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
    </section>
  )
}
