/**
 * What article import rests on, checked in real Chromium: a page parsed by DOMParser is inert (no
 * script, handler, refresh or load), and the import reader itself (src/renderer/src/lib/import/
 * html.ts, bundled here by Vite) turns the hostile fixture into plain text without running or
 * fetching anything. Importing through the UI is covered by the import specs that drive it.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { build } from 'vite'
import { afterPendingWork, expect, test, type Page } from './fixtures'

const HOSTILE = readFileSync(resolve('e2e/fixtures/hostile-article.html'), 'utf8')
const MODULE_PATH = '/__sourceline-test__/import-html.js'
const GLOBAL = 'SourcelineHtmlImport'

/**
 * Chromium applies the app's CSP to DOMParser documents too: parsing a page with a <base> or a
 * <style> reports the change as blocked. Harmless (nothing was applied), and expected whenever a
 * page is parsed, by DOMPurify or by us, so these reports are not counted as errors.
 */
const PARSE_CSP_REPORTS: readonly RegExp[] = [
  /^Setting the document's base URI to '.*' violates the following Content Security Policy directive: "base-uri 'none'"/,
  /^Applying inline style violates the following Content Security Policy directive 'style-src 'self''/,
]

/** What this spec reads of html.ts's Draft; the renderer's types are not in the e2e project. */
interface Draft {
  title: string
  outlet: string | null
  byline: string | null
  published: { text: string; edtf: string | null }
  url: string | null
  body: string
  warnings: string[]
}

declare global {
  interface Window {
    __pwned?: unknown
    SourcelineHtmlImport?: { htmlToArticle(html: string, fileName: string): Draft }
  }
}

let bundle: Promise<string> | undefined

/** html.ts and what it imports, as one classic script that sets window.SourcelineHtmlImport. */
function bundleHtmlReader(): Promise<string> {
  bundle ??= buildHtmlReader()
  return bundle
}

async function buildHtmlReader(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    resolve: {
      alias: { $lib: resolve('src/renderer/src/lib'), $shared: resolve('src/shared') },
    },
    build: {
      write: false,
      minify: false,
      lib: {
        entry: resolve('src/renderer/src/lib/import/html.ts'),
        name: GLOBAL,
        formats: ['iife'],
        fileName: () => 'import-html.js',
      },
    },
  })
  for (const output of Array.isArray(result) ? result : [result]) {
    if (!('output' in output)) continue
    for (const chunk of output.output) if (chunk.type === 'chunk') return chunk.code
  }
  throw new Error('Vite produced no script for html.ts')
}

/** Parses the page with DOMParser, fires every event a handler in it listens for, and reports. */
async function parseAndPoke(page: Page, html: string): Promise<unknown> {
  const seen = await page.evaluate((source) => {
    const inert = new DOMParser().parseFromString(source, 'text/html')
    for (const element of Array.from(inert.querySelectorAll('*')))
      for (const type of ['load', 'error', 'click', 'focus', 'toggle'])
        element.dispatchEvent(new Event(type))
    return inert.querySelectorAll('script, img, iframe, [onerror]').length
  }, html)
  // The parse did produce the hostile elements: they were there to run, and did not.
  expect(seen).toBeGreaterThan(5)
  // An image error, a refresh or a stylesheet request would have happened by now.
  await afterPendingWork(page)
  return page.evaluate(() => window.__pwned)
}

/** Opens the app and adds the bundled reader to it, served from the app's own origin. */
async function loadHtmlReader(page: Page): Promise<void> {
  const code = await bundleHtmlReader()
  await page.route(`**${MODULE_PATH}`, (route) =>
    route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: code }),
  )
  await page.goto('/')
  // A script URL, not inline code, so the app's CSP (script-src 'self') applies unchanged.
  await page.addScriptTag({ url: MODULE_PATH })
}

test.describe('parsing a hostile page', () => {
  test('DOMParser documents are inert in the app, under its CSP', async ({ page, requests }) => {
    await page.goto('/')
    const url = page.url()
    expect(await parseAndPoke(page, HOSTILE)).toBeUndefined()
    expect(page.url()).toBe(url)
    requests.expectAllLocal()
    expect(requests.urls.some((u) => u.includes('example.invalid'))).toBe(false)
  })

  test('DOMParser documents are inert on their own, with no CSP to help', async ({
    context,
    requests,
  }) => {
    const blank = await context.newPage()
    await blank.goto('about:blank')
    // The control: the same kind of handler in a live document does run here.
    await blank.evaluate(() => {
      const img = document.createElement('img')
      img.setAttribute('onerror', "window.__pwned = 'live'")
      img.setAttribute('src', 'data:,not an image')
    })
    await expect.poll(() => blank.evaluate(() => window.__pwned)).toBe('live')
    await blank.evaluate(() => delete window.__pwned)

    expect(await parseAndPoke(blank, HOSTILE)).toBeUndefined()
    expect(blank.url()).toBe('about:blank')
    requests.expectAllLocal()
  })

  test('the import reader turns the page into plain text, running and fetching nothing', async ({
    page,
    requests,
    consoleErrors,
  }) => {
    await loadHtmlReader(page)

    const draft = await page.evaluate(
      ([html, name]) => window.SourcelineHtmlImport!.htmlToArticle(html!, name!),
      [HOSTILE, 'hostile-article.html'],
    )
    await afterPendingWork(page)

    expect(draft).toMatchObject({
      title: 'Cambodia and Thailand sign pact on trafficking victims',
      outlet: 'The Phnom Penh Standard',
      byline: 'Sok Chea',
      published: { edtf: '2023-03-27' },
      url: 'https://standard.example.org/news/pact-on-trafficking-victims',
    })
    expect(draft.body).toMatch(/^Cambodia and Thailand on Monday signed an agreement/)
    expect(draft.body).toMatch(/The agreement takes effect on 1 May\.$/)
    expect(draft.body).not.toMatch(/<[a-z!/?]/i)
    for (const furniture of ['Most viewed', 'Related Posts', 'First!', 'Share', 'example.invalid'])
      expect(draft.body).not.toContain(furniture)

    expect(await page.evaluate(() => window.__pwned)).toBeUndefined()
    requests.expectAllLocal()
    consoleErrors.expectNone(PARSE_CSP_REPORTS)
  })

  test('a page too large for Readability is still read, from its own structure', async ({
    page,
  }) => {
    await loadHtmlReader(page)
    const paragraphs = await page.evaluate(() => {
      // About 45,000 elements: past READABILITY_MAX_ELEMENTS in html.ts, so Readability refuses
      // (it throws) and the reader falls back to the page's <article>, <main> or <body>.
      const para = (i: number) => `<p>Paragraph <b>${i}</b> of a very <i>long</i> record.</p>`
      const many = Array.from({ length: 15_000 }, (_, i) => para(i)).join('')
      const html = `<html><body><nav><a>Home</a></nav><div><div>${many}</div></div></body></html>`
      return window.SourcelineHtmlImport!.htmlToArticle(html, 'long.html').body.split('\n\n')
    })
    expect(paragraphs).toHaveLength(15_000)
    expect(paragraphs[0]).toBe('Paragraph 0 of a very long record.')
  })
})
