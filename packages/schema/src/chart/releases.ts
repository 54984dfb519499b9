/**
 * Every released version of the portkey-ai/gateway chart, newest first, with what the product needs
 * to know of each. This list is the only place that says which versions exist: the chart-version
 * field, the wizard's picker, the scripts, the guides and the importer all read it.
 */
export type ChartRelease = {
  version: string
  /** Day the chart was first published. */
  date: string
  appVersion: string
  /** The gateway image tag the chart deploys by default (images.gatewayImage.tag). */
  gatewayImageTag: string
  /** The data service image tag it deploys by default (images.dataserviceImage.tag). */
  dataServiceImageTag: string
}

const row = (
  version: string,
  date: string,
  appVersion: string,
  gatewayImageTag: string,
  dataServiceImageTag: string,
): ChartRelease => ({ version, date, appVersion, gatewayImageTag, dataServiceImageTag })

export const CHART_RELEASES: readonly ChartRelease[] = [
  row('1.7.7', '2026-07-20', '2.13.0', '2.13.0', '1.9.0'),
  row('1.7.6', '2026-06-24', '2.11.1', '2.11.1', '1.8.0'),
  row('1.7.5', '2026-06-03', '2.9.0', '2.9.0', '1.8.0'),
  row('1.7.4', '2026-05-15', '2.7.1', '2.7.1', '1.7.0'),
  row('1.7.3', '2026-05-12', '2.7.1', '2.7.1', '1.7.0'),
  row('1.7.2', '2026-04-14', '2.5.1', '2.5.1', '1.5.2'),
  row('1.7.1', '2026-04-14', '2.5.1', '2.5.1', '1.5.2'),
  row('1.7.0', '2026-04-06', '2.5.1', '2.5.1', '1.5.2'),
  row('1.6.4', '2026-03-18', '2.4.0', '2.1.0', '1.5.0'),
  row('1.6.3', '2026-02-24', '2.2.3', '2.1.0', '1.5.0'),
  row('1.6.2', '2026-02-20', '2.2.3', '2.1.0', '1.5.0'),
  row('1.6.1', '2026-02-04', '2.1.0', '2.1.0', '1.5.0'),
  row('1.6.0', '2026-01-27', '1.17.15', '1.17.1', '1.4.1'),
  row('1.5.1', '2026-01-26', '1.17.15', '1.17.1', '1.4.1'),
  row('1.5.0', '2026-01-19', '1.17.13', '1.17.1', '1.4.1'),
  row('1.4.1', '2026-01-12', '1.17.10', '1.17.1', '1.4.1'),
  row('1.4.0', '2025-12-24', '1.17.10', '1.17.1', '1.4.1'),
  row('1.3.3', '2025-11-21', '1.17.1', '1.17.1', '1.4.1'),
  row('1.3.2', '2025-11-20', '1.17.1', '1.17.1', '1.4.1'),
  row('1.3.1', '2025-11-20', '1.17.1', '1.17.1', '1.4.1'),
  row('1.3.0', '2025-10-28', '1.16.2', '1.16.2', '1.3.0'),
  row('1.2.0', '2025-10-16', '1.15.8', '1.15.8', '1.2.8'),
  row('1.1.7', '2025-10-07', '1.15.8', '1.15.8', '1.2.8'),
  row('1.1.6', '2025-10-07', '1.15.8', '1.15.8', '1.2.8'),
  row('1.1.5', '2025-09-26', '1.15.3', '1.15.3', '1.2.7'),
  row('1.1.4', '2025-07-15', '1.12.2', '1.12.2', '1.2.5'),
  row('1.1.3', '2025-07-14', '1.12.2', '1.12.2', '1.2.5'),
  row('1.1.2', '2025-06-27', '1.11.6', '1.11.6', '1.2.4'),
  row('1.1.1', '2025-06-19', '1.11.5', '1.11.5', '1.2.4'),
  row('1.1.0', '2025-06-18', '1.11.4', '1.11.4', '1.2.4'),
  row('1.0.7', '2025-04-25', '1.0.7', '1.10.20', '1.1.10'),
  row('1.0.6', '2025-02-28', '1.0.6', '1.10.0', '1.0.6'),
  row('1.0.5', '2025-02-21', '1.0.5', '1.10.0', '1.0.6'),
  row('1.0.4', '2025-02-17', '1.0.4', '1.10.0', '1.0.6'),
  row('1.0.3', '2025-01-30', '1.0.3', '1.10.0', '1.0.6'),
]

export const CHART_VERSIONS = CHART_RELEASES.map((r) => r.version) as [string, ...string[]]
export const LATEST_CHART_VERSION = CHART_VERSIONS[0]

export const chartRelease = (version: string): ChartRelease | undefined =>
  CHART_RELEASES.find((r) => r.version === version)

/** -1, 0 or 1, comparing dotted numeric versions. */
export const compareVersions = (a: string, b: string): number => {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return Math.sign(d)
  }
  return 0
}

export const atLeast = (version: string, min: string) => compareVersions(version, min) >= 0
