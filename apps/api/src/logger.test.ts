import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pino } from 'pino'
import { describe, expect, it } from 'vitest'
import { perTurnStream } from './logger.js'

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'portkey-log-')), 'out.log')

/** The same buffered destination the server uses, writing to a file instead of stdout. */
const destinationFor = (file: string) =>
  pino.destination({ dest: file, sync: false, minLength: 4096, periodicFlush: 250, mkdir: true })

const waitForOpen = (dest: ReturnType<typeof pino.destination>) =>
  new Promise<void>((resolve) => dest.once('ready', () => resolve()))

describe('perTurnStream', () => {
  it('passes every line on, in order, and flush(cb) writes them out', async () => {
    const file = tempFile()
    const dest = destinationFor(file)
    await waitForOpen(dest)
    const stream = perTurnStream(dest)
    const log = pino({ base: null, timestamp: false }, stream)
    for (let i = 0; i < 500; i++) log.info({ i }, 'line')
    // Lines logged in a later turn join the same file after the first batch.
    await new Promise((resolve) => setImmediate(resolve))
    log.info({ i: 500 }, 'line')
    await new Promise<void>((resolve, reject) => stream.flush((err) => (err ? reject(err) : resolve())))
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines.map((l) => l.i)).toEqual(Array.from({ length: 501 }, (_, i) => i))
    expect(lines[0]).toEqual({ level: 30, i: 0, msg: 'line' })
  })

  it('flushSync writes what the current turn logged before it returns', async () => {
    const file = tempFile()
    const dest = destinationFor(file)
    await waitForOpen(dest)
    const stream = perTurnStream(dest)
    stream.write('{"a":1}\n')
    stream.write('{"a":2}\n')
    stream.flushSync()
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}\n{"a":2}\n')
  })
})
