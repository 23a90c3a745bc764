/**
 * A large project's exports and annotations list through the UI: 6,000 generated events (with
 * 1,500 notes and 1,500 highlights) imported from the Project file screen. An export shows its
 * progress and can be cancelled (no file, a message saying so); the finished CSV holds every
 * generated event's record as the project has it. The annotations list keeps a
 * small page whatever it holds, and a note far down the list opens its own event.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { generateProject } from '../scripts/generate-project.mjs'
import Papa from 'papaparse'
import { CATEGORIES } from '../src/shared/corpus'
import { download, expect, test } from './fixtures'
import { ProjectScreens } from './pages/ProjectScreens'
import { SourcelinePage } from './pages/SourcelinePage'

const EVENTS = 6_000
const BUNDLED = 23

interface Generated {
  data: {
    userEvents: {
      id: string
      title: string
      summary: string
      date: { edtf: string | null; note: string }
      category: string
      people: string[]
      organisations: string[]
    }[]
    evidence: { eventId: string; articleId: string; stance: string; quote: { exact: string } }[]
    notes: { id: string; eventId: string; body: string; createdAt: number }[]
    highlights: { id: string }[]
    articles: { id: string; title: string }[]
  }
}

test.describe.configure({ timeout: 600_000 })

async function importLarge(app: { page: import('@playwright/test').Page }, path: string) {
  const project = generateProject(EVENTS) as Generated
  await writeFile(path, JSON.stringify(project))
  const ui = await new SourcelinePage(app.page).open()
  await new ProjectScreens(ui.page).chooseImport(path)
  await ui.page.getByTestId('import-confirm').click()
  // Generous: the machine running the tests may be busy; speed is the benchmark's to judge.
  await expect(ui.page.getByTestId('filter-count')).toHaveText(
    `${(EVENTS + BUNDLED).toLocaleString('en')} events`,
    {
      timeout: 300_000,
    },
  )
  return { ui, project }
}

async function openExport(page: import('@playwright/test').Page, format: string) {
  await page.getByTestId('export-open').click()
  const dialog = page.getByTestId('export-dialog')
  await dialog.getByTestId(`export-format-${format}`).check()
  return dialog
}

test('a large export shows progress, can be cancelled, and writes every record', async ({
  app,
}, testInfo) => {
  const { ui, project } = await importLarge(app, testInfo.outputPath('large-project.json'))
  const page = ui.page

  // Cancelled part way: a determinate bar first, then no file and a message saying so.
  let downloads = 0
  page.on('download', () => downloads++)
  // Each slice of records reaches the export Worker 300 ms late, as on a slow machine: the export
  // stays long enough to be cancelled however fast this one is.
  await page.evaluate(() => {
    const post = Worker.prototype.postMessage
    const w = window as unknown as { __restorePost?: () => void }
    Worker.prototype.postMessage = function (this: Worker, ...args: Parameters<typeof post>) {
      setTimeout(() => post.apply(this, args), 300)
    } as typeof post
    w.__restorePost = () => (Worker.prototype.postMessage = post)
  })
  const dialog = await openExport(page, 'html')
  await dialog.getByTestId('export-run').click()
  const bar = page.getByTestId('busy').getByRole('progressbar')
  await expect(bar).toHaveAttribute('value', /.+/, { timeout: 60_000 })
  await page.getByTestId('busy-cancel').click()
  await expect(
    page.getByTestId('message-info').filter({ hasText: 'export was cancelled' }),
  ).toHaveCount(1, { timeout: 60_000 })
  await expect(page.getByTestId('busy')).toBeHidden()
  await page.waitForTimeout(500)
  expect(downloads).toBe(0)
  await page.evaluate(() => (window as unknown as { __restorePost: () => void }).__restorePost())

  // Finished: every generated event's record, cell by cell, as the project holds it. (That
  // the chunked file is byte for byte the one-piece one is held by domain/exports/pieces.test.ts.)
  await openExport(page, 'csv')
  const file = await download(page, () =>
    page.getByTestId('export-dialog').getByTestId('export-run').click(),
  )
  await expect(
    page.getByTestId('message-success').filter({ hasText: 'Spreadsheet saved' }),
  ).toContainText(file.suggestedFilename)
  const bytes = await readFile(file.path)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  expect(bytes.subarray(-2).toString()).toBe('\r\n')
  const parsed = Papa.parse<string[]>(bytes.toString('utf8').replace(/^\uFEFF/, ''), {
    skipEmptyLines: true,
  })
  expect(parsed.errors).toEqual([])
  const rows = new Map(parsed.data.slice(1).map((row) => [row[15], row]))
  expect(parsed.data).toHaveLength(EVENTS + BUNDLED + 1)
  const titles = new Map(project.data.articles.map((a) => [a.id, a.title]))
  const labels = new Map<string, string>(CATEGORIES.map((c) => [c.id, c.label]))
  const notesOf = new Map<string, Generated['data']['notes']>()
  for (const note of project.data.notes)
    notesOf.set(note.eventId, [...(notesOf.get(note.eventId) ?? []), note])
  for (const event of project.data.userEvents) {
    const quotes = project.data.evidence.filter((e) => e.eventId === event.id)
    const notes = (notesOf.get(event.id) ?? []).sort(
      (a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1),
    )
    const row = rows.get(event.id)
    expect(row, event.id).toBeDefined()
    expect([row![0], ...row!.slice(2, 9), row![10], ...row!.slice(11)]).toEqual([
      event.date.edtf ?? '',
      event.title,
      labels.get(event.category),
      event.people.join('; '),
      event.organisations.join('; '),
      '',
      [...new Set(quotes.map((q) => titles.get(q.articleId)))].join('\n'),
      quotes.map((q) => `[${q.stance}] “${q.quote.exact}” — ${titles.get(q.articleId)}`).join('\n'),
      quotes.map(() => 'ungraded').join('\n'),
      notes.map((n) => n.body.trim()).join('\n\n'),
      event.summary,
      event.date.note,
      'you',
      event.id,
    ])
  }
})

test('the annotations list stays small in the page and still opens the right note', async ({
  app,
}, testInfo) => {
  const { ui, project } = await importLarge(app, testInfo.outputPath('large-project.json'))
  const page = ui.page
  await page.getByTestId('show-annotations').click()
  const notes = project.data.notes
  await expect(
    page.getByText(`Notes on events (${notes.length.toLocaleString('en')})`),
  ).toBeVisible()
  // The lists are worked out in slices; once whole, the reading line is gone and counts are right.
  await expect(page.getByTestId('annotations-reading')).toHaveText('')
  await expect(
    page.getByText(`Highlights (${project.data.highlights.length.toLocaleString('en')})`),
  ).toBeVisible()

  const list = page.getByTestId('note-list')
  const items = page.getByTestId('note-item')
  // Thousands of notes, a few dozen items in the page.
  expect(await items.count()).toBeLessThan(100)
  expect(await page.getByTestId('highlight-item').count()).toBeLessThan(100)
  await expect(items.first()).toHaveAttribute('aria-setsize', String(notes.length))
  await expect(items.first()).toHaveAttribute('aria-posinset', '1')

  // End moves focus to the last note, scrolling it into the page.
  await items.first().getByRole('button').focus()
  await page.keyboard.press('End')
  const last = list.locator(`li[aria-posinset="${notes.length}"]`)
  await expect(last.getByRole('button')).toBeFocused()
  expect(await items.count()).toBeLessThan(100)

  // A note far down the list, brought into view by scrolling, opens its own event.
  await page.keyboard.press('Home')
  await expect(items.first().getByRole('button')).toBeFocused()
  const middle = Math.floor(notes.length / 2)
  await list.evaluate((ul, at) => {
    const box = ul.parentElement!
    const row = ul.querySelector('li')!.getBoundingClientRect().height
    box.scrollTop = at * row
  }, middle)
  const target = list.locator(`li[aria-posinset="${middle + 1}"]`)
  await expect(target).toBeVisible()
  const eventTitle = (await target.getByRole('button').textContent())?.trim() ?? ''
  const noteBody = (await target.locator('.note-text').textContent()) ?? ''
  const note = notes.find((n) => n.body === noteBody)
  const event = project.data.userEvents.find((e) => e.id === note?.eventId)
  expect(event?.title).toBe(eventTitle)
  await target.getByRole('button').click()
  await expect(ui.eventTitle).toHaveText(eventTitle)

  // The event filter is words of the title: that event's notes, and no highlights.
  await page.getByTestId('show-annotations').click()
  await page.getByTestId('annotations-event').fill(eventTitle)
  const titles = new Map(project.data.userEvents.map((e) => [e.id, e.title]))
  const matching = notes.filter((n) => titles.get(n.eventId)?.includes(eventTitle))
  await expect(
    page.getByText(`Notes on events (${matching.length.toLocaleString('en')})`),
  ).toBeVisible()
  await expect(items).toHaveCount(matching.length)
  await expect(page.getByText('Highlights (0)')).toBeVisible()
})
