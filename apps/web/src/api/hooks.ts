import { useMutation, useQuery } from '@tanstack/react-query'
import { useApiClient } from './api-context'
import { queryClient } from './query-client'

/**
 * Server round trips. The wizard validates, renders and imports in the browser with the same schema
 * package, so secrets need not leave it; these hooks are for screens that want the API's own answer.
 */
export const useValidateOnServer = () => {
  const api = useApiClient()
  return useMutation({ mutationFn: (config: unknown) => api.validate(config) }, queryClient)
}

export const useRenderOnServer = () => {
  const api = useApiClient()
  return useMutation({ mutationFn: (config: unknown) => api.render(config) }, queryClient)
}

export const useImportOnServer = () => {
  const api = useApiClient()
  return useMutation({ mutationFn: (valuesYaml: string) => api.importValues(valuesYaml) }, queryClient)
}

/** Whether the API is reachable, and its version. */
export const useApiHealth = () => {
  const api = useApiClient()
  return useQuery(
    { queryKey: ['api-health'], queryFn: ({ signal }) => api.health(signal), staleTime: 60_000 },
    queryClient,
  )
}
