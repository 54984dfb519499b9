import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EXIT, type Io, UsageError } from './cli/io.js'
import { checkCommand } from './cli-check.js'
import { fullPeerConfig, motoUrl, peersDir, ports, requirePeers } from './test-support/peers.js'

let dir = ''
const capture = () => {
  const out = new PassThrough()
  const err = new PassThrough()
  let stdout = ''
  let stderr = ''
  out.on('data', (d) => {
    stdout += d
  })
  err.on('data', (d) => {
    stderr += d
  })
  return { out, err, text: () => ({ stdout, stderr }) }
}

const io = (c: ReturnType<typeof capture>, env: Record<string, string> = {}): Io => ({
  stdout: c.out,
  stderr: c.err,
  cwd: dir,
  env: {
    CHECKS_ALLOW_LOOPBACK: 'true',
    CHECKS_TIMEOUT_MS: '8000',
    CHECKS_ENDPOINT_OVERRIDES: JSON.stringify({ s3: motoUrl(), sts: motoUrl() }),
    CHECKS_CA_FILE: join(peersDir(), 'tls/ca.pem'),
    ...env,
  },
})

const check = (
  file: string,
  targets: string[] | undefined,
  c: ReturnType<typeof capture>,
  json = false,
  env = {},
) =>
  checkCommand.run({
    positionals: [file],
    // parseArgs hands a repeatable option over as an array, whatever Command's type says.
    values: (targets ? { target: targets } : {}) as Record<string, string | undefined>,
    json,
    io: io(c, env),
  })

beforeAll(async () => {
  await requirePeers({ registry: ports.registry.port, otlp: ports.otlp.port, moto: ports.moto.port })
  dir = mkdtempSync(join(tmpdir(), 'portkey-cli-check-'))
  writeFileSync(join(dir, 'good.json'), JSON.stringify(fullPeerConfig()))
  const bad = {
    ...fullPeerConfig(),
    registry: {
      mode: 'create',
      server: `http://127.0.0.1:${ports.registry.port}`,
      username: 'portkey',
      password: 'cli-wrong-pass-91',
    },
  }
  writeFileSync(join(dir, 'bad-password.json'), JSON.stringify(bad))
  writeFileSync(
    join(dir, 'invalid.json'),
    JSON.stringify({ ...fullPeerConfig(), logStore: { type: 'nope' } }),
  )
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('portkey-setup check', () => {
  it('exit 0 when the checks pass, one block per target', async () => {
    const c = capture()
    const code = await check('good.json', ['registry', 'otel,logStore'], c)
    const { stdout } = c.text()
    expect(code, stdout).toBe(EXIT.OK)
    expect(stdout).toMatch(/^ok\s+registry/m)
    expect(stdout).toMatch(/^ok\s+otel/m)
    expect(stdout).toMatch(/^ok\s+logStore \(s3_assume\)/m)
    expect(stdout).toContain('All 3 checks passed')
  })

  it('exit 1 when a check fails, with the hint and the field; the password is never printed', async () => {
    const c = capture()
    const code = await check('bad-password.json', ['registry'], c)
    const { stdout, stderr } = c.text()
    expect(code).toBe(1)
    expect(stdout).toMatch(/^FAIL\s+registry/m)
    expect(stdout).toContain('AUTH_FAILED')
    expect(stdout).toContain('[Image registry › Password or access token]')
    expect(stdout + stderr).not.toContain('cli-wrong-pass-91')
  })

  it('--json prints { results }', async () => {
    const c = capture()
    const code = await check('good.json', ['otel'], c, true)
    expect(code).toBe(0)
    const parsed = JSON.parse(c.text().stdout) as { results: { target: string; status: string }[] }
    expect(parsed.results).toEqual([expect.objectContaining({ target: 'otel', status: 'pass' })])
  })

  it('an invalid config exits 1 with its issues', async () => {
    const c = capture()
    const code = await check('invalid.json', undefined, c)
    expect(code).toBe(EXIT.INVALID)
    expect(c.text().stderr).toContain('Log store')
  })

  it('an unknown target is a usage error', async () => {
    await expect(check('good.json', ['mainframe'], capture())).rejects.toBeInstanceOf(UsageError)
  })

  it('the network policy comes from CHECKS_*: without CHECKS_ALLOW_LOOPBACK the peers are refused', async () => {
    const c = capture()
    const code = await check('good.json', ['otel'], c, false, { CHECKS_ALLOW_LOOPBACK: 'false' })
    expect(code).toBe(1)
    expect(c.text().stdout).toContain('TARGET_BLOCKED')
  })

  it('a bad CHECKS_* value is a usage error', async () => {
    await expect(
      check('good.json', ['otel'], capture(), false, { CHECKS_TIMEOUT_MS: 'soon' }),
    ).rejects.toBeInstanceOf(UsageError)
  })
})
