import { ChartsResponseSchema, LATEST_CHART_VERSION, releaseSummaries } from '@portkey-setup/schema'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { jsonResponse } from '../errors.js'

export const chartRoutes: FastifyPluginAsyncZod = async (app) => {
  const body = {
    latest: LATEST_CHART_VERSION,
    releases: releaseSummaries(),
  }
  app.get(
    '/api/charts',
    {
      schema: {
        tags: ['config'],
        summary: 'Released chart versions',
        description:
          'Every released version of the portkey-ai/gateway chart that chart.version accepts, newest first, with what each lacks. Validation, the scripts and the wizard read the same list.',
        response: { 200: jsonResponse(ChartsResponseSchema) },
      },
    },
    async () => body,
  )
}
