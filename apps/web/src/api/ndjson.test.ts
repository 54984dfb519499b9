import { describe, expect, it } from 'vitest'
import { readNdjson } from './ndjson'

const streamOf = (chunks: string[]) => {
  const encoder = new TextEncoder()
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c))
      controller.close()
    },
  })
}

describe('readNdjson', () => {
  it('yields each line once complete, across chunk boundaries and multi-byte characters', async () => {
    const items: unknown[] = []
    const euro = new TextEncoder().encode('{"m":"€"}\n')
    const split = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(euro.slice(0, 7)) // cuts the € in half
        controller.enqueue(euro.slice(7))
        controller.close()
      },
    })
    await readNdjson(split, (i) => items.push(i))
    await readNdjson(streamOf(['{"a":', '1}\n{"b":2}\n\n', '{"c":3}']), (i) => items.push(i))
    expect(items).toEqual([{ m: '€' }, { a: 1 }, { b: 2 }, { c: 3 }])
  })

  it('rejects a line that is not JSON', async () => {
    await expect(readNdjson(streamOf(['{"a":1}\nnot json\n']), () => undefined)).rejects.toThrow()
  })
})
