import { DEFAULT_REDIS_URL } from '@portkey-setup/schema'
import { useFormContext, useWatch } from 'react-hook-form'
import { type Choice, ChoiceCards } from '../../components/choice-cards'
import { Field } from '../../components/field'
import { SwitchField } from '../../components/switch-field'
import { TestConnection } from '../../components/test-connection'
import type { FormValues } from '../../lib/initial-values'

const STORES: Choice[] = [
  {
    value: 'redis',
    title: 'Redis deployed by the chart',
    when: 'Choose this unless you already run Redis: the chart starts one next to the gateway.',
  },
  {
    value: 'aws-elastic-cache',
    title: 'Amazon ElastiCache',
    when: 'Choose this on AWS for managed Redis, with TLS and cluster mode when you need them.',
  },
  {
    value: 'custom',
    title: 'Another Redis you run',
    when: 'Choose this to use any Redis 6.2 or newer that the cluster can reach.',
  },
]

const MODES: Choice[] = [
  { value: 'standalone', title: 'Standalone', when: 'One Redis server, or a primary with replicas.' },
  { value: 'cluster', title: 'Cluster', when: 'Redis Cluster, e.g. ElastiCache with cluster mode on.' },
]

/** The cache store: the chart's own Redis, ElastiCache or another Redis. */
export const CacheStep = () => {
  const { getValues, setValue, clearErrors } = useFormContext<FormValues>()
  const store = useWatch<FormValues>({ name: 'cache.store' })

  // cache is one object (not a union), so a store change keeps only what still applies.
  const chooseStore = (next: string) => {
    const current = (getValues('cache') ?? {}) as Record<string, unknown>
    const ownUrl =
      typeof current.url === 'string' && current.url !== DEFAULT_REDIS_URL ? current.url : undefined
    setValue(
      'cache',
      {
        store: next,
        url: next === 'redis' ? DEFAULT_REDIS_URL : ownUrl,
        tls: next === 'aws-elastic-cache' ? current.tls === true : false,
        mode: next === 'redis' ? 'standalone' : (current.mode ?? 'standalone'),
      } as never,
      { shouldDirty: true },
    )
    clearErrors('cache')
  }

  return (
    <div className="step-fields" data-testid="step-cache">
      <ChoiceCards name="cache.store" legend="Cache store" choices={STORES} onChoose={chooseStore} />
      <div key={String(store)} className="branch">
        <Field
          name="cache.url"
          label="Redis URL"
          placeholder={store === 'redis' ? DEFAULT_REDIS_URL : 'redis://user:password@host:6379'}
        />
        {store === 'aws-elastic-cache' ? <SwitchField name="cache.tls" label="Use TLS (rediss://)" /> : null}
        {store !== 'redis' ? (
          <ChoiceCards name="cache.mode" legend="Redis mode" choices={MODES} compact />
        ) : null}
      </div>
      <TestConnection target="cache" label="the cache" />
    </div>
  )
}
