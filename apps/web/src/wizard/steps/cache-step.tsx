import { type Cache, DEFAULT_REDIS_URL, supports } from '@portkey-setup/schema'
import { useFormContext, useWatch } from 'react-hook-form'
import { ChoiceCards } from '../../components/choice-cards'
import { Field } from '../../components/field'
import { SwitchField } from '../../components/switch-field'
import { TestConnection } from '../../components/test-connection'
import type { FormValues } from '../../lib/initial-values'
import { branchOf } from '../branches'
import { SemanticCacheFields } from './store-fields'

type CacheBranch = {
  /** The chart runs this Redis, at the chart's URL; otherwise the user's own URL is kept. */
  chartRedis: boolean
  /** Offers TLS: always with ElastiCache; with another Redis on charts that allow it (1.1.0+). */
  tls: boolean | 'by-version'
  /** Offers standalone or cluster mode. */
  mode: boolean
}

/** What each store offers: a store added to the schema fails typecheck here until it has a row. */
const CACHE_BRANCHES = {
  redis: { chartRedis: true, tls: false, mode: false },
  'aws-elastic-cache': { chartRedis: false, tls: true, mode: true },
  custom: { chartRedis: false, tls: 'by-version', mode: true },
} satisfies Record<Cache['store'], CacheBranch>

// A store the schema does not know (an old draft) shows what another Redis shows.
const branchFor = (store: unknown): CacheBranch => branchOf(CACHE_BRANCHES, store) ?? CACHE_BRANCHES.custom

/** The cache store: the chart's own Redis, ElastiCache or another Redis. */
export const CacheStep = () => {
  const { getValues, setValue, clearErrors } = useFormContext<FormValues>()
  const store = useWatch<FormValues>({ name: 'cache.store' })
  const version = String(useWatch<FormValues>({ name: 'chart.version' }) ?? '')
  const tlsOffered = (b: CacheBranch) =>
    b.tls === 'by-version' ? supports(version, 'redisTlsAnyStore') : b.tls

  // Every store has the same fields, so a store change keeps what still applies to the new one.
  const chooseStore = (next: string) => {
    const current = (getValues('cache') ?? {}) as Record<string, unknown>
    const branch = branchFor(next)
    const ownUrl =
      typeof current.url === 'string' && current.url !== DEFAULT_REDIS_URL ? current.url : undefined
    setValue(
      'cache',
      {
        store: next,
        url: branch.chartRedis ? DEFAULT_REDIS_URL : ownUrl,
        tls: tlsOffered(branch) ? current.tls === true : false,
        mode: branch.mode ? (current.mode ?? 'standalone') : 'standalone',
      } as never,
      { shouldDirty: true },
    )
    clearErrors('cache')
  }
  const branch = branchFor(store)

  return (
    <div className="step-fields" data-testid="step-cache">
      <ChoiceCards name="cache.store" onChoose={chooseStore} />
      <div key={String(store)} className="branch">
        <Field name="cache.url" />
        {tlsOffered(branch) ? <SwitchField name="cache.tls" /> : null}
        {branch.mode ? <ChoiceCards name="cache.mode" compact /> : null}
      </div>
      <TestConnection target="cache" label="the cache" />
      <SemanticCacheFields />
    </div>
  )
}
