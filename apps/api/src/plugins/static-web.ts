import { existsSync } from 'node:fs'
import { join } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { requiresAuth, type TokenMatcher, unauthorized } from './auth.js'
import { sendNotFound } from './errors.js'

export type StaticWebOptions = {
  /** apps/web/dist: the built wizard. */
  root: string
  /** When set, unknown /api paths answer 401 to callers without a token, like known ones. */
  match?: TokenMatcher | undefined
}

const pathOf = (url: string) => url.split('?', 1)[0]!

/** A browser navigating to a wizard URL (e.g. /?step=cache after a reload) gets the SPA shell. */
const wantsSpaShell = (request: FastifyRequest) => {
  const path = pathOf(request.url)
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    path !== '/api' &&
    !path.startsWith('/api/') &&
    (request.headers.accept ?? '').includes('text/html')
  )
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>portkey-setup: web app not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>The wizard is not built yet</h1>
<p>The API is running, but <code>apps/web/dist</code> does not exist, so there is no wizard to show.</p>
<p>Build it with <code>npm run build</code> (or start everything with <code>npm start</code>) from the repository root, then reload this page.</p>
<p>The API itself works: see <a href="/api/docs">/api/docs</a>.</p>
</body></html>
`

export const staticWebPlugin = fp<StaticWebOptions>(
  async (app, { root, match }) => {
    const built = existsSync(join(root, 'index.html'))
    if (built) {
      await app.register(fastifyStatic, {
        root,
        prefix: '/',
        wildcard: true,
        index: ['index.html'],
        cacheControl: false,
        dotfiles: 'ignore',
        // apps/web's build writes a .gz beside each asset; gzip-accepting browsers get those.
        preCompressed: true,
        setHeaders: (reply, filePath) => {
          // Vite puts content hashes in asset names, so they never change; index.html always may.
          reply.header(
            'cache-control',
            filePath.includes(`${join(root, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
          )
        },
      })
    }

    app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
      const path = pathOf(request.url)
      if (match && requiresAuth(path) && match(request.headers.authorization) < 0) {
        reply.header('www-authenticate', 'Bearer')
        throw unauthorized()
      }
      if (wantsSpaShell(request)) {
        if (built) return reply.header('cache-control', 'no-cache').sendFile('index.html')
        return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(NOT_BUILT_PAGE)
      }
      return sendNotFound(request, reply)
    })
  },
  { name: 'portkey-static-web' },
)
