/**
 * Importing articles as a user does: a saved news page through "Import article…", a Markdown file
 * dropped on the window, text pasted with Ctrl+V. Each is reviewed, saved to IndexedDB, read and
 * annotated like a bundled article, survives a restart, and a second import of the same content
 * is caught before anything is written.
 */
import AxeBuilder from '@axe-core/playwright'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, expectSentinelUnset, test } from './fixtures'
import { ArticleImport, PARSE_CSP_REPORTS, type FileToImport } from './pages/ArticleImport'
import { SourcelinePage } from './pages/SourcelinePage'

const HOSTILE_BYTES = readFileSync(resolve('e2e/fixtures/hostile-article.html'))
const HOSTILE: FileToImport = {
  name: 'hostile-article.html',
  mimeType: 'text/html',
  buffer: HOSTILE_BYTES,
}
const HOSTILE_SHA256 = createHash('sha256').update(HOSTILE_BYTES).digest('hex')
const HOSTILE_TITLE = 'Cambodia and Thailand sign pact on trafficking victims'

const MARKDOWN: FileToImport = {
  name: 'clip.md',
  mimeType: 'text/markdown',
  buffer: Buffer.from(
    [
      '---',
      'title: Border checkpoint screening begins',
      'author: Dara Lim',
      'source: Mekong Weekly',
      'date: 2023-04-03',
      'url: https://mekong.example.org/checkpoint',
      '---',
      '',
      'Screening of returning migrants began at the **Poipet** checkpoint on Monday.',
      '',
      'Officials said 40 people were screened on the first day.',
    ].join('\n'),
  ),
}

test('a saved news page is imported through the file picker, runs nothing, and can be annotated across a restart', async ({
  app,
  consoleErrors,
  requests,
}) => {
  const main = await new SourcelinePage(app.page).open()
  const importing = new ArticleImport(app.page)
  await importing.choose(HOSTILE)

  await expect(importing.dialog).toBeVisible()
  await expect(importing.title).toHaveValue(HOSTILE_TITLE)
  await expect(importing.outlet).toHaveValue('The Phnom Penh Standard')
  await expect(importing.byline).toHaveValue('Sok Chea')
  await expect(importing.date).toHaveValue('2023-03-27')
  await expect(importing.dateFeedback).toContainText('27 March 2023')
  await expect(importing.url).toHaveValue(
    'https://standard.example.org/news/pact-on-trafficking-victims',
  )
  await expect(importing.dialog.getByTestId('import-file-name')).toHaveText(HOSTILE.name)
  await expect(importing.dialog.getByTestId('import-sha256')).toHaveText(HOSTILE_SHA256)
  await expect(importing.warnings).toContainText('direction control')
  await expect(importing.preview).toContainText('Cambodia and Thailand on Monday signed')
  // The preview is text: no element from the page made it into the dialog.
  await expect(importing.preview.locator('a, img, script, iframe, svg, form')).toHaveCount(0)

  await importing.saveAs(HOSTILE_TITLE, HOSTILE.name)
  await expect(main.articleTitle).toHaveText(HOSTILE_TITLE)
  await expect(app.page.getByTestId('imported-badge')).toHaveText('Imported')
  await expect(app.page.getByTestId('article-outlet')).toContainText('The Phnom Penh Standard')
  await expect(app.page.getByTestId('article-date')).toContainText('27 March 2023')
  const body = app.page.getByTestId('article-body')
  await expect(body).toContainText('“Nobody should wait in a cell to be called a victim,”')
  await expect(body).not.toContainText('First! This is a comment')
  await expect(body.locator('a, img, script, iframe, svg, form, style')).toHaveCount(0)

  const [stored] = await main.stored('articles')
  expect(stored).toMatchObject({
    title: HOSTILE_TITLE,
    outlet: 'The Phnom Penh Standard',
    byline: 'Sok Chea',
    published: { edtf: '2023-03-27' },
    url: 'https://standard.example.org/news/pact-on-trafficking-victims',
    originalName: HOSTILE.name,
    mediaType: 'text/html',
    sha256: HOSTILE_SHA256,
    original: HOSTILE_BYTES.toString('utf8'),
  })
  const articleId = stored!['id'] as string

  await main.highlight('speed up the return of trafficking victims', 'Check the MoU text.', 'mou')
  await expect(app.page.locator('mark.user-highlight')).toHaveText([
    'speed up the return of trafficking victims',
  ])
  // A passage of an imported article can start an event, as in a bundled one.
  await main.findPassage('The agreement takes effect on 1 May.')
  await app.page.getByTestId('make-event').click()
  await app.page.getByTestId('event-title-input').fill('Return pact takes effect')
  await app.page.getByTestId('event-save').click()
  await expect(main.eventTitle).toHaveText('Return pact takes effect')
  const [event] = await main.stored('evidence')
  expect(event).toMatchObject({
    articleId,
    quote: { exact: 'The agreement takes effect on 1 May.' },
  })

  // Its names count as mentions, and the report cites it like any source.
  await app.page.getByTestId('show-entities').click()
  const person = app.page.getByTestId('entity').filter({
    has: app.page.locator('.head strong', { hasText: /^Chou Bun Eng$/ }),
  })
  await person.getByTestId('entity-mentions').click()
  await person.getByRole('button', { name: HOSTILE_TITLE }).click()
  await expect(main.articleTitle).toHaveText(HOSTILE_TITLE)
  const report = await main.exportReport()
  expect(report.text).toContain('Return pact takes effect')
  expect(report.text).toContain('The agreement takes effect on 1 May.')
  expect(report.text).toContain(HOSTILE_TITLE)
  expect(report.text).toContain(HOSTILE_SHA256)
  // Listed once among the sources, not once per place that knows it.
  expect(report.text.split(HOSTILE_SHA256)).toHaveLength(2)
  const sources = JSON.parse((await main.exportAs('csl')).text) as { title?: string }[]
  expect(sources.filter((s) => s.title === HOSTILE_TITLE)).toHaveLength(1)

  await expectSentinelUnset(app.page)
  requests.expectAllLocal()
  consoleErrors.expectNone(PARSE_CSP_REPORTS)

  const page = await app.restart()
  const again = await new SourcelinePage(page).open()
  await again.showArticle(HOSTILE_TITLE)
  await expect(page.getByTestId('imported-badge')).toBeVisible()
  await expect(page.locator('mark.user-highlight')).toHaveText([
    'speed up the return of trafficking victims',
  ])
  await page.getByTestId('show-annotations').click()
  await expect(page.getByTestId('highlight-item')).toContainText('Check the MoU text.')
  await expectSentinelUnset(page)
  requests.expectAllLocal()
  consoleErrors.expectNone(PARSE_CSP_REPORTS)
})

test('a dropped Markdown file and pasted text become articles; an unsupported file is refused', async ({
  page,
  consoleErrors,
  requests,
}) => {
  const main = await new SourcelinePage(page).open()
  const importing = new ArticleImport(page)

  await importing.drop(
    { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') },
    MARKDOWN,
    { name: 'later.txt', mimeType: 'text/plain', buffer: Buffer.from('Later\n\nSome text.') },
  )
  await expect(page.getByTestId('message-error')).toContainText(
    '“scan.pdf” is not a kind of file Sourceline imports: choose a web page or text file (.html, .htm, .md, .markdown or .txt).',
  )
  await expect(importing.title).toHaveValue('Border checkpoint screening begins')
  await expect(importing.outlet).toHaveValue('Mekong Weekly')
  await expect(importing.byline).toHaveValue('Dara Lim')
  await expect(importing.dateFeedback).toContainText('3 April 2023')
  await expect(importing.url).toHaveValue('https://mekong.example.org/checkpoint')
  await expect(importing.dialog.getByTestId('import-waiting')).toHaveText(
    '1 more file to review after this one.',
  )
  await importing.saveAs('Border checkpoint screening begins', 'clip.md')
  await expect(page.getByTestId('article-body')).toContainText(
    'Screening of returning migrants began at the Poipet checkpoint on Monday.',
  )
  // Then the next dropped file; cancelling it imports nothing and says so.
  await expect(importing.title).toHaveValue('Later')
  await importing.cancel.click()
  await expect(importing.dialog).toBeHidden()
  await expect(page.getByTestId('message-info')).toContainText('“later.txt” was not imported.')

  const PASTED =
    'Police rescue 12 workers from fishing boat\n\nBy Sophal Chan\n\nTwelve workers were rescued from a fishing boat off Kampot, police said.'
  await importing.copy(PASTED)
  // Pasting into a text field stays ordinary pasting.
  await page.getByTestId('find-passage').click()
  await page.keyboard.press('ControlOrMeta+V')
  await expect(page.getByTestId('find-passage')).toHaveValue(PASTED.replace(/\n/g, ' '))
  await expect(importing.dialog).toBeHidden()
  await page.getByTestId('find-passage').fill('')

  await importing.pasteWithKeyboard()
  await expect(importing.title).toHaveValue('Police rescue 12 workers from fishing boat')
  await expect(importing.dateFeedback).toHaveText(
    'No date in the file — leave empty to keep it undated.',
  )
  const pastedName = await importing.dialog.getByTestId('import-file-name').textContent()
  expect(pastedName).toMatch(/^Pasted \d{4}-\d{2}-\d{2} \d{2}\.\d{2}\.\d{2}\.txt$/)
  await importing.saveAs('Police rescue 12 workers from fishing boat', pastedName!)
  await expect(main.articleTitle).toHaveText('Police rescue 12 workers from fishing boat')
  await expect(page.getByTestId('article-date')).toContainText('Date unknown')

  const stored = await main.stored('articles')
  expect(stored.map((a) => a['title']).sort()).toEqual([
    'Border checkpoint screening begins',
    'Police rescue 12 workers from fishing boat',
  ])
  expect(stored.find((a) => a['mediaType'] === 'text/plain')).toMatchObject({
    published: { edtf: null, note: 'No date in the file.' },
  })
  await expectSentinelUnset(page)
  requests.expectAllLocal()
  consoleErrors.expectNone()
})

test('importing the same content again is caught before saving and can show the first import', async ({
  page,
  consoleErrors,
}) => {
  const main = await new SourcelinePage(page).open()
  const importing = new ArticleImport(page)
  await importing.choose(MARKDOWN)
  await importing.saveAs('Border checkpoint screening begins', 'clip.md')
  await main.showArticle('Interior ministry lauds anti-trafficking work')
  // Bundled articles are read-only: no Imported mark, no edit or delete.
  await expect(page.getByTestId('imported-info')).toHaveCount(0)
  const before = await main.stored('articles')

  // The same bytes under another name are the same content.
  await importing.choose({ ...MARKDOWN, name: 'clip again.md' })
  await expect(importing.duplicate).toContainText(
    'This content is already imported, as “Border checkpoint screening begins”.',
  )
  await expect(importing.save).toBeDisabled()
  const axe = await new AxeBuilder({ page }).include('[data-testid="import-dialog"]').analyze()
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help}`),
  ).toEqual([])
  await importing.dialog.getByTestId('import-show-duplicate').click()
  await expect(importing.dialog).toBeHidden()
  await expect(main.articleTitle).toHaveText('Border checkpoint screening begins')
  expect(await main.stored('articles')).toEqual(before)
  consoleErrors.expectNone()
})

test('an imported article’s details can be corrected, and it can be deleted and brought back', async ({
  page,
}) => {
  const main = await new SourcelinePage(page).open()
  const importing = new ArticleImport(page)
  await importing.choose(MARKDOWN)
  await importing.date.fill('')
  await expect(importing.dateFeedback).toHaveText(
    'No date in the file — leave empty to keep it undated.',
  )
  await importing.date.fill('next week')
  await expect(importing.dateFeedback).toContainText('next week')
  await importing.url.fill('javascript-free.example.org')
  await expect(importing.dialog.getByTestId('import-url-feedback')).toContainText(
    'must start with http:// or https://',
  )
  await importing.save.click()
  await expect(importing.dialog).toBeVisible()
  await importing.date.fill('3 April 2023')
  await importing.url.fill('https://mekong.example.org/checkpoint')
  await importing.saveAs('Border checkpoint screening begins', 'clip.md')

  await page.getByTestId('imported-edit').click()
  const edit = page.getByTestId('imported-edit-dialog')
  await edit.getByTestId('import-title').fill('Poipet screening begins')
  await edit.getByTestId('import-date').fill('April 2023')
  await edit.getByTestId('import-save').click()
  await expect(edit).toBeHidden()
  await expect(main.articleTitle).toHaveText('Poipet screening begins')
  await expect(page.getByTestId('article-date')).toContainText('April 2023')
  const [edited] = await main.stored('articles')
  expect(edited).toMatchObject({
    title: 'Poipet screening begins',
    published: { edtf: '2023-04', note: 'Entered by hand as “April 2023”.' },
  })

  // While a highlight quotes it, deleting is refused and says why.
  await main.highlight('40 people were screened', '', '')
  await page.getByTestId('imported-delete').click()
  await expect(page.getByTestId('imported-delete-consequence')).toContainText(
    'cannot be deleted while 1 highlight quotes it',
  )
  await expect(page.getByTestId('imported-delete-confirm')).toHaveCount(0)
  await page.getByTestId('imported-delete-cancel').click()
  await page.locator('mark.user-highlight').click()
  await page.getByTestId('highlight-delete').click()
  await expect(page.locator('mark.user-highlight')).toHaveCount(0)

  await main.showArticle('Poipet screening begins')
  await page.getByTestId('imported-delete').click()
  await expect(page.getByTestId('imported-delete-consequence')).toContainText(
    'Undo (Ctrl+Z) brings them back',
  )
  await page.getByTestId('imported-delete-confirm').click()
  await expect(
    page.getByTestId('message-success').filter({ hasText: 'Deleted “Poipet screening begins”' }),
  ).toBeVisible()
  await page.getByTestId('article-picker').fill('Poipet screening')
  await expect(page.getByTestId('article-picker-list').getByRole('option')).toHaveCount(0)
  await page.getByTestId('article-picker').press('Escape')
  expect(await main.stored('articles')).toEqual([])

  await page.getByTestId('undo').click()
  await expect(page.getByTestId('message-info')).toContainText('Undone: Delete article')
  expect(await main.stored('articles')).toHaveLength(1)
  await main.showArticle('Poipet screening begins')
  await expect(page.getByTestId('imported-badge')).toBeVisible()
})
