import { type CheckResult, CheckResultSchema, type CheckTarget } from '@portkey-setup/schema'
import type { z } from 'zod'
import { readNdjson } from './ndjson'
import {
  ChecksResponseSchema,
  ErrorBodySchema,
  HealthResponseSchema,
  ImportResponseSchema,
  type Issue,
  RenderResponseSchema,
  ValidateResponseSchema,
} from './schemas'

/** An answer from the API that is not the success shape; message and issues come from the server's error body. */
export class ApiError extends Error {
  override name = 'ApiError'
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly issues: Issue[] = [],
  ) {
    super(message)
  }
}

/** The server answered that it has no /api/checks (an older or trimmed API). */
export class ChecksUnavailableError extends Error {
  override name = 'ChecksUnavailableError'
  constructor() {
    super('Connection checks are unavailable on this server.')
  }
}

type PostOptions = { signal?: AbortSignal; accept?: string }

export const createApiClient = (baseUrl = '') => {
  const post = async (
    path: string,
    body: unknown,
    { signal, accept = 'application/json' }: PostOptions = {},
  ) => {
    try {
      return await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body: JSON.stringify(body),
        signal,
        cache: 'no-store',
        credentials: 'same-origin',
      })
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error
      throw new ApiError('Could not reach the portkey-setup API: is the server running?', 0, 'NETWORK')
    }
  }

  const failure = async (res: Response): Promise<ApiError> => {
    const text = await res.text().catch(() => '')
    let parsed: z.infer<typeof ErrorBodySchema> | undefined
    try {
      parsed = ErrorBodySchema.parse(JSON.parse(text))
    } catch {
      parsed = undefined
    }
    return new ApiError(
      parsed?.error.message ?? `The API answered ${res.status} ${res.statusText}`.trim(),
      res.status,
      parsed?.error.code ?? `HTTP_${res.status}`,
      parsed?.issues ?? [],
    )
  }

  const json = async <S extends z.ZodType>(res: Response, schema: S): Promise<z.output<S>> => {
    const body: unknown = await res.json()
    const parsed = schema.safeParse(body)
    if (!parsed.success)
      throw new ApiError('The API answered in an unexpected shape.', res.status, 'BAD_RESPONSE')
    return parsed.data
  }

  return {
    health: async (signal?: AbortSignal) => {
      let res: Response
      try {
        res = await fetch(`${baseUrl}/api/health`, { signal, cache: 'no-store' })
      } catch (error) {
        if ((error as Error).name === 'AbortError') throw error
        throw new ApiError('Could not reach the portkey-setup API: is the server running?', 0, 'NETWORK')
      }
      if (!res.ok) throw await failure(res)
      return json(res, HealthResponseSchema)
    },

    /** 200 and 422 both carry a ValidateResponse. */
    validate: async (config: unknown, signal?: AbortSignal) => {
      const res = await post('/api/validate', config, { signal })
      if (res.ok || res.status === 422) return json(res, ValidateResponseSchema)
      throw await failure(res)
    },

    render: async (config: unknown, signal?: AbortSignal) => {
      const res = await post('/api/render', config, { signal })
      if (!res.ok) throw await failure(res)
      return (await json(res, RenderResponseSchema)).files
    },

    importValues: async (valuesYaml: string, signal?: AbortSignal) => {
      const res = await post('/api/import', { valuesYaml }, { signal })
      if (!res.ok) throw await failure(res)
      return json(res, ImportResponseSchema)
    },

    /**
     * Runs connectivity checks, streaming one result per line as each finishes (NDJSON) and calling
     * onResult for each; a server that answers with one JSON document works too.
     */
    checks: async (
      config: unknown,
      targets: readonly CheckTarget[],
      { signal, onResult }: { signal?: AbortSignal; onResult?: (result: CheckResult) => void } = {},
    ): Promise<CheckResult[]> => {
      const res = await post('/api/checks', { config, targets }, { signal, accept: 'application/x-ndjson' })
      if (res.status === 404 || res.status === 501) throw new ChecksUnavailableError()
      if (!res.ok) throw await failure(res)
      const results: CheckResult[] = []
      const accept = (item: unknown) => {
        const parsed = CheckResultSchema.safeParse(item)
        if (!parsed.success)
          throw new ApiError('A check result had an unexpected shape.', 200, 'BAD_RESPONSE')
        results.push(parsed.data)
        onResult?.(parsed.data)
      }
      const type = res.headers.get('content-type') ?? ''
      if (type.includes('ndjson') && res.body) await readNdjson(res.body, accept)
      else for (const r of (await json(res, ChecksResponseSchema)).results) accept(r)
      return results
    },
  }
}

export type ApiClient = ReturnType<typeof createApiClient>
