/**
 * Hostile things a user might paste: notes, event titles, tags and names carrying script tags,
 * event handlers, javascript: and data: links, DOM-clobbering ids, CSS overlays, deep nesting,
 * lone surrogates, right-to-left overrides, and a 50 MB paste. Nothing may run (the sentinel stays
 * unset), nothing may leave 127.0.0.1, the app keeps working, and what is stored is exactly what
 * was typed (or, when refused, nothing, with a message saying why).
 */
import { expect, expectSentinelUnset, test, type Page } from './fixtures'
import { SourcelinePage } from './pages/SourcelinePage'

const EVENT = 'Law on combatting human trafficking and sex trafficking'

const HOSTILE_NOTE = [
  `<script>window.__pwned='note-script'</script>`,
  `<img src=x onerror="window.__pwned='note-img'">`,
  `<svg onload="window.__pwned='note-svg'"></svg>`,
  `<iframe src="javascript:parent.__pwned='note-iframe'"></iframe>`,
  `[run me](javascript:window.__pwned='note-js-link')`,
  `[data link](data:text/html,<script>parent.__pwned='note-data'</script>)`,
  `<a href="javascript:window.__pwned='note-raw-a'">raw anchor</a>`,
  `<form id="app" name="api"><input name="appendChild"></form>`,
  `<a id="messages" name="documentElement">clobber</a>`,
  `<div style="position:fixed;inset:0;z-index:99999;background:red">overlay</div>`,
  `<style>body{display:none}</style>`,
  '>'.repeat(2000) + ' deep quote',
  '- '.repeat(1000) + 'deep list',
  '['.repeat(5000) + 'brackets' + ']'.repeat(5000),
  'right\u202Eto left override\u202C and \u2067isolate\u2069',
].join('\n\n')

/**
 * Puts `units` (UTF-16 code units, repeated `times`) into a field from inside the page, so lone
 * surrogates reach the app as they are rather than crossing a protocol that might repair them.
 */
async function typeInPage(page: Page, testId: string, units: number[], times = 1): Promise<void> {
  await page.evaluate(
    ({ id, codes, repeat }) => {
      const field = [
        ...document.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>(
          `[data-testid="${id}"]`,
        ),
      ].at(-1)
      if (!field) throw new Error(`no field ${id}`)
      field.value = String.fromCharCode(...codes).repeat(repeat)
      field.dispatchEvent(new Event('input', { bubbles: true }))
    },
    { id: testId, codes: units, repeat: times },
  )
}

const units = (text: string): number[] =>
  Array.from({ length: text.length }, (_, i) => text.charCodeAt(i))

test('a hostile note is stored exactly and shown as inert text', async ({
  page,
  consoleErrors,
  requests,
}) => {
  const app = await new SourcelinePage(page).open()
  await app.selectOnTimeline(EVENT)
  await app.addNote(HOSTILE_NOTE)
  const body = app.notes.first().getByTestId('note-body')
  await expect(body).toContainText(`<script>window.__pwned='note-script'</script>`)
  await expect(body).toContainText('<img src=x onerror=')
  await expect(body).toContainText('overlay')
  await expect(
    body.locator('script, img, svg, iframe, form, input, style, div[style], [id], [name], [style]'),
  ).toHaveCount(0)
  await expect(body.locator('a[href^="javascript" i], a[href^="data" i]')).toHaveCount(0)
  // The DOM-clobbering ids did not land: the app's own elements are still the only ones.
  expect(await page.evaluate(() => document.querySelectorAll('#app, #messages').length)).toBe(1)
  // No overlay covers the app: the export button is what sits at its own centre.
  const exportButton = page.getByTestId('export-open')
  const box = await exportButton.boundingBox()
  expect(
    await page.evaluate(
      ({ x, y }) =>
        document.elementFromPoint(x, y)?.closest('[data-testid]')?.getAttribute('data-testid'),
      { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 },
    ),
  ).toBe('export-open')

  // Links that are not https never open: clicking one says so and the app stays where it was.
  const url = page.url()
  const pages = app.notes.page().context().pages().length
  for (const text of ['run me', 'data link', 'raw anchor']) {
    const link = body.getByText(text, { exact: false }).first()
    if ((await link.count()) > 0) await link.click()
  }
  expect(page.url()).toBe(url)
  expect(page.context().pages()).toHaveLength(pages)
  await expect(page.getByTestId('link-prompt')).toHaveCount(0)

  expect((await app.storedNotes())[0]!.body).toBe(HOSTILE_NOTE)
  await expectSentinelUnset(page)
  requests.expectAllLocal()
  consoleErrors.expectNone()
})

test('lone surrogates and direction overrides in a note are kept exactly', async ({ page }) => {
  const app = await new SourcelinePage(page).open()
  await app.selectOnTimeline(EVENT)
  await typeInPage(
    page,
    'note-input',
    units('lone high \uD800 and low \uDC00, override \u202Egnp.exe\u202C, nul \u0000 end'),
  )
  await app.eventPanel.getByTestId('note-save').last().click()
  await expect(app.notes).toHaveCount(1)
  await expect(app.notes.first()).toContainText('lone high')
  const kept = await page.evaluate(
    () =>
      new Promise<boolean>((resolve, reject) => {
        const expected =
          'lone high \uD800 and low \uDC00, override \u202Egnp.exe\u202C, nul \u0000 end'
        const open = indexedDB.open('sourceline')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const request = open.result.transaction('notes').objectStore('notes').getAll()
          request.onsuccess = () => {
            open.result.close()
            resolve(request.result.length === 1 && request.result[0].body === expected)
          }
        }
      }),
  )
  expect(kept).toBe(true)
  await expectSentinelUnset(page)
})

test('hostile event titles, tags and names stay text on the timeline, panel and lists', async ({
  page,
  consoleErrors,
  requests,
}) => {
  const app = await new SourcelinePage(page).open()
  const title = `<img src=x onerror="window.__pwned='title'"> Raid \u202Egnp.exe`
  await page.getByTestId('new-event').click()
  await page.getByTestId('event-title-input').fill(title)
  await page.getByTestId('event-date-input').fill('March 2023')
  await page
    .getByTestId('event-summary-input')
    .fill(`<script>window.__pwned='summary'</script> [x](javascript:window.__pwned='summary-link')`)
  await page.getByTestId('event-people-input').fill(`<svg onload="window.__pwned='person'">`)
  await page.getByTestId('event-organisations-input').fill(`<b id="app">Org</b>`)
  await page
    .getByTestId('event-tags-input')
    .fill(`<style>*{display:none}</style>, javascript:alert(1)`)
  await page.getByTestId('event-save').click()

  await expect(app.eventTitle).toHaveText(title)
  await expect(page.getByTestId('event-summary')).toContainText(
    `<script>window.__pwned='summary'</script>`,
  )
  await expect(page.getByTestId('event-tags')).toContainText('<style>*{display:none}</style>')
  await expect(app.eventPanel).toContainText(`<svg onload="window.__pwned='person'">`)
  await expect(app.eventPanel.locator('img, svg, script, style, b#app')).toHaveCount(0)
  const label = app.timelineItems.filter({ hasText: 'Raid' })
  await expect(label).toHaveCount(1)
  await expect(label).toContainText(`<img src=x onerror=`)
  await expect(app.timeline.locator('img, svg, script, style')).toHaveCount(0)

  await page.getByTestId('view-table').click()
  await expect(page.getByRole('table')).toContainText(`<img src=x onerror=`)
  await expect(page.getByRole('table').locator('img, svg, script')).toHaveCount(0)

  await page.getByTestId('show-entities').click()
  await page
    .getByTestId('entity-new-name')
    .fill(`<img src=x onerror="window.__pwned='entity'">Mallory`)
  await page.getByTestId('entity-add').click()
  await expect(page.getByTestId('entities-panel')).toContainText(
    `onerror="window.__pwned='entity'">Mallory`,
  )
  await expect(page.getByTestId('entities-panel').locator('img')).toHaveCount(0)

  const [stored] = await app.stored('userEvents')
  expect(stored).toMatchObject({
    title,
    people: [`<svg onload="window.__pwned='person'">`],
    organisations: [`<b id="app">Org</b>`],
  })
  expect(await page.evaluate(() => document.querySelectorAll('#app').length)).toBe(1)
  await expectSentinelUnset(page)
  requests.expectAllLocal()
  consoleErrors.expectNone()
})

test('a 50 MB paste into a note is refused at once with a clear message; the app responds', async ({
  app,
}) => {
  const page = app.page
  await app.context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const notes = await new SourcelinePage(page).open()
  await notes.selectOnTimeline(EVENT)
  await notes.noteInput.fill('Kept: what I typed before the paste. ')
  await page.evaluate(() =>
    navigator.clipboard.writeText('<script>window.__pwned=1</script> '.repeat(1_500_000)),
  )
  await notes.noteInput.focus()
  await page.keyboard.press('End')
  const started = Date.now()
  await page.keyboard.press('ControlOrMeta+V')
  await expect(page.getByTestId('note-refusal')).toHaveText(
    'Not pasted: that text is 51,000,000 characters long, and a note holds at most a million. ' +
      'Split it into several notes.',
  )
  await expect(notes.noteInput).toHaveValue('Kept: what I typed before the paste. ')
  // Still responsive: the table view opens at once.
  await page.getByTestId('view-table').click()
  await expect(page.getByRole('table')).toBeVisible()
  expect(Date.now() - started).toBeLessThan(5_000)
  await page.getByTestId('view-timeline').click()
  expect(await notes.storedNotes()).toEqual([])

  // A short paste still goes in, and the note saves.
  await notes.selectOnTimeline(EVENT)
  await page.evaluate(() => navigator.clipboard.writeText('A short pasted line.'))
  await notes.noteInput.focus()
  await page.keyboard.press('ControlOrMeta+V')
  await expect(page.getByTestId('note-refusal')).toHaveCount(0)
  await expect(notes.noteInput).toHaveValue(
    'Kept: what I typed before the paste. A short pasted line.',
  )
  await notes.eventPanel.getByTestId('note-save').last().click()
  await expect(notes.notes).toHaveCount(1)
  expect((await notes.storedNotes()).map((n) => n.body)).toEqual([
    'Kept: what I typed before the paste. A short pasted line.',
  ])
  await expectSentinelUnset(page)
})

test('a note over a million characters that got in anyway is refused on save and kept', async ({
  page,
}) => {
  const app = await new SourcelinePage(page).open()
  await app.selectOnTimeline(EVENT)
  await typeInPage(page, 'note-input', units('x'), 1_000_001)
  await app.eventPanel.getByTestId('note-save').last().click()
  await expect(page.getByTestId('message-error')).toContainText(
    'This note is over a million characters; split it up.',
  )
  expect(await app.noteInput.evaluate((t: HTMLTextAreaElement) => t.value.length)).toBe(1_000_001)
  expect(await app.storedNotes()).toEqual([])
})
