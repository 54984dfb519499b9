import { createContext, type ReactNode, useContext, useMemo } from 'react'
import { type ApiClient, createApiClient } from './client'

const ApiContext = createContext<ApiClient>(createApiClient())

/** The API lives on the same origin in production (the API serves the wizard); tests point it elsewhere. */
export const ApiProvider = ({ baseUrl = '', children }: { baseUrl?: string; children: ReactNode }) => {
  const client = useMemo(() => createApiClient(baseUrl), [baseUrl])
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>
}

export const useApiClient = () => useContext(ApiContext)
