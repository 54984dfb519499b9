import { QueryClient } from '@tanstack/react-query'

/**
 * One client for the API hooks, passed to each hook explicitly rather than through a provider, so
 * react-query loads with the first step that talks to the API instead of with the first paint.
 * Nothing is retried: checks touch real backends, and a retry would repeat their writes.
 */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
})
