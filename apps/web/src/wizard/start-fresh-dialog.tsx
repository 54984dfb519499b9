import { AlertDialog } from 'radix-ui'

/** Confirms wiping every field and the saved draft. */
export const StartFreshDialog = ({
  open,
  onOpenChange,
  onConfirm,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  onConfirm: () => void
}) => (
  <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
    <AlertDialog.Portal>
      <AlertDialog.Overlay className="dialog__overlay" />
      <AlertDialog.Content className="dialog" data-testid="start-fresh-dialog">
        <AlertDialog.Title className="dialog__title">Start fresh?</AlertDialog.Title>
        <AlertDialog.Description className="dialog__description">
          Every field goes back to its default and the draft saved in this browser is deleted.
        </AlertDialog.Description>
        <div className="dialog__actions">
          <AlertDialog.Cancel asChild>
            <button type="button" className="button button--ghost">
              Keep my answers
            </button>
          </AlertDialog.Cancel>
          <AlertDialog.Action asChild>
            <button
              type="button"
              className="button button--danger"
              onClick={onConfirm}
              data-testid="start-fresh-confirm"
            >
              Start fresh
            </button>
          </AlertDialog.Action>
        </div>
      </AlertDialog.Content>
    </AlertDialog.Portal>
  </AlertDialog.Root>
)
