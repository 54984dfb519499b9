/** Reads a newline-delimited JSON stream, calling onItem for each complete line as soon as it arrives. */
export const readNdjson = async (
  body: ReadableStream<Uint8Array>,
  onItem: (item: unknown) => void,
): Promise<void> => {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffered = ''
  const flush = (line: string) => {
    const trimmed = line.trim()
    if (trimmed) onItem(JSON.parse(trimmed))
  }
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    buffered += decoder.decode(value, { stream: true })
    let newline = buffered.indexOf('\n')
    while (newline >= 0) {
      flush(buffered.slice(0, newline))
      buffered = buffered.slice(newline + 1)
      newline = buffered.indexOf('\n')
    }
  }
  flush(buffered + decoder.decode())
}
