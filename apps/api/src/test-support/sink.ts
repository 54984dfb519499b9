import { Writable } from 'node:stream'

/** A writable that keeps what it is given, for running the CLI in process. */
export const sink = () => {
  let text = ''
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += chunk
      done()
    },
  })
  return { stream, text: () => text }
}
