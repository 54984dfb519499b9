import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { shellQuote } from '../render/shell.js'

/**
 * Fake command-line tools for running the generated scripts without a cluster or an AWS account:
 * each stub records its argv and working directory, then answers from a list of rules.
 */
export type StubRule = {
  /** Matched against the arguments joined by spaces; `*` is the only wildcard, e.g. 'iam get-role *'. */
  match: string
  stdout?: string
  exit?: number
}
export type StubSpec = Record<string, StubRule[]>
export type StubCall = { cmd: string; cwd: string; args: string[] }
export type ScriptRun = {
  status: number | null
  stdout: string
  stderr: string
  calls: StubCall[]
  /** Contents of the last --from-env-file=PATH a stub was given (the script may delete the file). */
  envFile?: string
}

const casePattern = (glob: string) =>
  glob
    .split('*')
    .map((part) => (part ? shellQuote(part) : ''))
    .join('*') || "''"

const temps: string[] = []
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  temps.push(dir)
  return dir
}
/** Removes every directory the helpers made (call it in afterAll). */
export const cleanupTemp = () => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
}

const stubSource = (rules: StubRule[]) =>
  [
    '#!/bin/bash',
    // Both ends of a pipeline log at once: the lock keeps each record's writes together.
    'exec 9>>"$STUB_LOG.lock"; flock 9',
    `{ printf '%s\\0' "\${0##*/}" "$PWD" "$#"; [ $# -eq 0 ] || printf '%s\\0' "$@"; } >>"$STUB_LOG"`,
    'flock -u 9',
    'for a in "$@"; do',
    `  case "$a" in --from-env-file=*) cat -- "\${a#--from-env-file=}" >"$STUB_LOG.envfile" ;; esac`,
    'done',
    // A pipeline reader: drain stdin so the writer never sees a broken pipe.
    'case " $* " in *" -f - "*) cat >/dev/null ;; esac',
    'case "$*" in',
    ...rules.map(
      (r) =>
        `  ${casePattern(r.match)}) ${r.stdout === undefined ? '' : `printf '%s\\n' ${shellQuote(r.stdout)}; `}exit ${r.exit ?? 0} ;;`,
    ),
    'esac',
    'exit 0',
  ].join('\n')

/** Writes one stub per command into a fresh bin directory. */
export const makeStubBin = (spec: StubSpec): string => {
  const bin = tempDir('pk-stub-bin-')
  for (const [cmd, rules] of Object.entries(spec))
    writeFileSync(join(bin, cmd), `${stubSource(rules)}\n`, { mode: 0o755 })
  return bin
}

export const parseCalls = (log: string): StubCall[] => {
  const fields = log.split('\0')
  const calls: StubCall[] = []
  let i = 0
  while (i < fields.length - 1) {
    const cmd = fields[i++] ?? ''
    const cwd = fields[i++] ?? ''
    const n = Number(fields[i++])
    calls.push({ cmd, cwd, args: fields.slice(i, i + n) })
    i += n
  }
  return calls
}

/**
 * Runs a script with only the stubs and the basic system tools on PATH (/usr/bin:/bin), from an
 * unrelated working directory, so the script's own `cd` is exercised too.
 */
export const runScript = (
  script: string,
  stubs: StubSpec,
  opts: { args?: string[]; env?: Record<string, string> } = {},
): ScriptRun => {
  const bin = makeStubBin(stubs)
  const log = join(bin, 'calls.log')
  writeFileSync(log, '')
  const r = spawnSync('bash', [script, ...(opts.args ?? [])], {
    cwd: tmpdir(),
    encoding: 'utf8',
    env: { PATH: `${bin}:/usr/bin:/bin`, HOME: bin, STUB_LOG: log, ...opts.env },
    timeout: 20_000,
  })
  const envFile = existsSync(`${log}.envfile`) ? readFileSync(`${log}.envfile`, 'utf8') : undefined
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    calls: parseCalls(readFileSync(log, 'utf8')),
    ...(envFile === undefined ? {} : { envFile }),
  }
}

/** Writes bundle files under a fresh directory, keeping their modes; returns the directory. */
export { tempDir }

export const writeFiles = (files: { path: string; content: string; mode: number }[]): string => {
  const dir = tempDir('pk-bundle-')
  for (const f of files) {
    const p = join(dir, f.path)
    mkdirSync(dirname(p), { recursive: true })
    writeFileSync(p, f.content, { mode: f.mode })
  }
  return dir
}

/** Only the calls of one command, as argv arrays. */
export const argvOf = (run: ScriptRun, cmd: string) =>
  run.calls.filter((c) => c.cmd === cmd).map((c) => c.args)
