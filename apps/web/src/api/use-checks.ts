import type { CheckResult, CheckTarget } from '@portkey-setup/schema'
import { useMutation } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useApiClient } from './api-context'
import { ApiError, ChecksUnavailableError } from './client'
import { queryClient } from './query-client'
import type { Issue } from './schemas'

export type TargetState =
  | { status: 'running' }
  | { status: 'done'; result: CheckResult }
  | { status: 'missing' }

export type ChecksPhase = 'idle' | 'running' | 'done' | 'unavailable' | 'invalid' | 'error'

export type ChecksState = {
  phase: ChecksPhase
  targets: Partial<Record<CheckTarget, TargetState>>
  startedAt?: number
  error?: string
  issues?: Issue[]
}

/** What a run produced: results, or the issues a 422 named. */
export type ChecksOutcome = { results: CheckResult[]; issues: Issue[] }

type OnResult = (result: CheckResult) => void
type Variables = { config: unknown; targets: readonly CheckTarget[]; onResult?: OnResult | undefined }

const phaseOf = (status: 'idle' | 'pending' | 'success' | 'error', error: unknown): ChecksPhase => {
  if (status === 'idle') return 'idle'
  if (status === 'pending') return 'running'
  if (status === 'success') return 'done'
  if (error instanceof ChecksUnavailableError) return 'unavailable'
  if (error instanceof ApiError && error.status === 422) return 'invalid'
  return 'error'
}

/**
 * Runs /api/checks for some targets (a react-query mutation) and tracks each target as its result
 * streams in. The config is held only for the request.
 */
export const useChecks = () => {
  const api = useApiClient()
  const [targets, setTargets] = useState<ChecksState['targets']>({})
  const [startedAt, setStartedAt] = useState<number>()
  const controller = useRef<AbortController | undefined>(undefined)

  // Abort on a real unmount only: StrictMode's rehearsal unmount is followed at once by a remount.
  const mounted = useRef(false)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
      queueMicrotask(() => {
        if (!mounted.current) controller.current?.abort()
      })
    }
  }, [])

  const mutation = useMutation(
    {
      mutationFn: async ({ config, targets: wanted, onResult }: Variables) => {
        controller.current?.abort()
        const ac = new AbortController()
        controller.current = ac
        setStartedAt(Date.now())
        setTargets(Object.fromEntries(wanted.map((t) => [t, { status: 'running' }])))
        const results = await api.checks(config, wanted, {
          signal: ac.signal,
          onResult: (result) => {
            if (ac.signal.aborted) return
            setTargets((s) => ({ ...s, [result.target]: { status: 'done', result } }))
            onResult?.(result)
          },
        })
        if (!ac.signal.aborted)
          setTargets((s) =>
            Object.fromEntries(
              Object.entries(s).map(([t, v]) => [t, v?.status === 'running' ? { status: 'missing' } : v]),
            ),
          )
        return results
      },
    },
    queryClient,
  )
  const { mutateAsync, reset: resetMutation } = mutation

  const run = useCallback(
    async (config: unknown, wanted: readonly CheckTarget[], onResult?: OnResult): Promise<ChecksOutcome> => {
      try {
        return { results: await mutateAsync({ config, targets: wanted, onResult }), issues: [] }
      } catch (error) {
        setTargets({})
        return { results: [], issues: error instanceof ApiError && error.status === 422 ? error.issues : [] }
      }
    },
    [mutateAsync],
  )

  const reset = useCallback(() => {
    controller.current?.abort()
    setTargets({})
    resetMutation()
  }, [resetMutation])

  const phase = phaseOf(mutation.status, mutation.error)
  const state: ChecksState = {
    phase,
    targets: phase === 'running' || phase === 'done' ? targets : {},
    startedAt,
    error:
      phase === 'unavailable'
        ? 'Checks unavailable on this server.'
        : mutation.error instanceof Error
          ? mutation.error.message
          : undefined,
    issues: mutation.error instanceof ApiError ? mutation.error.issues : undefined,
  }
  return { state, run, reset }
}
