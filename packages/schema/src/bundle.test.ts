import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { BUNDLE_DATE, buildBundle, bundleFileName, bundleRootDir, zipFiles } from './bundle.js'
import { fixtures } from './fixtures/index.js'
import { iamPolicyFiles } from './render/iam-files.js'
import { scriptFiles, secretFiles } from './render/scripts.js'
import type { BundleFile } from './render/types.js'
import { fixtureConfig, fixtureConfigs } from './test-support/fixture-configs.js'

const config = fixtureConfig('secrets-existing')
const files: BundleFile[] = [...scriptFiles(config), ...iamPolicyFiles(config), ...secretFiles(config)]
const root = bundleRootDir(config)

/** Zips in a separate Node process whose TZ really is `tz`. */
const zipInZone = async (tz: string, names: string[]) => {
  const child = fileURLToPath(new URL('./test-support/zip-child.ts', import.meta.url))
  const r = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, ...names], {
    encoding: 'utf8',
    maxBuffer: 16 << 20,
    env: { ...process.env, TZ: tz },
  })
  expect(r.stderr).toBe('')
  return JSON.parse(r.stdout) as Record<string, string>
}

/** Central directory entries: name, "version made by" host, compression method (from the EOCD record). */
const centralDirectory = (bytes: Uint8Array) => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const eocd = bytes.length - 22
  expect(view.getUint32(eocd, true)).toBe(0x06054b50)
  const count = view.getUint16(eocd + 10, true)
  let at = view.getUint32(eocd + 16, true)
  const out: { name: string; host: number; method: number }[] = []
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50)
    const nameLength = view.getUint16(at + 28, true)
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength))
    out.push({ name, host: view.getUint16(at + 4, true) >> 8, method: view.getUint16(at + 10, true) })
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return out
}

describe('zipFiles', () => {
  it('gives the same bytes every time, whatever the input order', async () => {
    const a = await zipFiles(files, root)
    const b = await zipFiles([...files].reverse(), root)
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true)
  })

  it('puts every file under one folder with its mode, content and the fixed date', async () => {
    const zip = await JSZip.loadAsync(await zipFiles(files, root))
    const entries = Object.values(zip.files)
    const names = entries.map((e) => e.name)
    expect(names).toEqual([
      `${root}/`,
      `${root}/iam/`,
      `${root}/iam/s3-log-access-policy.json`,
      `${root}/scripts/`,
      `${root}/scripts/create-secret.sh`,
      `${root}/scripts/export-values.sh`,
      `${root}/scripts/iam-s3-user.sh`,
      `${root}/scripts/install.sh`,
      `${root}/scripts/port-forward.sh`,
      `${root}/scripts/uninstall.sh`,
      `${root}/scripts/upgrade.sh`,
      `${root}/secrets.env`,
    ])
    for (const entry of entries) {
      expect(entry.date.getTime(), entry.name).toBe(BUNDLE_DATE.getTime())
      const mode = Number(entry.unixPermissions)
      if (entry.dir) {
        expect(mode).toBe(0o40755)
        continue
      }
      const file = files.find((f) => `${root}/${f.path}` === entry.name)
      expect(mode, entry.name).toBe(0o100000 | (file?.mode ?? -1))
      expect(await entry.async('string')).toBe(file?.content)
    }
    const modes = Object.fromEntries(
      entries.map((e) => [e.name.slice(root.length + 1), Number(e.unixPermissions) & 0o777]),
    )
    expect(modes['scripts/install.sh']).toBe(0o755)
    expect(modes['secrets.env']).toBe(0o600)
    expect(modes['iam/s3-log-access-policy.json']).toBe(0o644)
  })

  it('compresses files with DEFLATE and marks every entry as made on UNIX', async () => {
    const entries = centralDirectory(await zipFiles(files, root))
    expect(entries).toHaveLength(12)
    for (const e of entries) {
      expect(e.host, e.name).toBe(3)
      expect(e.method, e.name).toBe(e.name.endsWith('/') ? 0 : 8)
    }
  })
})

describe('buildBundle', () => {
  it('zips the whole bundle under portkey-<release>-bundle/, byte-identical across builds and time zones', async () => {
    const names = Object.keys(fixtures)
    const [utc, tokyo] = await Promise.all([zipInZone('UTC', names), zipInZone('Asia/Tokyo', names)])
    expect(utc.offset).toBe('0')
    expect(tokyo.offset).toBe('-540')
    for (const [name, c] of fixtureConfigs()) {
      const here = Buffer.from(await buildBundle(c)).toString('base64')
      expect(utc[name], name).toBe(here)
      expect(tokyo[name], name).toBe(here)
    }
    const legacy = fixtureConfig('chart-1.0.7-mongo-vault')
    expect(bundleFileName(legacy)).toBe('portkey-gateway-legacy-bundle.zip')
    const zip = await JSZip.loadAsync(await buildBundle(legacy))
    expect(Object.keys(zip.files).every((n) => n.startsWith('portkey-gateway-legacy-bundle/'))).toBe(true)
    expect(zip.file('portkey-gateway-legacy-bundle/README.md')).not.toBeNull()
  })
})
