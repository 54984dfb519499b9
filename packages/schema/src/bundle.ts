import JSZip from 'jszip'
import type { DeploymentConfig } from './config/index.js'
import { byPath, renderBundleFiles } from './render/index.js'
import type { BundleFile } from './render/types.js'

/**
 * Every entry carries this date, so the same files always give the same bytes. JSZip 3 writes the
 * DOS time from the UTC fields of the Date (getUTCHours...), so the bytes do not depend on the
 * time zone of the machine that zips; unzip shows 2020-01-01 00:00 everywhere.
 */
export const BUNDLE_DATE = new Date(Date.UTC(2020, 0, 1, 0, 0, 0))

// POSIX file-type bits: unzip restores permissions only from a complete st_mode.
const S_IFREG = 0o100000
const S_IFDIR = 0o040000

/** The folder every entry sits in, so unzipping never scatters files into the current directory. */
export const bundleRootDir = (config: DeploymentConfig) => `portkey-${config.chart.releaseName}-bundle`
export const bundleFileName = (config: DeploymentConfig) => `${bundleRootDir(config)}.zip`

const parentDirs = (path: string) => {
  const parts = path.split('/').slice(0, -1)
  return parts.map((_, i) => `${parts.slice(0, i + 1).join('/')}/`)
}

/**
 * Files -> zip bytes, deterministic: entries sorted by path, folders added explicitly (JSZip would
 * otherwise stamp them with the current time), fixed dates, UNIX permissions from each file's mode.
 */
export const zipFiles = async (files: BundleFile[], rootDir?: string): Promise<Uint8Array> => {
  const zip = new JSZip()
  const prefix = rootDir ? `${rootDir.replace(/\/+$/, '')}/` : ''
  const encoder = new TextEncoder()
  const dirs = new Set<string>()
  for (const file of [...files].sort(byPath)) {
    const path = `${prefix}${file.path}`
    for (const dir of parentDirs(path)) {
      if (dirs.has(dir)) continue
      dirs.add(dir)
      zip.file(dir, null, {
        dir: true,
        date: BUNDLE_DATE,
        unixPermissions: S_IFDIR | 0o755,
        createFolders: false,
      })
    }
    zip.file(path, encoder.encode(file.content), {
      binary: true,
      date: BUNDLE_DATE,
      unixPermissions: S_IFREG | (file.mode & 0o7777),
      createFolders: false,
    })
  }
  return zip.generateAsync({
    type: 'uint8array',
    platform: 'UNIX',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
  })
}

/** The bundle as zip bytes, identical for the same config. */
export const buildBundle = async (config: DeploymentConfig): Promise<Uint8Array> =>
  zipFiles(renderBundleFiles(config), bundleRootDir(config))
