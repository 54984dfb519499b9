import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type Recorded = { method: string; url: string; headers: IncomingMessage['headers']; body: unknown }
type Handler = (req: Recorded, res: ServerResponse) => void | Promise<void>

/**
 * A real HTTP server on 127.0.0.1 that answers like the portkey-setup API for the routes a test
 * needs (the API itself is tested in apps/api). It records each request so a test can check what
 * the browser sent.
 */
export const startApiServer = async (handler: Handler) => {
  const requests: Recorded[] = []
  const server = createServer((req, res) => {
    let raw = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => {
      raw += chunk
    })
    req.on('end', () => {
      const recorded: Recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: raw ? JSON.parse(raw) : undefined,
      }
      requests.push(recorded)
      void handler(recorded, res)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Writes NDJSON lines one by one, with a pause between them, like a streaming /api/checks. */
export const streamLines = async (res: ServerResponse, items: unknown[], pauseMs = 20) => {
  res.writeHead(200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' })
  for (const item of items) {
    res.write(`${JSON.stringify(item)}\n`)
    await new Promise((r) => setTimeout(r, pauseMs))
  }
  res.end()
}
