import { useState } from 'react'
import { FormProvider } from 'react-hook-form'
import { ImportWarnings } from './import-warnings'
import { StepFrame } from './step-frame'
import { Stepper } from './stepper'
import { STEPS } from './steps'
import { RunningContext } from './upgrade/running-version'
import { useFormResets } from './use-form-resets'
import { useStepStates } from './use-step-states'
import { useWizard } from './use-wizard'
import { useWizardForm } from './use-wizard-form'
import { WizardContext } from './wizard-context'
import { type WizardDialog, WizardDialogs } from './wizard-dialogs'
import { WizardHeader } from './wizard-header'

/**
 * The whole wizard: one form over the whole deployment config, the stepper beside the current step,
 * and the import and start-fresh dialogs. The steps come from the registry; Review ends the flow.
 */
export const Wizard = () => {
  const wizardForm = useWizardForm()
  const { form, savedAt } = wizardForm
  const wizard = useWizard(STEPS, wizardForm.validate)
  const stateOf = useStepStates(form.control, wizard)
  const resets = useFormResets(wizardForm, wizard)
  const [dialog, setDialog] = useState<WizardDialog>()

  return (
    <FormProvider {...form}>
      <WizardContext.Provider value={wizard}>
        <RunningContext.Provider value={resets.running}>
          <div className="app">
            <a className="skip-link" href="#step-heading">
              Skip to the current step
            </a>
            <WizardHeader
              savedAt={savedAt}
              onImport={() => setDialog('import')}
              onStartFresh={() => setDialog('fresh')}
            />
            {resets.imported ? (
              <ImportWarnings
                {...resets.imported}
                onDismiss={resets.dismissImported}
                onUpgrade={resets.onUpgrade}
              />
            ) : null}
            <div className="layout">
              <Stepper
                steps={wizard.steps}
                current={wizard.current}
                stateOf={stateOf}
                onSelect={wizard.goTo}
              />
              <main className="main">
                <StepFrame />
              </main>
            </div>
          </div>
          <WizardDialogs
            open={dialog}
            onClose={() => setDialog(undefined)}
            onImported={resets.onImported}
            onStartFresh={resets.onStartFresh}
          />
        </RunningContext.Provider>
      </WizardContext.Provider>
    </FormProvider>
  )
}
