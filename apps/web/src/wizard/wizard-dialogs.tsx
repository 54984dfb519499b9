import { lazy, Suspense } from 'react'
import type { ReadImport } from '../lib/read-import'

const ImportDialog = lazy(() => import('./import-dialog').then((m) => ({ default: m.ImportDialog })))
const StartFreshDialog = lazy(() =>
  import('./start-fresh-dialog').then((m) => ({ default: m.StartFreshDialog })),
)

export type WizardDialog = 'import' | 'fresh'

/** The import and start-fresh dialogs, loaded when first opened. */
export const WizardDialogs = ({
  open,
  onClose,
  onImported,
  onStartFresh,
}: {
  open: WizardDialog | undefined
  onClose: () => void
  onImported: (result: ReadImport) => void
  onStartFresh: () => void
}) => (
  <Suspense fallback={null}>
    {open === 'import' ? (
      <ImportDialog open onOpenChange={(o) => !o && onClose()} onImported={onImported} />
    ) : null}
    {open === 'fresh' ? (
      <StartFreshDialog open onOpenChange={(o) => !o && onClose()} onConfirm={onStartFresh} />
    ) : null}
  </Suspense>
)
