import { keptPaths } from '@portkey-setup/schema'

type Kept = Record<string, unknown>

/** A copy of the kept tree without one path; emptied parents go too. */
export const withoutKept = (kept: Kept, path: string[]): Kept | undefined => {
  const [head, ...rest] = path
  if (head === undefined || !Object.hasOwn(kept, head)) return kept
  const out: Kept = { ...kept }
  const child = out[head]
  if (rest.length && typeof child === 'object' && child !== null && !Array.isArray(child)) {
    const next = withoutKept(child as Kept, rest)
    if (next) out[head] = next
    else delete out[head]
  } else delete out[head]
  return Object.keys(out).length ? out : undefined
}

/**
 * Settings of an imported values.yaml that the wizard has no field for. The bundle writes them back
 * as they were; values are not shown, since they may hold anything, a token included.
 */
export const KeptSettings = ({
  kept,
  onRemove,
}: {
  kept: Kept | undefined
  onRemove: (path: string[]) => void
}) => {
  const paths = keptPaths(kept)
  if (!paths.length) return null
  return (
    <section className="review-card" aria-labelledby="kept-title" data-testid="kept-settings">
      <h3 id="kept-title" className="review-card__title">
        Kept as you wrote them
      </h3>
      <p>
        Your imported values.yaml sets {paths.length === 1 ? 'one setting' : `${paths.length} settings`} the
        wizard has no field for. values.yaml carries {paths.length === 1 ? 'it' : 'them'} over unchanged,
        after the wizard&rsquo;s own keys. They are not saved in this browser&rsquo;s draft: import the file
        again after a reload.
      </p>
      <ul className="kept-list">
        {paths.map((p) => {
          const name = p.join('.')
          return (
            <li key={name}>
              <code>{name}</code>
              <button
                type="button"
                className="button button--ghost"
                onClick={() => onRemove(p)}
                aria-label={`Remove ${name}`}
              >
                Remove
              </button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
