/**
 * Find passage in texts where lower-casing changes lengths (Turkish İ) and where words are kept
 * apart by invisible U+200B (Khmer): the passage offered and kept is exactly the words typed.
 */
import { expect, test } from './fixtures'
import { ArticleImport, type FileToImport } from './pages/ArticleImport'
import { SourcelinePage } from './pages/SourcelinePage'

function text(name: string, content: string): FileToImport {
  return { name, mimeType: 'text/plain', buffer: Buffer.from(content) }
}

test('after a Turkish İ, Find passage selects and keeps exactly the words typed', async ({
  page,
  consoleErrors,
}) => {
  const main = await new SourcelinePage(page).open()
  const importing = new ArticleImport(page)
  await importing.choose(
    text(
      'istanbul.txt',
      'İSTANBUL İŞÇİLERİ toplandı\n\nİİİ officials met the task force on Monday in İzmir.\n',
    ),
  )
  await importing.saveAs('İSTANBUL İŞÇİLERİ toplandı', 'istanbul.txt')

  await page.getByTestId('find-passage').fill('task force')
  await page.getByTestId('find-passage').press('Enter')
  await expect(page.locator('.selection-bar .preview')).toHaveText('task force')
  await page.getByTestId('make-highlight').click()
  await page.getByTestId('highlight-save').click()
  await expect(page.getByTestId('highlight-mark')).toHaveText('task force')
  const [stored] = await main.stored('highlights')
  expect(stored).toMatchObject({ quote: { exact: 'task force' } })

  // Case and dots do not matter either way: "izmir" finds "İzmir", whole.
  await page.getByTestId('find-passage').fill('izmir')
  await page.getByTestId('find-passage').press('Enter')
  await expect(page.locator('.selection-bar .preview')).toHaveText('İzmir')
  consoleErrors.expectNone()
})

test('a Khmer phrase typed without U+200B is found in text that has it', async ({
  page,
  consoleErrors,
}) => {
  await new SourcelinePage(page).open()
  const importing = new ArticleImport(page)
  const ZWSP = '\u200B'
  const body = ['ការ', 'ជួញដូរ', 'មនុស្ស', 'គឺជា', 'បញ្ហា', 'ធំ'].join(ZWSP)
  await importing.choose(text('khmer.txt', `ព័ត៌មាន\n\n${body}។\n`))
  await importing.saveAs('ព័ត៌មាន', 'khmer.txt')

  await page.getByTestId('find-passage').fill('ជួញដូរមនុស្ស')
  await page.getByTestId('find-passage').press('Enter')
  await expect(page.locator('.selection-bar .preview')).toHaveText(`ជួញដូរ${ZWSP}មនុស្ស`)
  consoleErrors.expectNone()
})
