import { supports } from './capabilities.js'

/**
 * The chart's own default values files that portkey-setup ships (in ./values/, exported as
 * @portkey-setup/schema/chart-values/gateway-<version>.yaml): one from before environment.secretKeys
 * (1.3.1), one after. The wizard's values diff and the importer's tests read them.
 */
export const CHART_LAYOUTS = ['1.0.7', '1.7.7'] as const
export type ChartLayout = (typeof CHART_LAYOUTS)[number]

/** Which of those default files is closest to a release's. */
export const chartLayout = (version: string): ChartLayout =>
  supports(version, 'existingSecret') ? '1.7.7' : '1.0.7'
