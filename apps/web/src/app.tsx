import { ApiProvider } from './api/api-context'
import { Wizard } from './wizard/wizard'

export const App = ({ apiBaseUrl = '' }: { apiBaseUrl?: string }) => (
  <ApiProvider baseUrl={apiBaseUrl}>
    <Wizard />
  </ApiProvider>
)
