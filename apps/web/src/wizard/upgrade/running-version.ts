import { CHART_VERSIONS, compareVersions } from '@portkey-setup/schema'
import { createContext, useContext } from 'react'
import type { VersionSource } from '../../lib/read-import'

/** The chart version that runs today, as the last import said or the user confirmed it. */
export type Running = {
  version: string
  source: VersionSource
  /** The imported values (held in memory only, never in the draft: they may hold secrets). */
  valuesText: string
}

export const RunningContext = createContext<Running | undefined>(undefined)

export const useRunning = () => useContext(RunningContext)

/** The releases after `from`, newest first: the upgrade targets. */
export const laterReleases = (from: string) => CHART_VERSIONS.filter((v) => compareVersions(v, from) > 0)

/** An upgrade is under way when the form's chart version is later than what runs. */
export const isUpgrade = (running: Running | undefined, version: unknown): running is Running =>
  !!running && typeof version === 'string' && compareVersions(version, running.version) > 0
