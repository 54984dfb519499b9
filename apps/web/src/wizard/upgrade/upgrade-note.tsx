import { useFormContext, useWatch } from 'react-hook-form'
import { CommandBlock } from '../../components/command-block'
import type { FormValues } from '../../lib/initial-values'
import { isUpgrade, useRunning } from './running-version'

/** On Review, for a release that runs an older chart: upgrade with scripts/upgrade.sh, not install.sh. */
export const UpgradeNote = () => {
  const running = useRunning()
  const { control } = useFormContext<FormValues>()
  const version = useWatch({ control, name: 'chart.version' })
  if (!isUpgrade(running, version)) return null
  return (
    <section className="review-card" aria-labelledby="upgrade-note-title" data-testid="upgrade-note">
      <h3 id="upgrade-note-title" className="review-card__title">
        Upgrading from {running.version} to {version}
      </h3>
      <p>
        This release runs already: after the download, run <code>scripts/upgrade.sh</code> instead of{' '}
        <code>scripts/install.sh</code>. It pins {version}, runs the preflight when the bundle has one,
        upgrades with <code>--atomic</code>, prints the rollback command and runs{' '}
        <code>scripts/verify.sh</code>.
      </p>
      <p>
        The browser cannot run helm, so the rendered-manifest diff (image tags, env keys, Services, probes,
        objects added or removed) is computed where helm runs, before anything is applied:
      </p>
      <CommandBlock
        block={{
          kind: 'shell',
          label: 'Show the manifest diff, change nothing',
          content: 'scripts/upgrade.sh --diff',
        }}
      />
      <CommandBlock
        block={{
          kind: 'shell',
          label: 'Or from this checkout, with the file you imported',
          content: `npx portkey-setup upgrade values.yaml --to ${version} --manifests`,
        }}
      />
      <CommandBlock block={{ kind: 'shell', label: 'Upgrade the release', content: 'scripts/upgrade.sh' }} />
    </section>
  )
}
