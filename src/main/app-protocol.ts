/**
 * The app:// protocol that serves the built renderer in production: which URLs are the app's own,
 * how a URL maps to a file under the renderer directory (refusing anything that could escape it),
 * and the response for a request. No Electron imports, so all of it is unit-tested in Node.
 */
import { readFile, realpath, stat } from 'node:fs/promises'
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { CONTENT_SECURITY_POLICY } from './csp'
import { errorCode } from './files'

export const APP_SCHEME = 'app'
export const APP_HOST = 'sourceline'
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
}

export function mimeTypeFor(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * True when `url` is one of the app's own pages: app://sourceline, or the Vite dev server when one
 * is given. Compared by scheme, host and port because Node reports origin 'null' for app: URLs.
 */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  const parsed = parseUrl(url)
  if (!parsed) return false
  if (isOwnAppHost(parsed)) return true
  if (devServerUrl === undefined) return false
  const dev = parseUrl(devServerUrl)
  return (
    dev !== null &&
    (dev.protocol === 'http:' || dev.protocol === 'https:') &&
    parsed.origin === dev.origin
  )
}

/**
 * Maps an app:// URL to an absolute path inside `root`, or null when the URL is not ours or could
 * name anything outside `root`. Each path segment is decoded once and must be a plain file name:
 * no `..`, no encoded separators, no backslashes (separators on Windows), no colons (drive letters
 * and alternate data streams), no control characters.
 */
export function resolveAppPath(root: string, url: string): string | null {
  const parsed = parseUrl(url)
  if (!parsed || !isOwnAppHost(parsed)) return null

  const pathname =
    parsed.pathname === '' || parsed.pathname === '/' ? '/index.html' : parsed.pathname
  const segments: string[] = []
  for (const encoded of pathname.slice(1).split('/')) {
    let segment: string
    try {
      segment = decodeURIComponent(encoded)
    } catch {
      return null // malformed percent-encoding
    }
    if (!isPlainFileName(segment)) return null
    segments.push(segment)
  }

  const base = resolve(root)
  const file = join(base, ...segments)
  return isInside(base, file) ? file : null
}

/** Answers one app:// request with the file it names, or 404. Only GET and HEAD. */
export async function serveAppRequest(root: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return plain(405, 'Method Not Allowed', { allow: 'GET, HEAD' })
  }
  const file = resolveAppPath(root, request.url)
  if (file === null) return plain(404, 'Not Found')

  try {
    // A symlink inside the renderer directory must not lead outside it either.
    const [realRoot, realFile] = await Promise.all([realpath(resolve(root)), realpath(file)])
    if (!isInside(realRoot, realFile) || !(await stat(realFile)).isFile()) {
      return plain(404, 'Not Found')
    }
    const body = request.method === 'HEAD' ? null : await readFile(realFile)
    return new Response(body, {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'content-type': mimeTypeFor(realFile) },
    })
  } catch (error) {
    const code = errorCode(error)
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') return plain(404, 'Not Found')
    return plain(500, 'Internal Server Error')
  }
}

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-cache',
} as const

function plain(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8', ...extra },
  })
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

function isOwnAppHost(url: URL): boolean {
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname.toLowerCase() === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  )
}

// Control characters, separators of either platform, and ':' are never part of a built asset name.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_NAME = /[\u0000-\u001f\u007f/\\:]/

function isPlainFileName(segment: string): boolean {
  return segment !== '' && segment !== '.' && segment !== '..' && !FORBIDDEN_IN_NAME.test(segment)
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)
}
