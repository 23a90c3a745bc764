/**
 * Search as a user meets it: Ctrl+K over every article, event, note and name, results as they
 * type with the words marked, a hit opening its article at the words, Khmer found without its
 * invisible word breaks, the "matching events" toggle narrowing the timeline and the export, a
 * note found after undo, redo and a restart, what a project import or a restore brings in found
 * (and what a restore takes away gone), and hostile queries staying text.
 */
import AxeBuilder from '@axe-core/playwright'
import { download, expect, test, type Page } from './fixtures'
import { ArticleImport, type FileToImport } from './pages/ArticleImport'
import { ProjectScreens } from './pages/ProjectScreens'
import { SourcelinePage } from './pages/SourcelinePage'

const ZWSP = '\u200B'
const EVENT = 'Cambodian National Task Force on human trafficking set up'

// Each test waits for the index, searches several times and checks with axe: slow on 2 cores.
test.describe.configure({ timeout: 180_000 })

class SearchView {
  readonly dialog
  readonly input
  readonly hits
  readonly count

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('search-dialog')
    this.input = page.getByTestId('search-input')
    this.hits = page.getByTestId('search-hit')
    this.count = page.getByTestId('search-count')
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('Control+k')
    await expect(this.dialog).toBeVisible()
    await expect(this.input).toBeFocused()
  }

  async search(words: string): Promise<void> {
    await this.input.fill(words)
  }

  /** Waits until the index has nothing left to do, so results are complete. */
  async settled(): Promise<void> {
    await expect(this.page.getByTestId('search-incomplete')).toHaveCount(0, { timeout: 20_000 })
  }
}

test('Ctrl+K finds "Sar Kheng" in the right article and opens it scrolled to the words', async ({
  page,
  consoleErrors,
}) => {
  const main = await new SourcelinePage(page).open()
  const search = new SearchView(page)
  await search.open()
  await search.settled()
  await search.search('sar kheng')
  const passages = search.hits.and(page.locator('[data-kind="passage"]'))
  await expect(passages.first()).toBeVisible()
  await expect(passages.first()).toHaveAttribute(
    'data-article-id',
    'measures-to-prevent-trafficking',
  )
  await expect(passages.first().locator('mark')).toHaveText(['Sar Kheng'])
  await expect(search.count).toContainText('results')
  // Groups: the event that names him and the person are found too.
  await expect(search.hits.and(page.locator('[data-kind="event"]')).first()).toBeVisible()
  await expect(search.hits.and(page.locator('[data-kind="entity"]')).first()).toContainText(
    'Sar Kheng',
  )

  const axe = await new AxeBuilder({ page }).include('[data-testid="search-dialog"]').analyze()
  expect(axe.violations).toEqual([])

  // Arrows move through the results; Enter opens the passage.
  await search.input.press('ArrowDown')
  await search.input.press('ArrowUp')
  await search.input.press('Enter')
  await expect(search.dialog).toBeHidden()
  await expect(main.articleTitle).toHaveText('Cambodia Takes Measures To Prevent Human Trafficking')
  // Inside the event's evidence here: marked as found on top of it.
  const found = page.getByTestId('article-body').locator('mark.found')
  await expect(found).toHaveText('Sar Kheng')
  await expect(found).toBeInViewport()
  // The words are offered like a mouse selection: keep them as a highlight.
  await expect(page.locator('.selection-bar .preview')).toHaveText('Sar Kheng')
  await page.getByTestId('make-highlight').click()
  await page.getByTestId('highlight-save').click()
  await expect(page.getByTestId('article-body').locator('mark.user-highlight')).toHaveText(
    'Sar Kheng',
  )
  const [stored] = await main.stored('highlights')
  expect(stored).toMatchObject({ articleId: 'measures-to-prevent-trafficking' })
  expect((stored!['quote'] as { exact: string }).exact).toBe('Sar Kheng')
  consoleErrors.expectNone()
})

test('a Khmer article imported from a .txt is found by a Khmer word typed without U+200B', async ({
  page,
  consoleErrors,
}) => {
  await new SourcelinePage(page).open()
  const importing = new ArticleImport(page)
  const body = ['ការ', 'ជួញដូរ', 'មនុស្ស', 'គឺជា', 'បញ្ហា', 'ធំ'].join(ZWSP)
  const file: FileToImport = {
    name: 'khmer.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(`ព័ត៌មានថ្មី\n\n${body}។\n`),
  }
  await importing.choose(file)
  await importing.saveAs('ព័ត៌មានថ្មី', 'khmer.txt')

  const search = new SearchView(page)
  await page.getByTestId('search-open').click()
  await search.settled()
  await search.search('ជួញដូរមនុស្ស')
  const hit = search.hits.and(page.locator('[data-kind="passage"]')).first()
  await expect(hit.locator('mark')).toHaveText(`ជួញដូរ${ZWSP}មនុស្ស`)
  await expect(hit.getByTestId('search-snippet')).toHaveAttribute('dir', 'auto')
  // The article's language travels with its passages, so the snippet is laid out as Khmer.
  await expect(hit.getByTestId('search-snippet')).toHaveAttribute('lang', 'km')
  await hit.click()
  await expect(page.getByTestId('article-body').locator('mark.found')).toHaveText(`ជួញដូរ${ZWSP}មនុស្ស`)
  consoleErrors.expectNone()
})

test('the matching-events toggle narrows the timeline, shows in the filter bar and exports', async ({
  page,
  consoleErrors,
}) => {
  const main = await new SourcelinePage(page).open()
  const total = await main.timelineItems.count()
  const search = new SearchView(page)
  await search.open()
  await search.settled()
  await search.search('"task force"')
  await expect(search.count).toBeVisible()
  await page.getByTestId('search-narrow').check()
  await page.keyboard.press('Escape')
  await expect(search.dialog).toBeHidden()
  // Focus went back where it was.
  await expect(page.locator('body')).toBeFocused()

  await expect(page.getByTestId('filter-search')).toContainText('task force')
  await expect(main.timelineItems.filter({ hasText: 'National Task Force' })).toHaveCount(1)
  const shown = await main.timelineItems.count()
  expect(shown).toBeGreaterThan(0)
  expect(shown).toBeLessThan(total)
  await expect(page.getByTestId('filter-count')).toContainText(`${shown} of`)

  const exported = await main.exportAs('markdown', 'filter')
  expect(exported.text).toContain('Cambodian National Task Force on human trafficking set up')
  expect(exported.text).not.toContain('China agrees on anti-human trafficking cooperation')

  await page.getByTestId('filter-search-clear').click()
  await expect(main.timelineItems).toHaveCount(total)
  consoleErrors.expectNone()
})

test('a note is found after undo, redo and a restart', async ({ app, consoleErrors }) => {
  let page = app.page
  let main = await new SourcelinePage(page).open()
  await main.selectOnTimeline('Cambodian National Task Force on human trafficking set up')
  await main.addNote('Ask the ministry about the zeppelin budget')
  let search = new SearchView(page)

  const expectNoteHits = async (count: number) => {
    await search.open()
    await search.settled()
    await search.search('zeppelin')
    await expect(search.hits.and(page.locator('[data-kind="note"]'))).toHaveCount(count)
    await page.keyboard.press('Escape')
  }
  await expectNoteHits(1)
  await page.getByTestId('undo').click()
  await expect(main.notes).toHaveCount(0)
  await expectNoteHits(0)
  await page.getByTestId('redo').click()
  await expect(main.notes).toHaveCount(1)
  await expectNoteHits(1)

  // restart() opens the app again: no second navigation.
  page = await app.restart()
  main = new SourcelinePage(page)
  await expect(main.timelineItems.first()).toBeVisible()
  search = new SearchView(page)
  await search.open()
  await search.search('zeppelin')
  const hit = search.hits.and(page.locator('[data-kind="note"]'))
  await expect(hit).toHaveCount(1)
  await expect(hit.locator('mark')).toHaveText('zeppelin')
  // The stored index was used: nothing was rebuilt from scratch.
  await expect(page.getByTestId('search-incomplete')).toHaveCount(0)
  await hit.click()
  await expect(main.eventTitle).toHaveText(
    'Cambodian National Task Force on human trafficking set up',
  )
  consoleErrors.expectNone()
})

/** The note hits for `words`, once the index has nothing left to do; the view is closed after. */
async function noteHits(page: Page, words: string): Promise<string[]> {
  const search = new SearchView(page)
  await search.open()
  await search.settled()
  await search.search(words)
  // A count, or the empty answer naming these words (never one left from another query).
  await expect(
    search.count.or(page.getByTestId('search-empty').filter({ hasText: words })),
  ).toBeVisible()
  const hits = search.hits.and(page.locator('[data-kind="note"]'))
  const texts = await hits.locator('mark').allTextContents()
  await page.keyboard.press('Escape')
  await expect(search.dialog).toBeHidden()
  return texts
}

test('what a project file brings in is found', async ({ page, consoleErrors }) => {
  const main = await new SourcelinePage(page).open()
  await main.selectOnTimeline(EVENT)
  await main.addNote('Ask the court clerk about the quokka ledger')
  const screens = new ProjectScreens(page)
  const saved = await screens.saveProject()
  await screens.close()
  // The note goes; the index follows.
  await page.getByTestId('undo').click()
  await expect(main.notes).toHaveCount(0)
  await expect.poll(() => noteHits(page, 'quokka')).toEqual([])

  expect(await screens.importProject(saved.path)).toContain('1 record added')
  await expect.poll(() => noteHits(page, 'quokka ledger')).toEqual(['quokka ledger'])
  consoleErrors.expectNone()
})

test('after a restore, search finds what the backup held and not what came after', async ({
  page,
  consoleErrors,
}) => {
  const main = await new SourcelinePage(page).open()
  await main.selectOnTimeline(EVENT)
  await main.addNote('Before the backup: the wombat report')
  const screens = new ProjectScreens(page)
  await screens.openBackups()
  const backup = await download(page, () => page.getByTestId('backup-download').click())
  await screens.close()
  // After the backup the note goes and another comes.
  await page.getByTestId('undo').click()
  await expect(main.notes).toHaveCount(0)
  await main.addNote('After the backup: the platypus report')
  await expect.poll(() => noteHits(page, 'platypus')).toEqual(['platypus'])
  await expect.poll(() => noteHits(page, 'wombat')).toEqual([])

  await screens.openBackups()
  await page.getByTestId('restore-file').setInputFiles(backup.path)
  await screens.confirmAndRead('restore-confirm-button', 'Restored')
  await expect.poll(() => noteHits(page, 'wombat')).toEqual(['wombat'])
  await expect.poll(() => noteHits(page, 'platypus')).toEqual([])
  consoleErrors.expectNone()
})

test('hostile queries are text: markup, regex characters and 10,000 characters', async ({
  page,
  consoleErrors,
}) => {
  await new SourcelinePage(page).open()
  const search = new SearchView(page)
  await search.open()
  await search.settled()
  await page.evaluate(() => {
    ;(window as unknown as { pwned: boolean }).pwned = false
  })
  for (const query of [
    '<img src=x onerror="window.pwned=true">',
    '.*+?^${}()|[]\\ (?<a>',
    'trafficking '.repeat(1000).slice(0, 10_000),
  ]) {
    await search.search(query)
    await expect(page.getByTestId('search-status')).not.toBeEmpty()
  }
  await search.search('<img src=x onerror="window.pwned=true">')
  await expect(page.getByTestId('search-empty')).toContainText('<img src=x onerror=')
  await expect(search.dialog.locator('img')).toHaveCount(0)
  expect(await page.evaluate(() => (window as unknown as { pwned: boolean }).pwned)).toBe(false)
  // The app still answers.
  await search.search('sar kheng')
  await expect(search.hits.first()).toBeVisible()
  consoleErrors.expectNone()
})
