/**
 * Every export format produced from the Export dialog, as a user would, and each file checked by
 * the tool that reads it: papaparse for the CSV, TimelineJS 3 for its JSON, the W3C test-suite
 * schemas for the Web Annotations, Citation.js for the CSL-JSON, a fresh offline page for the
 * standalone HTML, a PNG decoder for the picture, and the print call for PDF in the browser build.
 */
import { readFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import AxeBuilder from '@axe-core/playwright'
import Papa from 'papaparse'
import { expect, test, type Page } from './fixtures'
import { SourcelinePage } from './pages/SourcelinePage'
import { loadCitationJs, pngSize, showInTimelineJs, webAnnotationValidator } from './readers'

const EVENT_COUNT = 23
const TITLE = 'Cambodia’s fight against human trafficking, 2000–2023'
const NOTE = 'Ask the ministry for the 2007 sub-decree.'
const NOTED_EVENT = 'National Anti-Human Trafficking Day established'
const HIGHLIGHTED_ARTICLE = 'Anti-trafficking drive goes on'
const HIGHLIGHT_WORDS = 'recently cases of human trafficking in Cambodia have decreased remarkably'

async function openApp(page: Page): Promise<SourcelinePage> {
  return new SourcelinePage(page).open()
}

/** A note on one event and a highlight in one article: content every format should carry. */
async function annotate(ui: SourcelinePage): Promise<void> {
  await ui.selectOnTimeline(NOTED_EVENT)
  await ui.addNote(NOTE)
  await ui.showArticle(HIGHLIGHTED_ARTICLE)
  await ui.highlight(HIGHLIGHT_WORDS, 'Compare with the 2021 figures.', 'figures')
}

function successMessage(page: Page) {
  return page.getByTestId('message-success').last()
}

test('the dialog is a keyboard-usable modal: scope counts, one line of help per format, Escape closes', async ({
  app,
  consoleErrors,
}) => {
  const ui = await openApp(app.page)
  const page = ui.page
  const opener = page.getByTestId('export-open')
  await opener.focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await expect(dialog).toBeVisible()
  expect(await dialog.evaluate((d) => (d as HTMLDialogElement).matches(':modal'))).toBe(true)
  // Focus starts on the chosen format.
  await expect(dialog.getByTestId('export-format-markdown')).toBeFocused()
  await expect(dialog.getByRole('radio', { name: /^Whole timeline/ })).toHaveAccessibleName(
    `Whole timeline (${EVENT_COUNT} events)`,
  )
  // No filter set: "Current filter" cannot be chosen, and the help says why.
  await expect(dialog.getByRole('radio', { name: /^Current filter/ })).toBeDisabled()
  for (const kind of [
    'markdown',
    'csv',
    'timelinejs',
    'annotations',
    'csl',
    'html',
    'pdf',
    'png',
  ]) {
    const radio = dialog.getByTestId(`export-format-${kind}`)
    await expect(radio).toHaveAccessibleDescription(/\w{3,}/)
  }
  await expect(dialog.getByTestId('export-format-timelinejs')).toHaveAccessibleDescription(
    /Publish the timeline on a website/,
  )
  await expect(dialog.getByTestId('export-format-csl')).toHaveAccessibleDescription(
    /Import the sources into Zotero/,
  )
  const axe = await new AxeBuilder({ page }).include('[data-testid="export-dialog"]').analyze()
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help}`),
  ).toEqual([])
  // Arrow keys move between formats.
  await page.keyboard.press('ArrowDown')
  await expect(dialog.getByTestId('export-format-csv')).toBeChecked()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(opener).toBeFocused()
  // The choice is kept for the next export.
  await opener.click()
  await expect(dialog.getByTestId('export-format-csv')).toBeChecked()
  await dialog.getByTestId('export-cancel').click()
  await expect(dialog).toBeHidden()
  // Ctrl+E opens it too, as in the desktop app's menu.
  await page.keyboard.press('Control+e')
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  consoleErrors.expectNone()
})

test('CSV: papaparse reads one row per event, UTF-8 with a BOM, every field quoted', async ({
  app,
}) => {
  const ui = await openApp(app.page)
  const file = await ui.exportAs('csv')
  expect(file.suggestedFilename).toMatch(/^sourceline-events-\d{4}-\d{2}-\d{2}\.csv$/)
  const bytes = await readFile(file.path)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const parsed = Papa.parse<string[]>(bytes.toString('utf8').replace(/^\uFEFF/, ''), {
    skipEmptyLines: true,
  })
  expect(parsed.errors).toEqual([])
  const [header, ...rows] = parsed.data
  expect(header?.slice(0, 3)).toEqual(['EDTF date', 'Date', 'Title'])
  expect(rows).toHaveLength(EVENT_COUNT)
  expect(rows.map((r) => r[2])).toContain(NOTED_EVENT)
  expect(file.text.split('\r\n')[1]?.startsWith('"')).toBe(true)
  await expect(successMessage(ui.page)).toContainText(file.suggestedFilename)
})

test('TimelineJS: TimelineJS 3 shows a slide for every dated event of the exported file, offline', async ({
  app,
}) => {
  const ui = await openApp(app.page)
  const file = await ui.exportAs('timelinejs')
  expect(file.suggestedFilename).toMatch(/^sourceline-timelinejs-.*\.json$/)
  const data = JSON.parse(file.text) as { events: unknown[] }
  expect(data.events.length).toBeGreaterThan(0)
  expect(data.events.length).toBeLessThan(EVENT_COUNT) // undated events cannot be placed

  const viewer = await app.context.newPage()
  const { refused, errors } = await showInTimelineJs(viewer, data)
  await expect(viewer.locator('.tl-slide')).toHaveCount(data.events.length + 1, {
    timeout: 15_000,
  })
  await expect(viewer.locator('.tl-slide').getByText(TITLE).first()).toBeVisible()
  await viewer.locator('.tl-slidenav-next').first().click()
  await expect(
    viewer.locator('.tl-slide').getByRole('heading', {
      name: 'Government commits to fighting human trafficking',
    }),
  ).toBeVisible()
  expect(errors).toEqual([])
  expect(refused.filter((u) => !u.startsWith('http://timelinejs.test'))).toEqual([])
  await expect(successMessage(ui.page)).toContainText(file.suggestedFilename)
})

test('Web Annotation: the W3C test-suite schemas accept the collection and every annotation, highlight included', async ({
  app,
}) => {
  const ui = await openApp(app.page)
  await annotate(ui)
  const file = await ui.exportAs('annotations')
  expect(file.suggestedFilename).toMatch(/^sourceline-annotations-.*\.jsonld$/)
  const collection = JSON.parse(file.text) as {
    first: { items: { id: string; target: unknown; motivation: unknown }[] }
  }
  const validator = webAnnotationValidator()
  expect(validator.failures(collection, 'collection')).toEqual([])
  expect(validator.failures(collection.first, 'page')).toEqual([])
  const items = collection.first.items
  expect(items.length).toBeGreaterThan(EVENT_COUNT)
  for (const item of items) {
    expect({ id: item.id, failed: validator.failures(item, 'annotation') }).toEqual({
      id: item.id,
      failed: [],
    })
  }
  const highlight = items.filter((i) => i.id.startsWith('urn:sourceline:highlight:'))
  expect(highlight).toHaveLength(1)
  expect(JSON.stringify(highlight[0]?.target)).toContain(HIGHLIGHT_WORDS)
})

test('CSL-JSON: Citation.js formats an APA bibliography naming every source', async ({ app }) => {
  const ui = await openApp(app.page)
  const file = await ui.exportAs('csl')
  const items = JSON.parse(file.text) as { title: string }[]
  expect(items).toHaveLength(5)
  const Cite = await loadCitationJs()
  const cite = new Cite(items)
  expect(cite.data).toHaveLength(5)
  const bibliography = cite.format('bibliography', { format: 'text', template: 'apa' })
  for (const item of items) expect(bibliography).toContain(item.title)
  expect(bibliography).toContain('(2009, December 10–31)')
})

test('Markdown: the report holds notes, highlights, stances and the people index', async ({
  app,
}) => {
  const ui = await openApp(app.page)
  await annotate(ui)
  const file = await ui.exportAs('markdown')
  expect(file.suggestedFilename).toMatch(/^sourceline-report-.*\.md$/)
  expect(file.text).toContain(NOTE)
  expect(file.text).toContain('## Highlights')
  expect(file.text).toContain(HIGHLIGHT_WORDS)
  expect(file.text).toContain('Compare with the 2021 figures.')
  expect(file.text).toContain('## People and organisations')
  expect(file.text).toContain('## Sources')
  await expect(
    ui.page.getByTestId('message-success').filter({ hasText: 'Report saved' }),
  ).toContainText(file.suggestedFilename)
})

test('standalone HTML: opens offline in a fresh page with no requests, showing events, quotes, notes and sources', async ({
  app,
  consoleErrors,
}) => {
  const ui = await openApp(app.page)
  await annotate(ui)
  const file = await ui.exportAs('html')
  expect(file.suggestedFilename).toMatch(/^sourceline-timeline-.*\.html$/)

  await app.context.setOffline(true)
  const viewer = await app.context.newPage()
  const requested: string[] = []
  viewer.on('request', (request) => requested.push(request.url()))
  const url = pathToFileURL(file.path).href
  await viewer.goto(url)
  expect(requested).toEqual([url])
  expect(await viewer.evaluate(() => document.scripts.length)).toBe(0)
  await expect(viewer.getByRole('heading', { level: 1 })).toContainText(TITLE)
  await expect(viewer.getByRole('heading', { name: NOTED_EVENT })).toBeVisible()
  await expect(viewer.getByText(NOTE)).toBeVisible()
  await expect(viewer.getByText(HIGHLIGHT_WORDS).first()).toBeVisible()
  await expect(
    viewer.getByText('has also established “National Anti-Human Trafficking Day”').first(),
  ).toBeVisible()
  await expect(viewer.getByRole('heading', { name: 'Sources' })).toBeVisible()
  // Styled by its own stylesheet: the body is a narrow column.
  expect(await viewer.evaluate(() => getComputedStyle(document.body).maxWidth)).not.toBe('none')
  consoleErrors.expectNone()
})

test('PNG: a picture of the timeline view at its size, decodable and not blank', async ({
  app,
  consoleErrors,
  requests,
}) => {
  const ui = await openApp(app.page)
  const box = await ui.timeline.boundingBox()
  if (!box) throw new Error('the timeline has no box')
  const file = await ui.exportAs('png')
  expect(file.suggestedFilename).toMatch(/^sourceline-timeline-view-.*\.png$/)
  const bytes = new Uint8Array(await readFile(file.path))
  expect(pngSize(bytes)).toEqual({ width: Math.round(box.width), height: Math.round(box.height) })

  // Decoded by the browser itself; count the pixels that differ from the background.
  const drawn = await ui.page.evaluate(
    async (data) => {
      const bitmap = await createImageBitmap(
        new Blob([new Uint8Array(data)], { type: 'image/png' }),
      )
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
      const context = canvas.getContext('2d')
      if (!context) throw new Error('no 2d context')
      context.drawImage(bitmap, 0, 0)
      const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data
      const colours = new Set<number>()
      let differing = 0
      for (let i = 0; i < pixels.length; i += 4) {
        const rgb = (pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!
        colours.add(rgb)
        if (rgb !== ((pixels[0]! << 16) | (pixels[1]! << 8) | pixels[2]!)) differing++
      }
      return { width: bitmap.width, colours: colours.size, share: differing / (pixels.length / 4) }
    },
    [...bytes],
  )
  expect(drawn.width).toBe(Math.round(box.width))
  expect(drawn.colours).toBeGreaterThan(20)
  expect(drawn.share).toBeGreaterThan(0.02)
  await expect(successMessage(ui.page)).toContainText(file.suggestedFilename)
  consoleErrors.expectNone()
  requests.expectAllLocal()
})

test('slow export work shows the progress indicator, then the message naming the file', async ({
  app,
}) => {
  const ui = await openApp(app.page)
  // Encoding the picture takes a second here, as it might for a large timeline on a slow machine.
  await ui.page.evaluate(() => {
    const encode = HTMLCanvasElement.prototype.toBlob
    HTMLCanvasElement.prototype.toBlob = function (this: HTMLCanvasElement, ...args) {
      setTimeout(() => encode.apply(this, args), 1000)
    }
  })
  const file = ui.exportAs('png')
  await expect(ui.page.getByTestId('busy')).toContainText('Drawing the timeline')
  const { suggestedFilename } = await file
  await expect(ui.page.getByTestId('busy')).toBeHidden()
  await expect(successMessage(ui.page)).toContainText(
    `Timeline picture saved to your downloads as ${suggestedFilename}`,
  )
})

test('PNG is refused with a reason while the table is shown', async ({ app }) => {
  const ui = await openApp(app.page)
  await ui.page.getByTestId('view-table').click()
  const dialog = await ui.openExport()
  await dialog.getByTestId('export-format-png').check()
  await expect(dialog.getByRole('alert')).toContainText('switch to the Timeline view')
  await expect(dialog.getByTestId('export-run')).toBeDisabled()
})

test('PDF in the browser build prints the report from a script-less frame, not the app', async ({
  app,
  consoleErrors,
}) => {
  // Record print() calls instead of opening the print dialog: on the app's window, and on any
  // frame's window as the app reaches it.
  await app.page.addInitScript(() => {
    interface Printed {
      where: 'app' | 'frame'
      sandbox?: string | null
      title?: string
      text?: string
      maxWidth?: string
      scripts?: number
    }
    const store = window as Window & { __printed?: Printed[] }
    store.__printed = []
    window.print = () => store.__printed?.push({ where: 'app' })
    const original = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')
    Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
      configurable: true,
      get(this: HTMLIFrameElement) {
        const child = original?.get?.call(this) as Window | null
        if (child) {
          const sandbox = this.getAttribute('sandbox')
          child.print = () => {
            const doc = child.document
            store.__printed?.push({
              where: 'frame',
              sandbox,
              title: doc.title,
              text: doc.body.innerText,
              maxWidth: child.getComputedStyle(doc.body).maxWidth,
              scripts: doc.scripts.length,
            })
          }
        }
        return child
      },
    })
  })
  const ui = await openApp(app.page)
  await ui.selectOnTimeline(NOTED_EVENT)
  await ui.addNote(NOTE)
  const dialog = await ui.openExport()
  await dialog.getByTestId('export-format-pdf').check()
  await expect(dialog.getByTestId('export-run')).toHaveText('Print…')
  await dialog.getByTestId('export-run').click()
  await expect(ui.page.getByTestId('message-info')).toContainText('Save as PDF')

  const printed = await ui.page.evaluate(
    () => (window as Window & { __printed?: Record<string, unknown>[] }).__printed ?? [],
  )
  expect(printed).toHaveLength(1)
  const [call] = printed
  expect(call?.['where']).toBe('frame')
  expect(String(call?.['sandbox'])).not.toContain('allow-scripts')
  expect(call?.['title']).toBe(`${TITLE}: annotated timeline`)
  expect(call?.['text']).toContain(NOTED_EVENT)
  expect(call?.['text']).toContain(NOTE)
  expect(call?.['text']).toContain('Sources')
  expect(call?.['scripts']).toBe(0)
  // The report's own stylesheet applied (46rem column), with no CSP error logged.
  expect(call?.['maxWidth']).toBe('736px')
  // The app itself was not what printed.
  expect(call?.['text']).not.toContain('Export…')
  // Playwright's trace recorder tries to run its snapshot script in every frame; the print frame
  // refuses it, as it refuses any script. That refusal is the sandbox working, not an app error.
  consoleErrors.expectNone([
    /^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/,
  ])
})

test('the current filter narrows every format: events, notes, sources and highlights', async ({
  app,
}) => {
  const ui = await openApp(app.page)
  await annotate(ui)
  // "Enforcement and figures": four events, quoting three of the five articles; the note's event
  // and the highlighted article are outside it.
  await ui.page.getByTestId('filter-category').selectOption('enforcement')
  const dialog = await ui.openExport()
  await expect(dialog.getByRole('radio', { name: /^Current filter/ })).toHaveAccessibleName(
    'Current filter (4 events)',
  )
  await expect(dialog.getByText('their notes, the sources they quote')).toBeVisible()
  await dialog.getByTestId('export-cancel').click()

  const csv = await ui.exportAs('csv', 'filter')
  const rows = Papa.parse<string[]>(csv.text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data
  expect(
    rows
      .slice(1)
      .map((r) => r[2])
      .sort(),
  ).toEqual(
    [
      '155 human trafficking cases in 2020',
      '359 human trafficking cases in 2021',
      '986 people repatriated from nine countries',
      'Ministry of Interior: 109 cases, 680 people rescued',
    ].sort(),
  )

  const report = await ui.exportAs('markdown', 'filter')
  expect(report.text).toContain('359 human trafficking cases in 2021')
  expect(report.text).not.toContain(NOTED_EVENT)
  expect(report.text).not.toContain(NOTE)
  expect(report.text).not.toContain(HIGHLIGHT_WORDS)
  expect(report.text).not.toContain(HIGHLIGHTED_ARTICLE)

  const csl = JSON.parse((await ui.exportAs('csl', 'filter')).text) as { id: string }[]
  expect(csl.map((i) => i.id).sort()).toEqual([
    'khmer-times-china-cooperation',
    'measures-to-prevent-trafficking',
    'ppp-interior-ministry-lauds',
  ])

  const annotations = JSON.parse((await ui.exportAs('annotations', 'filter')).text) as {
    first: { items: { id: string }[] }
  }
  expect(annotations.first.items.some((i) => i.id.includes(':highlight:'))).toBe(false)

  // The undated one of the four cannot be placed: it is named on the title slide instead.
  const timelineJs = JSON.parse((await ui.exportAs('timelinejs', 'filter')).text) as {
    title: { text: { text: string } }
    events: { text: { headline: string } }[]
  }
  expect(timelineJs.events.map((e) => e.text.headline).sort()).toEqual([
    '155 human trafficking cases in 2020',
    '359 human trafficking cases in 2021',
    'Ministry of Interior: 109 cases, 680 people rescued',
  ])
  expect(timelineJs.title.text.text).toContain('986 people repatriated from nine countries')

  const html = await ui.exportAs('html', 'filter')
  expect(html.text).toContain('986 people repatriated from nine countries')
  expect(html.text).not.toContain(NOTED_EVENT)

  // The whole timeline is still one choice away.
  const whole = await ui.exportAs('csv', 'all')
  expect(Papa.parse(whole.text, { skipEmptyLines: true }).data).toHaveLength(EVENT_COUNT + 1)
})

test('a failed export says what went wrong and loses nothing', async ({ app }) => {
  const ui = await openApp(app.page)
  await ui.selectOnTimeline(NOTED_EVENT)
  await ui.addNote(NOTE)
  // The browser refuses to make the download.
  await ui.page.evaluate(() => {
    URL.createObjectURL = () => {
      throw new Error('downloads are blocked')
    }
  })
  const dialog = await ui.openExport()
  await dialog.getByTestId('export-format-csv').check()
  await dialog.getByTestId('export-run').click()
  await expect(ui.page.getByTestId('message-error')).toContainText(
    'The CSV spreadsheet was not exported: downloads are blocked',
  )
  await expect(ui.page.getByTestId('message-error')).toContainText(
    'Nothing in Sourceline was changed',
  )
  expect((await ui.storedNotes()).map((n) => n.body)).toEqual([NOTE])
  await expect(ui.notes).toHaveCount(1)
})
