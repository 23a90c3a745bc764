import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve, sep } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isAppUrl, mimeTypeFor, resolveAppPath, serveAppRequest } from './app-protocol'
import { CONTENT_SECURITY_POLICY } from './csp'

const root = resolve(tmpdir(), 'sourceline-renderer')

describe('resolveAppPath', () => {
  it('maps app URLs to files under the root', () => {
    expect(resolveAppPath(root, 'app://sourceline/index.html')).toBe(join(root, 'index.html'))
    expect(resolveAppPath(root, 'app://sourceline/assets/index-abc.js')).toBe(
      join(root, 'assets', 'index-abc.js'),
    )
    expect(resolveAppPath(root, 'app://sourceline/corpus/articles/a%20b.txt')).toBe(
      join(root, 'corpus', 'articles', 'a b.txt'),
    )
  })

  it('serves index.html for the bare origin and ignores query and fragment', () => {
    expect(resolveAppPath(root, 'app://sourceline')).toBe(join(root, 'index.html'))
    expect(resolveAppPath(root, 'app://sourceline/')).toBe(join(root, 'index.html'))
    expect(resolveAppPath(root, 'app://sourceline/index.html?x=1#top')).toBe(
      join(root, 'index.html'),
    )
  })

  it('keeps dot segments that URL parsing resolves inside the root', () => {
    // The URL parser folds these before we see them, so they can only land inside the root.
    expect(resolveAppPath(root, 'app://sourceline/../../etc/passwd')).toBe(
      join(root, 'etc', 'passwd'),
    )
    expect(resolveAppPath(root, 'app://sourceline/%2e%2e/%2E%2E/etc/passwd')).toBe(
      join(root, 'etc', 'passwd'),
    )
    expect(resolveAppPath(root, 'app://sourceline/%2e')).toBe(join(root, 'index.html'))
  })

  it.each([
    ['encoded slash', 'app://sourceline/%2fetc%2fpasswd'],
    ['encoded slash inside a segment', 'app://sourceline/assets%2F..%2F..%2Fsecret'],
    ['encoded dot-dot with encoded slash', 'app://sourceline/%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
    ['backslash', 'app://sourceline/..\\..\\windows\\win.ini'],
    ['encoded backslash', 'app://sourceline/..%5c..%5cwindows%5cwin.ini'],
    ['mixed separators', 'app://sourceline/assets/..%5C..%5C..%5Csecret'],
    ['absolute path after empty segment', 'app://sourceline//etc/passwd'],
    ['encoded absolute path', 'app://sourceline/%2Fetc/passwd'],
    ['drive letter', 'app://sourceline/C:/Windows/win.ini'],
    ['encoded drive letter', 'app://sourceline/C%3A%5CWindows%5Cwin.ini'],
    ['null byte', 'app://sourceline/index.html%00.png'],
    ['control character', 'app://sourceline/a%0Ab'],
    ['malformed encoding', 'app://sourceline/%E0%A4%A'],
    ['trailing slash (a directory)', 'app://sourceline/assets/'],
  ])('refuses %s', (_name, url) => {
    expect(resolveAppPath(root, url)).toBeNull()
  })

  it.each([
    ['another host', 'app://evil/index.html'],
    ['a host with our name as prefix', 'app://sourceline.evil/index.html'],
    ['a port', 'app://sourceline:8080/index.html'],
    ['credentials', 'app://user:pass@sourceline/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['https', 'https://sourceline/index.html'],
    ['not a URL', '/etc/passwd'],
    ['empty', ''],
  ])('refuses %s', (_name, url) => {
    expect(resolveAppPath(root, url)).toBeNull()
  })

  it('never returns a path outside the root, whatever the input', () => {
    const nasty = ['..', '%2e%2e', '%2E%2e', '.%2e', '%2e.', '...', '%252e%252e', '%c0%ae%c0%ae']
    for (const a of nasty) {
      for (const b of nasty) {
        const result = resolveAppPath(root, `app://sourceline/${a}/${b}/secret`)
        if (result !== null) expect(result.startsWith(root + sep)).toBe(true)
      }
    }
  })
})

describe('isAppUrl', () => {
  it('accepts the app origin, in any path', () => {
    expect(isAppUrl('app://sourceline/index.html')).toBe(true)
    expect(isAppUrl('app://sourceline/')).toBe(true)
  })

  it('refuses other origins', () => {
    expect(isAppUrl('app://other/index.html')).toBe(false)
    expect(isAppUrl('https://example.com/')).toBe(false)
    expect(isAppUrl('file:///index.html')).toBe(false)
    expect(isAppUrl('not a url')).toBe(false)
  })

  it('accepts the dev server only when one is given, by exact origin', () => {
    const dev = 'http://localhost:5173'
    expect(isAppUrl('http://localhost:5173/index.html', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5173/index.html')).toBe(false)
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false)
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false)
  })

  it('ignores a dev server URL that is not http(s)', () => {
    expect(isAppUrl('file:///x', 'file:///x')).toBe(false)
    expect(isAppUrl('http://localhost/', 'garbage')).toBe(false)
  })
})

describe('mimeTypeFor', () => {
  it('knows what the renderer build contains', () => {
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8')
    expect(mimeTypeFor('a/index-abc.JS')).toBe('text/javascript; charset=utf-8')
    expect(mimeTypeFor('style.css')).toBe('text/css; charset=utf-8')
    expect(mimeTypeFor('corpus.json')).toBe('application/json; charset=utf-8')
    expect(mimeTypeFor('font.woff2')).toBe('font/woff2')
    expect(mimeTypeFor('icon.svg')).toBe('image/svg+xml')
    expect(mimeTypeFor('unknown.bin')).toBe('application/octet-stream')
    expect(mimeTypeFor('no-extension')).toBe('application/octet-stream')
  })
})

describe('serveAppRequest', () => {
  let base: string
  let served: string

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'sourceline-protocol-'))
    served = join(base, 'renderer')
    await mkdir(join(served, 'assets'), { recursive: true })
    await writeFile(join(served, 'index.html'), '<!doctype html><title>Sourceline</title>')
    await writeFile(join(served, 'assets', 'app.js'), 'console.log(1)')
    await writeFile(join(base, 'secret.txt'), 'outside the root')
    await symlink(join(base, 'secret.txt'), join(served, 'link.txt'))
  })

  afterAll(async () => {
    await rm(base, { recursive: true, force: true })
  })

  const get = (url: string, method = 'GET') => serveAppRequest(served, new Request(url, { method }))

  it('serves files with their MIME type and the CSP header', async () => {
    const page = await get('app://sourceline/')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await page.text()).toContain('<title>Sourceline</title>')

    const script = await get('app://sourceline/assets/app.js')
    expect(script.status).toBe(200)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
  })

  it('answers HEAD without a body', async () => {
    const head = await get('app://sourceline/index.html', 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })

  it('returns 404 for missing files, directories and traversal', async () => {
    expect((await get('app://sourceline/missing.js')).status).toBe(404)
    expect((await get('app://sourceline/assets')).status).toBe(404)
    expect((await get('app://sourceline/%2e%2e%2fsecret.txt')).status).toBe(404)
    expect((await get('app://sourceline/..%5Csecret.txt')).status).toBe(404)
    expect((await get('app://other/index.html')).status).toBe(404)
  })

  it('does not follow a symlink out of the root', async () => {
    const response = await get('app://sourceline/link.txt')
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('outside the root')
  })

  it('refuses methods other than GET and HEAD', async () => {
    const response = await get('app://sourceline/index.html', 'POST')
    expect(response.status).toBe(405)
  })
})
