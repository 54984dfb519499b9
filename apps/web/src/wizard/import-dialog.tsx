import { Dialog } from 'radix-ui'
import { type DragEvent, useId, useState } from 'react'
import type { ReadImport } from '../lib/read-import'
import { ImportVersion } from './import-version'

const MAX_ZIP_BYTES = 4 * 1024 * 1024

const failure = (e: unknown) =>
  e instanceof Error && (e.name === 'ValuesParseError' || e.name === 'ImportReadError')
    ? `This is not a values.yaml the wizard can read: ${e.message}`
    : 'The importer could not be loaded. Check your connection and try again.'

/**
 * Reads what runs today in the browser (the importer, loaded on demand), so a file with secrets in
 * it never leaves the machine: a values.yaml, `helm get values` output, the export file of
 * scripts/export-values.sh or a bundle zip. When the input does not name its chart version, the
 * user is asked for it before the import.
 */
export const ImportDialog = ({
  open,
  onOpenChange,
  onImported,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  onImported: (result: ReadImport) => void
}) => {
  const id = useId()
  const [text, setText] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [zip, setZip] = useState<{ name: string; bytes: Uint8Array }>()
  // Read, but waiting for the user to say which chart version runs.
  const [pending, setPending] = useState<ReadImport>()
  const [version, setVersion] = useState('')
  const [helmList, setHelmList] = useState('')

  const onFile = async (file: File | undefined) => {
    if (!file) return
    setError(undefined)
    setPending(undefined)
    const bytes = new Uint8Array(await file.arrayBuffer())
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
      if (bytes.length > MAX_ZIP_BYTES)
        return setError('This zip is larger than 4 MiB: choose the bundle zip.')
      setZip({ name: file.name, bytes })
      setText('')
    } else {
      setZip(undefined)
      setText(new TextDecoder().decode(bytes))
    }
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    void onFile(e.dataTransfer.files[0])
  }

  const finish = (result: ReadImport) => {
    onImported(result)
    setText('')
    setZip(undefined)
    setPending(undefined)
    onOpenChange(false)
  }

  const confirmVersion = async (read: ReadImport) => {
    const { versionFromHelmList } = await import('../lib/read-import')
    const chosen = version || versionFromHelmList(helmList)
    if (!chosen) {
      setError('Choose the chart version that runs today, or paste helm list output that names it.')
      return
    }
    const warnings = read.warnings.filter((w) => w.path.join('.') !== 'chart.version')
    finish({
      ...read,
      warnings,
      config: { ...read.config, chart: { ...read.config.chart, version: chosen } },
      version: chosen,
      versionSource: version ? 'unknown' : 'helm-list',
    })
  }

  const onImport = async () => {
    if (pending) return confirmVersion(pending)
    if (!zip && !text.trim()) {
      setError('Choose a values.yaml file or paste its contents first.')
      return
    }
    setBusy(true)
    setError(undefined)
    try {
      const { readImport } = await import('../lib/read-import')
      const result = await readImport(zip?.bytes ?? text, helmList)
      if (result.versionSource === 'unknown') setPending(result)
      else finish(result)
    } catch (e) {
      setError(failure(e))
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
            A values.yaml, the output of{' '}
            <code>helm get values &lt;release&gt; -n &lt;namespace&gt; -o yaml</code>, the file
            scripts/export-values.sh writes, or a bundle zip from an earlier run. It is read in your browser
            and not uploaded. The wizard starts from what it finds; anything it cannot map is listed as a
            warning.
          </Dialog.Description>
          {/* Dropping is a shortcut for pointer users; the file input is the keyboard way. */}
          <section
            className="field field--drop"
            aria-label="Choose or drop a file"
            onDragOver={(e) => e.preventDefault()}
            onDrop={onDrop}
          >
            <label className="field__label" htmlFor={`${id}-file`}>
              values.yaml file
            </label>
            <p className="field__help">
              Choose a file or drop it here (a .yaml, the export file or a bundle .zip).
            </p>
            <input
              id={`${id}-file`}
              className="field__file"
              type="file"
              accept=".yaml,.yml,.txt,.zip,application/yaml,text/yaml,application/zip"
              onChange={(e) => void onFile(e.currentTarget.files?.[0])}
              data-testid="import-file"
            />
            {zip ? (
              <p className="field__note" data-testid="import-zip">
                Bundle zip {zip.name}: its values.yaml is read.
              </p>
            ) : null}
          </section>
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
              onChange={(e) => {
                setText(e.target.value)
                setZip(undefined)
                setPending(undefined)
              }}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              data-testid="import-paste"
            />
          </div>
          <div aria-live="polite">
            {pending ? (
              <ImportVersion
                version={version}
                helmList={helmList}
                onVersion={setVersion}
                onHelmList={setHelmList}
              />
            ) : null}
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
              {busy ? 'Importing…' : pending ? 'Import at this version' : 'Import'}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
