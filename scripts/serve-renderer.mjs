/**
 * Serves the built renderer (out/renderer) over http on 127.0.0.1: the browser build of Sourceline
 * for a person, and the origin the Playwright tests load. No dependencies, GET and HEAD only,
 * nothing outside the served folder, the CSP the build wrote into index.html, nothing cached.
 *
 *   node scripts/serve-renderer.mjs [port]        (or PORT=4178; SOURCELINE_RENDERER_DIR=other/dir)
 */
import { createServer } from 'node:http'
import { readFile, realpath, stat } from 'node:fs/promises'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, extname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const HOST = '127.0.0.1'
const DEFAULT_PORT = 4178

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}

// The CSP header is the one the build wrote into index.html (from src/main/csp.ts, which the
// Electron app:// protocol also sends), so the browser build is tested under the shipped policy.
const BASE_HEADERS = {
  'Content-Security-Policy': '',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
}

function parsePort(argv) {
  const flag = argv.indexOf('--port')
  const raw =
    (flag >= 0 ? argv[flag + 1] : undefined) ??
    argv.find((a) => a.startsWith('--port='))?.slice('--port='.length) ??
    argv.find((a) => !a.startsWith('-')) ??
    process.env['PORT'] ??
    String(DEFAULT_PORT)
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve-renderer: not a port: ${raw}`)
    process.exit(2)
  }
  return port
}

function send(res, status, text, headers = {}) {
  const body = Buffer.from(text, 'utf8')
  res.writeHead(status, {
    ...BASE_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': body.length,
    ...headers,
  })
  res.end(res.req.method === 'HEAD' ? undefined : body)
}

/** The real file under root for a URL path, or a status code saying why there is none. */
async function locate(root, urlPath) {
  let decoded
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return 400
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return 400
  let path = resolve(root, '.' + decoded)
  if (path !== root && !path.startsWith(root + sep)) return 403
  try {
    if ((await stat(path)).isDirectory()) path = join(path, 'index.html')
    // Resolve symlinks too: a link inside the folder must not lead outside it.
    const real = await realpath(path)
    if (real !== root && !real.startsWith(root + sep)) return 403
    if (!(await stat(real)).isFile()) return 404
    return real
  } catch {
    return 404
  }
}

function readCsp(root) {
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(
    readFileSync(join(root, 'index.html'), 'utf8'),
  )
  if (!meta) {
    console.error(
      'serve-renderer: index.html has no CSP meta tag; rebuild with electron-vite build.',
    )
    process.exit(1)
  }
  return meta[1]
}

async function main() {
  const here = dirname(fileURLToPath(import.meta.url))
  const configured = process.env['SOURCELINE_RENDERER_DIR']
  const dir = resolve(configured ?? join(here, '..', 'out', 'renderer'))
  if (!existsSync(join(dir, 'index.html'))) {
    console.error(
      `serve-renderer: no index.html in ${dir}.\n` +
        (configured ? '' : 'Build the renderer first: npx electron-vite build\n'),
    )
    process.exit(1)
  }
  const root = await realpath(dir)
  BASE_HEADERS['Content-Security-Policy'] = readCsp(root)

  const server = createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' })
      return
    }
    const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname
    const found = await locate(root, urlPath)
    // Browsers ask for /favicon.ico unprompted; with no icon built, answer "nothing" rather than a
    // 404 that every page would log as a console error.
    if (found === 404 && urlPath === '/favicon.ico') {
      res.writeHead(204, BASE_HEADERS)
      res.end()
      return
    }
    if (typeof found === 'number') {
      const reason = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found' }[found]
      send(res, found, `${reason}\n`)
      return
    }
    try {
      const body = await readFile(found)
      res.writeHead(200, {
        ...BASE_HEADERS,
        'Content-Type': MIME[extname(found).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': body.length,
      })
      res.end(req.method === 'HEAD' ? undefined : body)
    } catch {
      send(res, 500, 'Internal Server Error\n')
    }
  })

  server.on('error', (error) => {
    if (error.code === 'EADDRINUSE') {
      console.error(`serve-renderer: port ${port} on ${HOST} is already in use`)
    } else {
      console.error(`serve-renderer: ${error.message}`)
    }
    process.exit(1)
  })

  const port = parsePort(process.argv.slice(2))
  server.listen(port, HOST, () => {
    const address = server.address()
    const actual = typeof address === 'object' && address ? address.port : port
    console.log(`Sourceline (browser build) at http://${HOST}:${actual}/  serving ${root}`)
  })

  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      server.close()
      server.closeAllConnections()
      process.exit(0)
    })
  }
}

await main()
