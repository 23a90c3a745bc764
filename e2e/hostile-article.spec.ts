/**
 * Hostile articles imported through the UI: DOM clobbering, CSS overlays, very deep nesting,
 * invalid UTF-8, lone surrogates, right-to-left overrides and a file far over the size limit. For
 * each: nothing from the file runs, nothing leaves the machine, the person is told plainly what
 * happened, and the store holds exactly what it should. Odd fixtures are made here, not committed.
 */
import { writeFile } from 'node:fs/promises'
import {
  expect,
  expectSentinelUnset,
  test,
  type ConsoleErrors,
  type Page,
  type RequestLog,
} from './fixtures'
import { ArticleImport, PARSE_CSP_REPORTS, type FileToImport } from './pages/ArticleImport'
import { SourcelinePage } from './pages/SourcelinePage'

function html(name: string, page: string): FileToImport {
  return { name, mimeType: 'text/html', buffer: Buffer.from(page) }
}

function text(name: string, content: string | Buffer): FileToImport {
  return {
    name,
    mimeType: 'text/plain',
    buffer: typeof content === 'string' ? Buffer.from(content) : content,
  }
}

/** The app still answers: the view switch works and the timeline comes back. */
async function expectResponsive(page: Page, main: SourcelinePage): Promise<void> {
  await page.getByTestId('view-table').click()
  await expect(page.getByTestId('view-table')).toHaveAttribute('aria-pressed', 'true')
  await page.getByTestId('view-timeline').click()
  await expect(main.timelineItems.first()).toBeVisible()
}

/**
 * After a hostile import: the app still responds, no payload ran, nothing left the machine, and
 * the console holds nothing but `noise` (by default the parse-time CSP reports).
 */
async function expectUnharmed(
  page: Page,
  main: SourcelinePage,
  requests: RequestLog,
  consoleErrors: ConsoleErrors,
  noise: readonly RegExp[] = PARSE_CSP_REPORTS,
): Promise<void> {
  await expectResponsive(page, main)
  await expectSentinelUnset(page)
  requests.expectAllLocal()
  consoleErrors.expectNone(noise)
}

test('DOM-clobbering ids and names change nothing in the app', async ({
  page,
  consoleErrors,
  requests,
}) => {
  const main = await new SourcelinePage(page).open()
  const importing = new ArticleImport(page)
  await importing.choose(
    html(
      'clobber.html',
      `<!doctype html><html><head><title>Clobbering test page</title></head><body>
      <form id="api" name="api"><input name="saveFile" value="x"><input name="onMenuCommand"></form>
      <img name="getElementById" src="http://example.invalid/a.png">
      <img name="querySelectorAll"><img name="cookie"><a id="platform" name="platform">x</a>
      <form name="createElement"><input name="body"></form>
      <div id="__pwned">not a payload</div>
      <article><p>Officials in Battambang said the shelter now houses 30 survivors.</p>
      <p>A second paragraph of the article keeps the page long enough to be prose.</p></article>
      <img src=x onerror="window.__pwned = 'clobber onerror'">
      </body></html>`,
    ),
  )
  await expect(importing.title).toHaveValue('Clobbering test page')
  await importing.saveAs('Clobbering test page', 'clobber.html')
  await expect(page.getByTestId('article-body')).toContainText(
    'Officials in Battambang said the shelter now houses 30 survivors.',
  )

  // The live document and window are untouched: no element from the page landed in them.
  const clobbered = await page.evaluate(() => ({
    getElementById: typeof document.getElementById,
    querySelectorAll: typeof document.querySelectorAll,
    createElement: typeof document.createElement,
    cookie: typeof document.cookie,
    api: 'api' in window && (window as unknown as { api: unknown }).api instanceof Element,
    platform: document.getElementById('platform'),
    pwnedElement: document.getElementById('__pwned'),
  }))
  expect(clobbered).toEqual({
    getElementById: 'function',
    querySelectorAll: 'function',
    createElement: 'function',
    cookie: 'string',
    api: false,
    platform: null,
    pwnedElement: null,
  })
  // The app's own commands still work.
  await page.getByTestId('undo').click()
  await expect(page.getByTestId('message-info')).toContainText('Undone: Import article')
  expect(await main.stored('articles')).toEqual([])
  await expectUnharmed(page, main, requests, consoleErrors)
})

test('a page’s styles and full-screen overlays never reach the app', async ({
  page,
  consoleErrors,
  requests,
}) => {
  const main = await new SourcelinePage(page).open()
  const importing = new ArticleImport(page)
  await importing.choose(
    html(
      'overlay.html',
      `<!doctype html><html><head><title>Overlay test page</title>
      <style>body { display: none !important } * { visibility: hidden !important }
      button { pointer-events: none !important }</style>
      <link rel="stylesheet" href="http://example.invalid/evil.css"></head><body>
      <article>
      <div style="position:fixed;inset:0;z-index:2147483647;background:red" id="overlay">CLICK HERE TO CONTINUE</div>
      <div style="position:fixed;top:0;left:0;width:100vw;height:100vh;opacity:0"></div>
      <p>The court in Phnom Penh sentenced two brokers to ten years in prison.</p>
      <p>Both had recruited workers for fishing boats, the court heard.</p></article>
      </body></html>`,
    ),
  )
  await expect(importing.preview).toContainText('The court in Phnom Penh sentenced')
  await importing.saveAs('Overlay test page', 'overlay.html')
  const body = page.getByTestId('article-body')
  await expect(body).toContainText('sentenced two brokers to ten years in prison')
  await expect(body.locator('[style], style, div')).toHaveCount(0)

  // Nothing covers the app: the element at the header button's centre is the button itself.
  const button = page.getByTestId('import-article')
  const box = (await button.boundingBox())!
  const hit = await page.evaluate(
    ({ x, y }) => document.elementFromPoint(x, y)?.getAttribute('data-testid'),
    { x: box.x + box.width / 2, y: box.y + box.height / 2 },
  )
  expect(hit).toBe('import-article')
  await expect(page.locator('body')).toBeVisible()
  await expect(page.locator('style:not([data-vite-dev-id])')).toHaveCount(0)
  await expectUnharmed(page, main, requests, consoleErrors)
})

test('20 000 nested elements are imported without hanging the app', async ({
  page,
  consoleErrors,
  requests,
}) => {
  const main = await new SourcelinePage(page).open()
  const importing = new ArticleImport(page)
  const depth = 20_000
  // The window stalls while such a page is parsed: the "Reading…" line must be drawn before.
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { __readingSeen: string[] }).__readingSeen = seen
    new MutationObserver(() => {
      const line = document.querySelector('[data-testid="import-reading"]')
      if (line) seen.push(line.textContent ?? '')
    }).observe(document.body, { childList: true, subtree: true })
  })
  await importing.choose(
    html(
      'deep.html',
      `<!doctype html><html><head><title>Deeply nested page</title></head><body>` +
        `<p>Labour officials inspected 14 factories in Kandal province last week.</p>` +
        '<div>'.repeat(depth) +
        'Innermost words' +
        '</div>'.repeat(depth) +
        `<p>Inspectors found no children working, the ministry said.</p></body></html>`,
    ),
  )
  // Parsing takes seconds on a busy machine: wait longer than usual.
  await expect(importing.title).toHaveValue('Deeply nested page', { timeout: 45_000 })
  const seen = await page.evaluate(
    () => (window as unknown as { __readingSeen: string[] }).__readingSeen,
  )
  expect(seen.map((t) => t.trim())).toContain('Reading “deep.html”…')
  await importing.saveAs('Deeply nested page', 'deep.html')
  await expect(page.getByTestId('article-body')).toContainText(
    'Labour officials inspected 14 factories',
  )
  const [stored] = await main.stored('articles')
  expect(stored!['body']).toContain('Inspectors found no children working')
  await expectUnharmed(page, main, requests, consoleErrors)
})

test('invalid UTF-8 bytes become replacement characters, with a warning', async ({
  page,
  consoleErrors,
}) => {
  const main = await new SourcelinePage(page).open()
  const importing = new ArticleImport(page)
  const bytes = Buffer.concat([
    Buffer.from('Flood relief reaches Kratie\n\nAid arrived in '),
    Buffer.from([0xc3, 0x28, 0xff]),
    Buffer.from(' villages on Tuesday, officials said.\n'),
  ])
  await importing.choose(text('bad-bytes.txt', bytes))
  await expect(importing.warnings).toContainText(
    '“bad-bytes.txt” is not valid UTF-8: 2 unreadable characters were replaced with “\uFFFD”.',
  )
  await importing.saveAs('Flood relief reaches Kratie', 'bad-bytes.txt')
  await expect(page.getByTestId('article-body')).toContainText(
    'Aid arrived in \uFFFD(\uFFFD villages on Tuesday',
  )
  const [stored] = await main.stored('articles')
  expect(stored!['body']).toBe('Aid arrived in \uFFFD(\uFFFD villages on Tuesday, officials said.')
  consoleErrors.expectNone()
})

test('lone surrogates in pasted text become replacement characters, with a warning', async ({
  page,
  consoleErrors,
}) => {
  const main = await new SourcelinePage(page).open()
  const importing = new ArticleImport(page)
  await importing.paste({
    text: 'Hotline calls rise \uD800 sharply\n\nCalls to the hotline rose \uDC00 in May, the group said.',
  })
  await expect(importing.warnings).toContainText('broken character was replaced with “\uFFFD”.')
  await expect(importing.title).toHaveValue('Hotline calls rise \uFFFD sharply')
  await importing.save.click()
  await expect(importing.dialog).toBeHidden()
  const [stored] = await main.stored('articles')
  expect(stored).toMatchObject({
    title: 'Hotline calls rise \uFFFD sharply',
    body: 'Calls to the hotline rose \uFFFD in May, the group said.',
  })
  // The original is kept as it was pasted; only the text shown and quoted is repaired.
  expect(stored!['original']).toContain('rise \uD800 sharply')
  consoleErrors.expectNone()
})

test('right-to-left overrides are removed from title and file name, kept in the text, and cannot reorder the app', async ({
  page,
  consoleErrors,
}) => {
  const main = await new SourcelinePage(page).open()
  const importing = new ArticleImport(page)
  const RLO = '\u202E'
  await importing.choose(
    text(
      `invoice${RLO}txt.exe.txt`,
      `Payment ${RLO}exe.fdp notice\n\nThe attachment was named ${RLO}exe.fdp by the sender.\n\nA second paragraph reads normally.`,
    ),
  )
  await expect(importing.title).toHaveValue('Payment exe.fdp notice')
  await expect(importing.dialog.getByTestId('import-file-name')).toHaveText('invoicetxt.exe.txt')
  await expect(importing.warnings).toContainText('direction control')
  await expect(importing.warnings).toContainText('removed from the title')
  await importing.saveAs('Payment exe.fdp notice', 'invoicetxt.exe.txt')

  await expect(main.articleTitle).toHaveText('Payment exe.fdp notice')
  const body = page.getByTestId('article-body')
  await expect(body).toContainText(`named ${RLO}exe.fdp by the sender.`)
  // The override stays inside its own paragraph: the next one still reads left to right.
  const order = await body
    .locator('p')
    .nth(1)
    .evaluate((p) => {
      const range = document.createRange()
      const node = p.querySelector('span')!.firstChild!
      const at = (word: string) => {
        const i = node.textContent!.indexOf(word)
        range.setStart(node, i)
        range.setEnd(node, i + word.length)
        return range.getBoundingClientRect().x
      }
      return at('A') < at('normally')
    })
  expect(order).toBe(true)
  // The reader's own labels around the article are in their usual order.
  const labels = await page
    .getByTestId('imported-info')
    .evaluate((info) => info.textContent!.replace(/\s+/g, ' ').trim())
  expect(labels).toMatch(/^Imported text file invoicetxt\.exe\.txt, on /)

  const [stored] = await main.stored('articles')
  expect(stored!['title']).toBe('Payment exe.fdp notice')
  expect(stored!['originalName']).toBe('invoicetxt.exe.txt')
  expect(stored!['body']).toContain(`${RLO}exe.fdp`)
  expect(stored!['original']).toContain(`Payment ${RLO}exe.fdp notice`)
  consoleErrors.expectNone()
})

test('a 50 MB file is refused with the limit, nothing is stored, and the app stays responsive', async ({
  page,
  consoleErrors,
  requests,
}, testInfo) => {
  const main = await new SourcelinePage(page).open()
  const importing = new ArticleImport(page)
  const path = testInfo.outputPath('huge.txt')
  await writeFile(path, Buffer.alloc(50_000_000, 'a'))
  const chooser = page.waitForEvent('filechooser')
  await page.getByTestId('import-article').click()
  await (await chooser).setFiles(path)

  await expect(page.getByTestId('message-error')).toHaveText(
    /“huge\.txt” is 50 MB; Sourceline imports articles up to 10 MB\./,
  )
  await expect(importing.dialog).toBeHidden()
  expect(await main.stored('articles')).toEqual([])
  await expectUnharmed(page, main, requests, consoleErrors, [])
})
