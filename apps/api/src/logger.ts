import { type FastifyReply, type FastifyRequest, LogController } from 'fastify'
import { pino } from 'pino'
import type { LogLevel } from './config.js'

/**
 * The API's pino logger. Requests carry configs full of secrets, so a log line holds only the
 * method, the route pattern (never the URL: a query string can carry anything), the status and
 * the duration. Errors keep their type, code and stack frames but drop the message, which can
 * quote user input.
 */

type RequestLike = { method?: string; routeOptions?: { url?: string } }
type ReplyLike = { statusCode?: number }
type ErrorLike = { name?: unknown; code?: unknown; statusCode?: unknown; stack?: unknown }

const requestSerializer = (req: RequestLike) => ({
  method: req.method,
  route: req.routeOptions?.url ?? null,
})

const replySerializer = (res: ReplyLike) => ({ statusCode: res.statusCode })

/** Type, code and call sites of an error, without its message (first stack line). */
export const errorSerializer = (err: ErrorLike) => ({
  type: typeof err?.name === 'string' ? err.name : 'Error',
  code: typeof err?.code === 'string' ? err.code : undefined,
  statusCode: typeof err?.statusCode === 'number' ? err.statusCode : undefined,
  stack:
    typeof err?.stack === 'string'
      ? err.stack
          .split('\n')
          .filter((l) => /^\s+at /.test(l))
          .join('\n')
      : undefined,
})

export type LoggerOptions = { level: LogLevel; stream?: NodeJS.WritableStream | undefined }

type Destination = ReturnType<typeof pino.destination>

const atExit = new Set<() => void>()
// An exit leaves no turn to wait for: what the last turn logged is passed on and written synchronously.
const onExit = () => {
  for (const flush of atExit)
    try {
      flush()
    } catch {
      // Nothing can be done about a log line that cannot be written while the process ends.
    }
}

/**
 * Hands pino's asynchronous stdout destination the lines of one event-loop turn as one string.
 * Given each line on its own, the destination appends it to its pending text and measures that
 * text's UTF-8 length again on every write, which copies it: a few microseconds a line under load,
 * more than formatting the line. The destination still does the writing (partial writes, EAGAIN
 * on a full pipe) and the flushing.
 */
export const perTurnStream = (dest: Destination) => {
  let pending: string[] = []
  let scheduled = false
  const drain = () => {
    scheduled = false
    if (pending.length === 0) return
    const text = pending.length === 1 ? pending[0]! : pending.join('')
    pending = []
    dest.write(text)
  }
  if (atExit.size === 0) process.once('exit', onExit)
  atExit.add(() => {
    drain()
    dest.flushSync()
  })
  return {
    write(line: string) {
      pending.push(line)
      if (!scheduled) {
        scheduled = true
        setImmediate(drain)
      }
      return true
    },
    flush(cb: (err?: Error) => void) {
      drain()
      // The destination calls back once its write in progress ends, even when less than minLength
      // is still waiting behind it: that rest is written synchronously before the callback.
      dest.flush((err) => {
        if (err) return cb(err)
        try {
          dest.flushSync()
          cb()
        } catch (e) {
          cb(e as Error)
        }
      })
    },
    flushSync() {
      drain()
      dest.flushSync()
    },
  }
}

export const createLogger = ({ level, stream }: LoggerOptions) =>
  pino(
    {
      level,
      // pino's default epoch-millisecond "time": formatting an ISO date on every line costs more.
      // No pino redact: it costs microseconds on every line, and these serializers plus the
      // log controller below only ever emit fields chosen by name, never a request's data.
      serializers: { req: requestSerializer, res: replySerializer, err: errorSerializer },
    },
    // Buffered, asynchronous writes to stdout: one write per 4 KiB or per quarter second instead
    // of a blocking write per request line (that write cost more than the rest of the logging).
    // pino flushes what is left when the process exits; server.ts flushes on shutdown too.
    stream ?? perTurnStream(pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 250 })),
  )

/**
 * Fastify's internal log lines, rewritten: its defaults log the raw URL ("Route GET:/x?token=…
 * not found"), the request object and error messages, any of which can carry user input.
 * One line per request: method, route pattern, status and duration, tagged with the request id.
 */
export class SafeLogController extends LogController {
  constructor() {
    super({ requestIdLogLabel: 'reqId' })
  }

  override incomingRequest() {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    const line = {
      method: request.method,
      route: request.routeOptions.url ?? null,
      statusCode: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
    }
    if (error) reply.log.error({ ...line, err: error }, 'request errored')
    else reply.log.info(line, 'request completed')
  }

  override defaultErrorLog(error: Error, _request: FastifyRequest, reply: FastifyReply) {
    if (reply.statusCode >= 500) reply.log.error({ err: error }, 'request failed')
  }

  override routeNotFound() {}

  override writeHeadError(error: Error, _request: FastifyRequest, reply: FastifyReply) {
    reply.log.warn({ err: error }, 'could not write the response head')
  }
}
