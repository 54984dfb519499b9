import { SUGGESTED_RESOURCES } from '@portkey-setup/schema'
import { useFormContext, useWatch } from 'react-hook-form'
import { ChoiceCards } from '../../components/choice-cards'
import { Field } from '../../components/field'
import { KeyValueEditor } from '../../components/key-value-editor'
import { ObjectFields } from '../../components/object-fields'
import { ObjectListEditor } from '../../components/object-list-editor'
import type { FormValues } from '../../lib/initial-values'
import { useBranchSwitch } from '../use-branch-switch'

const Subsection = ({ id, title, children }: { id: string; title: string; children: React.ReactNode }) => (
  <section className="subsection" aria-labelledby={`${id}-heading`}>
    <h3 id={`${id}-heading`} className="subsection__title">
      {title}
    </h3>
    {children}
  </section>
)

/** CPU and memory requests and limits of one workload, with the suggested values one click away. */
const ResourceFields = ({ at }: { at: string }) => {
  const { getValues, setValue } = useFormContext<FormValues>()
  const fillSuggested = () => {
    for (const part of ['requests', 'limits'] as const)
      for (const kind of ['cpu', 'memory'] as const) {
        const path = `${at}.resources.${part}.${kind}`
        if (!getValues(path as never))
          setValue(path as never, SUGGESTED_RESOURCES[part][kind] as never, { shouldDirty: true })
      }
  }
  return (
    <>
      <div className="field-row">
        <Field name={`${at}.resources.requests.cpu`} />
        <Field name={`${at}.resources.requests.memory`} />
      </div>
      <div className="field-row">
        <Field name={`${at}.resources.limits.cpu`} />
        <Field name={`${at}.resources.limits.memory`} />
      </div>
      <button
        type="button"
        className="button button--secondary"
        onClick={fillSuggested}
        data-testid={`${at}-suggested-resources`}
      >
        Fill empty fields with the suggested values
      </button>
    </>
  )
}

const ScalingFields = ({ at }: { at: string }) => {
  const switchBranch = useBranchSwitch()
  return (
    <>
      <ChoiceCards name={`${at}.scaling.mode`} onChoose={(v) => switchBranch(`${at}.scaling`, v)} compact />
      <div className="nested">
        <ObjectFields name={`${at}.scaling`} />
      </div>
    </>
  )
}

/** How the gateway pods run: resources, scaling, rollout, scheduling, metadata, identity, extra env. */
export const KubernetesStep = () => {
  const switchBranch = useBranchSwitch()
  const dataService = useWatch<FormValues>({ name: 'dataService.enabled' })
  const auth = useWatch<FormValues>({ name: 'logStore.auth.method' as never }) as unknown
  const logStore = useWatch<FormValues>({ name: 'logStore.type' as never }) as unknown
  const irsa = logStore === 's3_assume' && auth === 'irsa'
  return (
    <div className="step-fields" data-testid="step-kubernetes">
      <p className="field__help">
        Every setting here is optional: left empty, the chart&rsquo;s own defaults apply (one pod, no resource
        requests). The request timeout is in the Cluster &amp; chart step.
      </p>
      <Subsection id="k8s-resources" title="Resources">
        <ResourceFields at="kubernetes" />
      </Subsection>
      <Subsection id="k8s-scaling" title="Replicas or autoscaling">
        <ScalingFields at="kubernetes" />
      </Subsection>
      <Subsection id="k8s-rollout" title="Rollout">
        <ChoiceCards
          name="kubernetes.strategy.type"
          onChoose={(v) => switchBranch('kubernetes.strategy', v)}
          compact
        />
        <div className="nested">
          <ObjectFields name="kubernetes.strategy" />
        </div>
        <Field name="kubernetes.terminationGracePeriodSeconds" type="number" />
      </Subsection>
      <Subsection id="k8s-scheduling" title="Scheduling">
        <KeyValueEditor name="kubernetes.nodeSelector" />
        <ObjectListEditor name="kubernetes.tolerations" />
        <ChoiceCards name="kubernetes.podAntiAffinity" compact />
        <ObjectListEditor name="kubernetes.topologySpread" />
      </Subsection>
      <Subsection id="k8s-metadata" title="Pod labels and annotations">
        <KeyValueEditor name="kubernetes.podLabels" />
        <KeyValueEditor name="kubernetes.podAnnotations" />
      </Subsection>
      <Subsection id="k8s-identity" title="Service account">
        <Field name="kubernetes.serviceAccount.name" />
        <KeyValueEditor name="kubernetes.serviceAccount.annotations" />
        {irsa ? (
          <p className="notice" data-testid="k8s-irsa-note">
            The log store uses IRSA, so the service account also gets <code>eks.amazonaws.com/role-arn</code>{' '}
            from the log store step; do not add it here.
          </p>
        ) : null}
      </Subsection>
      <Subsection id="k8s-env" title="Extra environment variables">
        <KeyValueEditor name="kubernetes.extraEnv" />
      </Subsection>
      {dataService === true ? (
        <Subsection id="k8s-data-service" title="Data service">
          <ResourceFields at="kubernetes.dataService" />
          <ScalingFields at="kubernetes.dataService" />
          <KeyValueEditor name="kubernetes.dataService.extraEnv" />
        </Subsection>
      ) : null}
    </div>
  )
}
