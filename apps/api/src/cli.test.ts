import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  buildBundle,
  configJsonSchema,
  importValues,
  renderBundleFiles,
  validateConfig,
} from '@portkey-setup/schema'
import { fixtures, SENTINEL } from '@portkey-setup/schema/fixtures'
import { afterAll, describe, expect, it } from 'vitest'
import YAML from 'yaml'
import { main } from './cli.js'
import { sink } from './test-support/sink.js'
import { CLI_ENTRY, runCli, spawnTs } from './test-support/spawn.js'

const dir = mkdtempSync(join(tmpdir(), 'portkey-cli-'))
const file = (name: string, content: string) => {
  writeFileSync(join(dir, name), content)
  return name
}
/** As a subprocess, for the exit codes a shell sees. */
const cli = (...args: string[]) => runCli(args, { cwd: dir })

/** In process (same code path, no process start-up), for the finer points of the output. */
const inProcess = async (...args: string[]) => {
  const out = sink()
  const err = sink()
  const code = await main(args, { stdout: out.stream, stderr: err.stream, cwd: dir, env: {} })
  return { code, stdout: out.text(), stderr: err.text() }
}

const valid = (input: unknown) => {
  const r = validateConfig(input)
  if (!r.valid) throw new Error('fixture is invalid')
  return r.config
}

const GOOD = file('good.json', JSON.stringify(fixtures.s3))
const GOOD_YAML = file('good.yaml', YAML.stringify(fixtures['azure-entra']))
const BAD = file(
  'bad.json',
  JSON.stringify({ ...fixtures.s3, logStore: { ...fixtures.s3.logStore, bucket: 'Bad..Bucket' } }),
)
const BROKEN = file('broken.json', `{"registry": {"password": "${SENTINEL}-broken" `)
const BROKEN_YAML = file('broken.yaml', `registry:\n  password: ${SENTINEL}-y: [\n`)
const valuesText = renderBundleFiles(valid(fixtures['analytics-clickhouse'])).find(
  (f) => f.path === 'values.yaml',
)!.content
const VALUES = file('values.yaml', valuesText)
const BAD_VALUES = file('bad-values.yaml', `environment:\n  data:\n    X: "${SENTINEL}-v\n  - [\n`)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe.concurrent('portkey-setup as a subprocess: each command and each exit code', () => {
  it('--help exits 0 and lists every command', async () => {
    const r = await cli('--help')
    expect(r.code).toBe(0)
    for (const c of ['validate', 'render', 'bundle', 'import', 'schema', 'charts', 'serve'])
      expect(r.stdout).toContain(c)
  })

  it('no command exits 2 with help on stderr', async () => {
    const r = await cli()
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('Usage: portkey-setup <command>')
  })

  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['validate', GOOD, '--frobnicate'], /Unknown option '--frobnicate'/],
  ])('%j exits 2', async (args, message) => {
    const r = await cli(...args)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
  })

  it('validate: 0 valid, 1 invalid (path: message), 2 unparseable', async () => {
    const [ok, bad, broken] = await Promise.all([
      cli('validate', GOOD),
      cli('validate', BAD),
      cli('validate', BROKEN),
    ])
    expect(ok.code).toBe(0)
    expect(ok.stdout).toContain('good.json is valid.')
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/^Log store › Bucket: .+/m)
    expect(broken.code).toBe(2)
    expect(broken.stderr).toMatch(/broken\.json is not valid JSON/)
    expect(broken.stderr).not.toContain(SENTINEL)
  })

  it('render: 0 with --file, 1 invalid, 2 missing file', async () => {
    const [one, bad, missing] = await Promise.all([
      cli('render', GOOD, '--file', 'values.yaml'),
      cli('render', BAD),
      cli('render', 'missing.json'),
    ])
    expect(one.code).toBe(0)
    const expected = renderBundleFiles(valid(fixtures.s3)).find((f) => f.path === 'values.yaml')!.content
    expect(one.stdout.trimEnd()).toBe(expected.trimEnd())
    expect(bad.code).toBe(1)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/cannot read missing\.json: no such file/)
  })

  it('bundle: 0 writes exactly the bundle, 1 invalid, 2 unwritable output', async () => {
    const [ok, bad, unwritable] = await Promise.all([
      cli('bundle', GOOD, '-o', 'out.zip'),
      cli('bundle', BAD, '-o', 'never.zip'),
      cli('bundle', GOOD, '-o', 'no/such/dir/out.zip'),
    ])
    expect(ok.code).toBe(0)
    expect(ok.stdout).toMatch(/Wrote out\.zip \(\d+ files, [\d.]+ KiB\)/)
    const expected = await buildBundle(valid(fixtures.s3))
    expect(Buffer.compare(readFileSync(join(dir, 'out.zip')), Buffer.from(expected))).toBe(0)
    expect(bad.code).toBe(1)
    expect(() => readFileSync(join(dir, 'never.zip'))).toThrow()
    expect(unwritable.code).toBe(2)
    expect(unwritable.stderr).toMatch(/cannot write no\/such\/dir\/out\.zip/)
  })

  it('import: 0 prints the config, 2 for text that does not parse (unquoted)', async () => {
    const [ok, bad] = await Promise.all([cli('import', VALUES), cli('import', BAD_VALUES)])
    expect(ok.code).toBe(0)
    expect(JSON.parse(ok.stdout)).toEqual(JSON.parse(JSON.stringify(importValues(valuesText).config)))
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/cannot be read as a values\.yaml/)
    expect(bad.stderr + bad.stdout).not.toContain(SENTINEL)
  })

  it('schema: 0 prints the JSON Schema', async () => {
    const r = await cli('schema')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual(configJsonSchema())
  })

  it('charts: 0 lists the released versions, as text and as JSON', async () => {
    const text = await cli('charts')
    expect(text.code).toBe(0)
    expect(text.stdout.split('\n')[0]).toBe('1.7.7  2026-07-20  gateway 2.13.0  (newest, default)')
    expect(text.stdout).toContain('1.0.5  2025-02-21  gateway 1.10.0\n    lacks: ')
    const json = await cli('charts', '--json')
    const body = JSON.parse(json.stdout) as { latest: string; releases: { version: string }[] }
    expect(body.latest).toBe('1.7.7')
    expect(body.releases).toHaveLength(35)
  })

  it('serve: starts on the given port, answers, and exits 0 on SIGTERM', async () => {
    const p = spawnTs(CLI_ENTRY, ['serve', '--port', '0'], { cwd: dir, env: { LOG_LEVEL: 'warn' } })
    const [, url] = await p.waitFor(/running at (http:\/\/127\.0\.0\.1:\d+)/)
    expect((await fetch(`${url}/api/health`)).status).toBe(200)
    p.child.kill('SIGTERM')
    expect((await p.exit).code).toBe(0)
  })

  it('serve: exits 1 on a non-loopback host without tokens, saying why', async () => {
    const r = await cli('serve', '--host', '0.0.0.0', '--port', '0')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/API_TOKENS/)
  })
})

describe('portkey-setup output in detail (in process)', () => {
  it('prints command help and the version', async () => {
    const help = await inProcess('render', '--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('--file')
    expect((await inProcess('help', 'bundle')).stdout).toContain('--output')
    const v = await inProcess('--version')
    expect(v.code).toBe(0)
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
  })

  it.each([
    [['validate'], /validate needs a file/],
    [['validate', GOOD, GOOD], /unexpected argument/],
    [['validate', 'missing.json'], /cannot read missing\.json: no such file/],
    [['validate', '.'], /cannot read \.: it is a directory/],
    [['schema', 'extra'], /unexpected argument "extra"/],
    [['render', GOOD, '--file'], /argument missing/],
  ])('usage error %j exits 2', async (args, message) => {
    const r = await inProcess(...args)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(r.stdout).toBe('')
  })

  it('reports usage errors as JSON with --json', async () => {
    const r = await inProcess('validate', 'missing.json', '--json')
    expect(r.code).toBe(2)
    expect(JSON.parse(r.stdout)).toEqual({
      error: { code: 'USAGE', message: expect.stringMatching(/no such file/) },
    })
  })

  it('does not quote a YAML file that does not parse', async () => {
    const r = await inProcess('validate', BROKEN_YAML)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/broken\.yaml is not valid YAML: .*line/)
    expect(r.stderr).not.toContain(SENTINEL)
  })

  it('validate lists warnings, reads YAML, and prints every issue as label: message', async () => {
    const ok = await inProcess('validate', GOOD)
    expect(ok.stdout).toContain('Secrets delivery: Secrets are written into values.yaml')
    expect((await inProcess('validate', GOOD_YAML)).code).toBe(0)
    const bad = await inProcess('validate', BAD)
    const expected = validateConfig(JSON.parse(readFileSync(join(dir, BAD), 'utf8')))
    if (expected.valid) throw new Error('expected invalid')
    expect(bad.stderr).toBe(
      `bad.json is not valid (1 problem):\nLog store › Bucket: ${expected.issues[0]!.message}\n`,
    )
  })

  it('validate --json prints the contract shape', async () => {
    const ok = await inProcess('validate', GOOD, '--json')
    expect(JSON.parse(ok.stdout)).toEqual({ valid: true, warnings: expect.any(Array) })
    const bad = await inProcess('validate', BAD, '--json')
    expect(bad.code).toBe(1)
    expect(JSON.parse(bad.stdout)).toMatchObject({ valid: false, issues: [{ path: ['logStore', 'bucket'] }] })
  })

  it('render prints every file with a header, or JSON', async () => {
    const all = await inProcess('render', GOOD)
    expect(all.code).toBe(0)
    const files = renderBundleFiles(valid(fixtures.s3))
    for (const f of files)
      expect(all.stdout).toContain(`==> ${f.path} (mode 0${f.mode.toString(8)}) <==\n${f.content}`)
    expect(JSON.parse((await inProcess('render', GOOD, '--json')).stdout)).toEqual({ files })
  })

  it('render --file names the files the bundle has when one is missing', async () => {
    const r = await inProcess('render', GOOD, '--file', 'nope.txt')
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/no file "nope\.txt".*values\.yaml/)
  })

  it('bundle names the zip after the release by default and reports JSON', async () => {
    const r = await inProcess('bundle', GOOD_YAML, '--json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({
      output: 'portkey-portkey-ai-bundle.zip',
      bytes: expect.any(Number),
    })
    expect(readFileSync(join(dir, 'portkey-portkey-ai-bundle.zip')).subarray(0, 2).toString()).toBe('PK')
  })

  it('import prints warnings on stderr, or everything as JSON', async () => {
    const expected = importValues(valuesText)
    const r = await inProcess('import', VALUES)
    for (const w of expected.warnings) expect(r.stderr).toContain(w.message)
    const json = await inProcess('import', VALUES, '--json')
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(expected)))
    expect((await inProcess('import', 'nope.yaml')).code).toBe(2)
  })
})
