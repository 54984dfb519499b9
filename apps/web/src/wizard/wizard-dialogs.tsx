import type { ImportResult } from '@portkey-setup/schema'
import { lazy, Suspense } from 'react'

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
  onImported: (result: ImportResult) => void
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
