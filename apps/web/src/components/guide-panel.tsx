import {
  type DeepPartial,
  type DeploymentConfigInput,
  type GuideSection,
  type GuideSectionId,
  guideForSection,
} from '@portkey-setup/schema'
import { useId, useMemo } from 'react'
import { useWatch } from 'react-hook-form'
import type { FormValues } from '../lib/initial-values'
import { CommandBlock } from './command-block'

type Guide = { ok: true; sections: GuideSection[] } | { ok: false }

/**
 * The setup steps for the choice made in this section, recomputed as the user types so every command
 * and policy carries their names.
 */
export const GuidePanel = ({
  section,
  heading = 'Set up for this choice',
}: {
  section: GuideSectionId
  heading?: string
}) => {
  const headingId = useId()
  const values = useWatch<FormValues>()
  const guide = useMemo<Guide>(() => {
    try {
      return { ok: true, sections: guideForSection(values as DeepPartial<DeploymentConfigInput>, section) }
    } catch {
      return { ok: false }
    }
  }, [values, section])

  return (
    <aside className="guide-panel" aria-labelledby={headingId} data-testid="guide-panel">
      <h3 id={headingId} className="guide-panel__heading">
        {heading}
      </h3>
      {!guide.ok ? (
        <p className="guide-panel__empty">The setup steps could not be prepared for these values yet.</p>
      ) : guide.sections.length === 0 ? (
        <p className="guide-panel__empty" data-testid="guide-empty">
          Nothing to prepare outside this wizard for this choice.
        </p>
      ) : (
        guide.sections.map((g) => (
          <section key={`${g.section}-${g.choice}`} className="guide-section" data-choice={g.choice}>
            <h4 className="guide-section__title">{g.title}</h4>
            <p className="guide-section__summary">{g.summary}</p>
            {g.steps.length > 0 ? (
              <ol className="guide-steps">
                {g.steps.map((step) => (
                  <li key={step.id} className="guide-step">
                    <h5 className="guide-step__title">{step.title}</h5>
                    <p className="guide-step__body">{step.body}</p>
                    {step.blocks.map((block, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: blocks are recomputed as a whole, never reordered
                      <CommandBlock key={`${block.label}-${i}`} block={block} />
                    ))}
                    {step.links?.length ? (
                      <ul className="guide-step__links">
                        {step.links.map((l) => (
                          <li key={l.url}>
                            <a href={l.url} target="_blank" rel="noreferrer noopener">
                              {l.label}
                              <span className="visually-hidden"> (opens in a new tab)</span>
                            </a>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ol>
            ) : null}
          </section>
        ))
      )}
    </aside>
  )
}
