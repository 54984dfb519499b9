import { type ConfigIssue, labelOf } from '@portkey-setup/schema'
import { useFormContext } from 'react-hook-form'
import type { FormValues } from '../../lib/initial-values'
import { useWizardContext } from '../wizard-context'

/** What stands between the user and a download, each item linking to the step that fixes it. */
export const ValidationSummary = ({ issues }: { issues: readonly ConfigIssue[] }) => {
  // The steps come from the wizard, not the registry: the registry loads this Review code itself.
  const { goTo, steps } = useWizardContext()
  const values = useFormContext<FormValues>().getValues()
  const byStep = steps
    .map((step) => ({
      step,
      issues: issues.filter((i) => step.fields.some((f) => f === i.path[0])),
    }))
    .filter((g) => g.issues.length > 0)
  const other = issues.filter((i) => !steps.some((s) => s.fields.some((f) => f === i.path[0])))

  return (
    <section
      className="review-card review-card--error"
      aria-labelledby="validation-title"
      data-testid="validation-summary"
    >
      <h3 id="validation-title" className="review-card__title">
        {issues.length === 1 ? '1 thing to fix' : `${issues.length} things to fix`} before the bundle can be
        built
      </h3>
      <ul className="issue-groups">
        {byStep.map(({ step, issues: list }) => (
          <li key={step.id}>
            <button
              type="button"
              className="link-button"
              onClick={() => goTo(step.id)}
              data-testid={`fix-${step.id}`}
            >
              Go to {step.title}
            </button>
            <ul className="issue-list">
              {list.map((i) => (
                <li key={`${i.path.join('.')}:${i.code}:${i.message}`}>
                  <strong>{labelOf(i.path, values) ?? i.path.join('.')}:</strong> {i.message}
                </li>
              ))}
            </ul>
          </li>
        ))}
        {other.map((i) => (
          <li key={`${i.path.join('.')}:${i.message}`}>{i.message}</li>
        ))}
      </ul>
    </section>
  )
}
