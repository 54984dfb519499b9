import { readFile } from 'node:fs/promises'
import type { Download } from '@playwright/test'
import JSZip from 'jszip'
import { parse } from 'yaml'
import { expect } from './fixtures.js'

/** A downloaded bundle, unzipped: paths relative to its root folder, with their text and mode. */
export type Bundle = {
  fileName: string
  rootDir: string
  files: Map<string, { text: string; mode: number }>
  values: Record<string, unknown>
  /** values.yaml → environment.data */
  /** environment.data entries with a value. */
  env: Record<string, unknown>
  /** Keys written as null: an empty value the chart keeps, or a chart default removed. */
  nullEnv: string[]
}

/** Saves the download, unzips it with jszip and parses values.yaml with `yaml`. */
export const readBundle = async (download: Download): Promise<Bundle> => {
  const fileName = download.suggestedFilename()
  const bytes = await readFile(await download.path())
  const zip = await JSZip.loadAsync(bytes)
  const rootDir = fileName.replace(/\.zip$/, '')
  const files = new Map<string, { text: string; mode: number }>()
  for (const entry of Object.values(zip.files)) {
    expect(entry.name.startsWith(`${rootDir}/`), `${entry.name} sits in ${rootDir}/`).toBe(true)
    if (entry.dir) continue
    const mode = typeof entry.unixPermissions === 'number' ? entry.unixPermissions & 0o777 : -1
    files.set(entry.name.slice(rootDir.length + 1), { text: await entry.async('string'), mode })
  }
  const valuesYaml = files.get('values.yaml')?.text
  expect(valuesYaml, 'the bundle has a values.yaml').toBeDefined()
  const values = parse(valuesYaml ?? '') as Record<string, unknown>
  const environment = values.environment as { data?: Record<string, unknown> } | undefined
  const data = environment?.data ?? {}
  const env = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null))
  const nullEnv = Object.keys(data).filter((k) => data[k] === null)
  return { fileName, rootDir, files, values, env, nullEnv }
}

export const text = (bundle: Bundle, path: string): string => {
  const file = bundle.files.get(path)
  if (!file) throw new Error(`${path} is not in the bundle (it has ${[...bundle.files.keys()].join(', ')})`)
  return file.text
}

/**
 * What every bundle must satisfy: install/uninstall scripts present and executable (0755), every
 * other script too, and no secret the user typed in any script, IAM document or README.
 */
export const expectSafeScripts = (bundle: Bundle, secrets: readonly string[]) => {
  const paths = [...bundle.files.keys()]
  expect(paths).toEqual(
    expect.arrayContaining(['values.yaml', 'README.md', 'scripts/install.sh', 'scripts/uninstall.sh']),
  )
  for (const [path, file] of bundle.files) {
    if (path.startsWith('scripts/')) {
      expect(file.mode.toString(8), `${path} is executable`).toBe('755')
      expect(file.text.startsWith('#!'), `${path} starts with a shebang`).toBe(true)
    } else if (path === 'secrets.env') {
      expect(file.mode.toString(8), 'secrets.env is readable by its owner only').toBe('600')
    } else {
      expect(file.mode.toString(8), `${path} is a plain file`).toBe('644')
    }
    if (path === 'values.yaml' || path === 'secrets.env') continue
    for (const secret of secrets) expect(file.text, `${path} must not contain a secret`).not.toContain(secret)
  }
}
