import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../app.js'
import { defaultSettings, type Settings } from '../config.js'

/** Every log line the app writes, as text, so tests can prove what never reaches the log. */
export class LogCapture extends Writable {
  readonly lines: string[] = []
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void) {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean))
    done()
  }
  get text() {
    return this.lines.join('\n')
  }
  parsed() {
    return this.lines.map((l) => JSON.parse(l) as Record<string, unknown>)
  }
}

/** A directory that does not exist: the app then serves its "web app not built" page. */
export const NO_WEB_ROOT = '/nonexistent/portkey-setup-web-dist'

export type TestApp = { app: FastifyInstance; logs: LogCapture }

export const testApp = async (
  overrides: Partial<Settings> = {},
  opts: { webRoot?: string } = {},
): Promise<TestApp> => {
  const logs = new LogCapture()
  const app = await buildApp({
    settings: defaultSettings({ logLevel: 'info', ...overrides }),
    webRoot: opts.webRoot ?? NO_WEB_ROOT,
    logStream: logs,
  })
  return { app, logs }
}

/** The contract's error shape: { error: { code, message, requestId } }. */
export const isErrorShape = (body: unknown, requestId?: string) => {
  const e = (body as { error?: Record<string, unknown> })?.error
  return (
    !!e &&
    typeof e.code === 'string' &&
    /^[A-Z0-9_]+$/.test(e.code) &&
    typeof e.message === 'string' &&
    e.message.length > 0 &&
    typeof e.requestId === 'string' &&
    (requestId === undefined || e.requestId === requestId)
  )
}
