import type { ImportResult } from '@portkey-setup/schema'
import { Dialog } from 'radix-ui'
import { useId, useState } from 'react'

/**
 * Reads an existing values.yaml in the browser (the schema package's importer, loaded on demand),
 * so a file with secrets in it never leaves the machine.
 */
export const ImportDialog = ({
  open,
  onOpenChange,
  onImported,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  onImported: (result: ImportResult) => void
}) => {
  const id = useId()
  const [text, setText] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const onFile = async (file: File | undefined) => {
    if (!file) return
    setText(await file.text())
    setError(undefined)
  }

  const onImport = async () => {
    if (!text.trim()) {
      setError('Choose a values.yaml file or paste its contents first.')
      return
    }
    setBusy(true)
    setError(undefined)
    try {
      const { importValues } = await import('../lib/bundle-tools')
      const result = importValues(text)
      onImported(result)
      setText('')
      onOpenChange(false)
    } catch (e) {
      setError(
        e instanceof Error && e.name === 'ValuesParseError'
          ? `This is not a values.yaml the wizard can read: ${e.message}`
          : 'The importer could not be loaded. Check your connection and try again.',
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog__overlay" />
        <Dialog.Content className="dialog" data-testid="import-dialog">
          <Dialog.Title className="dialog__title">Import an existing values.yaml</Dialog.Title>
          <Dialog.Description className="dialog__description">
            The file is read in your browser and not uploaded. The wizard starts from what it finds; anything
            it cannot map is listed as a warning.
          </Dialog.Description>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-file`}>
              values.yaml file
            </label>
            <input
              id={`${id}-file`}
              className="field__file"
              type="file"
              accept=".yaml,.yml,application/yaml,text/yaml"
              onChange={(e) => void onFile(e.currentTarget.files?.[0])}
              data-testid="import-file"
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-paste`}>
              …or paste its contents
            </label>
            <textarea
              id={`${id}-paste`}
              className="field__input field__textarea"
              rows={10}
              spellCheck={false}
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              data-testid="import-paste"
            />
          </div>
          <p id={`${id}-error`} className="field__error" role="alert">
            {error ?? ''}
          </p>
          <div className="dialog__actions">
            <Dialog.Close asChild>
              <button type="button" className="button button--ghost">
                Cancel
              </button>
            </Dialog.Close>
            <button
              type="button"
              className="button button--primary"
              onClick={onImport}
              disabled={busy}
              data-testid="import-submit"
            >
              {busy ? 'Importing…' : 'Import'}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
