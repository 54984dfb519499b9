import { chartLayout } from '@portkey-setup/schema'

/** The chart's own default values.yaml for the layout a version renders with, loaded only when a diff is shown. */
const LOADERS = {
  '1.0.7': () => import('../assets/chart-defaults/portkey-gateway-chart-1.0.7-values.yaml?raw'),
  '1.7.7': () => import('../assets/chart-defaults/portkey-gateway-chart-1.7.7-values.yaml?raw'),
} as const

export const loadChartDefaults = async (version: string): Promise<{ layout: string; text: string }> => {
  const layout = chartLayout(version)
  const mod = await LOADERS[layout]()
  return { layout, text: mod.default }
}
