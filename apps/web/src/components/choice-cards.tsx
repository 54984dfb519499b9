import { RadioGroup } from 'radix-ui'
import { useController, useFormContext } from 'react-hook-form'
import type { FormValues } from '../lib/initial-values'
import { toPath } from '../lib/path'
import { type Choice, choicesAt } from '../lib/schema-path'
import { MetaMessages } from './field-message'
import { describedBy, useFieldMeta } from './use-field-meta'

export type { Choice }

type Props = {
  /** Dot path of the discriminator, e.g. "logStore.type". */
  name: string
  /** Only where the context needs other words than the schema's title. */
  legend?: string
  /** Only where the schema's choices need narrowing; otherwise read from the schema. */
  choices?: readonly Choice[]
  /** Called instead of a plain change, so a section can reset to the new branch. */
  onChoose?: (value: string) => void
  compact?: boolean
}

/** A radio group as cards: each option says in one line when to choose it. */
export const ChoiceCards = ({ name, onChoose, compact = false, ...props }: Props) => {
  const { control, getValues } = useFormContext<FormValues>()
  const { field } = useController({ control, name: name as never })
  const meta = useFieldMeta(name, { parentErrors: true })
  const legend = props.legend ?? meta.label ?? name
  const choices = props.choices ?? choicesAt(toPath(name), getValues())
  const legendId = `${meta.id}-legend`
  const value = typeof field.value === 'string' ? field.value : ''
  return (
    <fieldset className="choices" data-field={name}>
      <legend id={legendId} className="choices__legend">
        {legend}
      </legend>
      <RadioGroup.Root
        ref={(el) => {
          // RHF focuses this on a failed "Next": move focus to the chosen (or first) card.
          field.ref(
            el
              ? {
                  focus: () =>
                    (
                      el.querySelector<HTMLElement>('[role="radio"][data-state="checked"]') ??
                      el.querySelector<HTMLElement>('[role="radio"]')
                    )?.focus(),
                }
              : null,
          )
        }}
        id={meta.id}
        className={compact ? 'choices__grid choices__grid--compact' : 'choices__grid'}
        value={value}
        onValueChange={(v) => (onChoose ? onChoose(v) : field.onChange(v))}
        aria-labelledby={legendId}
        aria-invalid={meta.error ? true : undefined}
        aria-describedby={describedBy(meta.error && meta.errorId, meta.description && meta.helpId)}
        data-testid={`choices-${name}`}
      >
        {choices.map((c) => {
          const titleId = `${meta.id}-${c.value}-title`
          const whenId = `${meta.id}-${c.value}-when`
          return (
            <RadioGroup.Item
              key={c.value}
              value={c.value}
              className="choice"
              aria-labelledby={titleId}
              aria-describedby={whenId}
              data-testid={`choice-${name}-${c.value}`}
              onBlur={field.onBlur}
            >
              <span className="choice__indicator" aria-hidden="true" />
              <span className="choice__text">
                <span id={titleId} className="choice__title">
                  {c.title}
                </span>
                <span id={whenId} className="choice__when">
                  {c.when}
                </span>
              </span>
            </RadioGroup.Item>
          )
        })}
      </RadioGroup.Root>
      <MetaMessages meta={meta} />
    </fieldset>
  )
}
