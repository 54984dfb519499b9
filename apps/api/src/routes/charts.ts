import { LATEST_CHART_VERSION, releaseSummaries } from '@portkey-setup/schema'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'

export const ChartReleaseSchema = z
  .object({
    version: z.string().describe('Chart version, the value of chart.version in a config.'),
    date: z.string().describe('Day the release was published (YYYY-MM-DD).'),
    appVersion: z.string().describe('appVersion of the chart.'),
    gatewayImageTag: z.string().describe('Gateway image tag the release deploys by default.'),
    lacks: z
      .array(z.string())
      .describe('What this release lacks compared with the newest, and how the bundle copes.'),
  })
  .describe('One released version of the portkey-ai/gateway chart.')

export const ChartsResponseSchema = z
  .object({
    latest: z.string().describe('The newest release, the default chart.version.'),
    releases: z.array(ChartReleaseSchema).describe('Every release portkey-setup accepts, newest first.'),
  })
  .describe('The chart versions a config may name.')

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
        response: { 200: ChartsResponseSchema },
      },
    },
    async () => body,
  )
}
