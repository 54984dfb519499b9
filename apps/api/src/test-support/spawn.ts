import { type ChildProcess, spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'

const SRC = fileURLToPath(new URL('..', import.meta.url))
// tsx's loader by absolute URL: a bare --import tsx would resolve from the child's cwd.
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href

export const CLI_ENTRY = `${SRC}test-support/run-cli.ts`
export const SERVER_ENTRY = `${SRC}server.ts`

export type Spawned = {
  child: ChildProcess
  stdout: () => string
  stderr: () => string
  /** Resolves with the first stdout+stderr match of the pattern. */
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<RegExpMatchArray>
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** Starts a TypeScript entry point with Node and tsx, without inheriting the test's env noise. */
export const spawnTs = (
  entry: string,
  args: string[] = [],
  { env = {}, cwd }: { env?: Record<string, string>; cwd?: string } = {},
): Spawned => {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, entry, ...args], {
    cwd: cwd ?? SRC,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  const waiters: { pattern: RegExp; resolve: (m: RegExpMatchArray) => void }[] = []
  const poke = () => {
    for (const w of [...waiters]) {
      const m = `${out}\n${err}`.match(w.pattern)
      if (m) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve(m)
      }
    }
  }
  child.stdout?.on('data', (d) => {
    out += d
    poke()
  })
  child.stderr?.on('data', (d) => {
    err += d
    poke()
  })
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    // 'close' rather than 'exit': it waits until stdout and stderr are fully read.
    child.on('close', (code, signal) => resolve({ code, signal })),
  )
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exit,
    waitFor: (pattern, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`timed out waiting for ${pattern}\nstdout: ${out}\nstderr: ${err}`)),
          timeoutMs,
        )
        waiters.push({
          pattern,
          resolve: (m) => {
            clearTimeout(timer)
            resolve(m)
          },
        })
        poke()
        exit.then(() => setTimeout(poke, 0))
      }),
  }
}

/** Runs the CLI to completion. */
export const runCli = async (args: string[], opts: { env?: Record<string, string>; cwd?: string } = {}) => {
  const p = spawnTs(CLI_ENTRY, args, opts)
  const { code } = await p.exit
  return { code, stdout: p.stdout(), stderr: p.stderr() }
}
