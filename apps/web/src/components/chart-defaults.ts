import { type ChartLayout, chartLayout } from '@portkey-setup/schema'

/** The chart's own default values.yaml for the layout a version renders with, loaded only when a diff is shown. */
const LOADERS = {
  '1.0.7': () => import('@portkey-setup/schema/chart-values/gateway-1.0.7.yaml?raw'),
  '1.7.7': () => import('@portkey-setup/schema/chart-values/gateway-1.7.7.yaml?raw'),
} as const satisfies Record<ChartLayout, unknown>

export const loadChartDefaults = async (version: string): Promise<{ layout: string; text: string }> => {
  const layout = chartLayout(version)
  const mod = await LOADERS[layout]()
  return { layout, text: mod.default }
}
