import { realpathSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import closeWithGrace from 'close-with-grace'
import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import { buildApp } from './app.js'
import { parseSettings } from './config.js'

/** How long in-flight requests get to finish after SIGTERM/SIGINT before the process gives up. */
const SHUTDOWN_GRACE_MS = 30_000
/** close-with-grace would close on these too; here they keep Node's own behaviour. */
const NOT_GRACEFUL: closeWithGrace.AllEvents[] = [
  'SIGHUP',
  'SIGQUIT',
  'SIGILL',
  'SIGTRAP',
  'SIGABRT',
  'SIGBUS',
  'SIGFPE',
  'SIGSEGV',
  'SIGUSR2',
  'uncaughtException',
  'unhandledRejection',
  'beforeExit',
]

export type StartOptions = {
  env?: Record<string, string | undefined>
  out?: NodeJS.WritableStream
  err?: NodeJS.WritableStream
}

const urlFor = (host: string, port: number) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`

/**
 * Boots the server: settings from the environment, the app, listen, and a graceful close on
 * SIGTERM/SIGINT (the listener stops, in-flight requests finish, then exit 0).
 * Returns undefined when it refused to start; the exit code is already set.
 */
export const startServer = async ({
  env = process.env,
  out = process.stdout,
  err = process.stderr,
}: StartOptions = {}): Promise<FastifyInstance | undefined> => {
  const parsed = parseSettings(env)
  if (!parsed.ok) {
    err.write(
      `portkey-setup: not starting, the configuration is invalid:\n${parsed.errors.map((e) => `  - ${e}\n`).join('')}`,
    )
    process.exitCode = 1
    return undefined
  }
  const { settings } = parsed
  const app = await buildApp({ settings })
  try {
    await app.listen({ port: settings.port, host: settings.host })
  } catch (e) {
    const code = (e as { code?: string }).code
    err.write(
      code === 'EADDRINUSE'
        ? `portkey-setup: port ${settings.port} on ${settings.host} is already in use: stop the other process or set PORT.\n`
        : `portkey-setup: could not listen on ${settings.host}:${settings.port} (${code ?? 'error'}).\n`,
    )
    await app.close()
    process.exitCode = 1
    return undefined
  }

  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : settings.port
  out.write(`portkey-setup is running at ${urlFor(settings.host, port)}\n`)

  // The first SIGTERM/SIGINT closes gracefully (the listener stops, in-flight requests finish,
  // then exit 0); a second one, or the grace running out, exits 1 at once.
  closeWithGrace(
    {
      delay: SHUTDOWN_GRACE_MS,
      skip: NOT_GRACEFUL,
      logger: false,
      onSecondSignal: () => {},
      onTimeout: () => err.write('portkey-setup: requests did not finish in time; exiting anyway.\n'),
    },
    async ({ signal }) => {
      app.log.info({ signal }, 'shutting down: waiting for in-flight requests')
      // A kept-alive socket goes idle once its last response is out; close it then, or close()
      // would wait for the keep-alive timeout.
      setInterval(() => app.server.closeIdleConnections(), 100).unref()
      try {
        await app.close()
      } finally {
        // The logger writes asynchronously: flush its last lines before leaving.
        const log = app.log as FastifyBaseLogger & { flush?: (cb: () => void) => void }
        await new Promise<void>((resolve) => (log.flush ? log.flush(() => resolve()) : resolve()))
      }
    },
  )
  return app
}

const isMain = () => {
  try {
    return (
      process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href
    )
  } catch {
    return false
  }
}

if (isMain()) await startServer()
