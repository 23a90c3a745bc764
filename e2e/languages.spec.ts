/**
 * Articles in other languages and scripts (issue 12): an Arabic page is stored as Arabic and reads
 * right to left; a Khmer text file's Khmer dateline becomes its date and leaves the body.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test } from './fixtures'
import { ArticleImport, PARSE_CSP_REPORTS, type FileToImport } from './pages/ArticleImport'
import { SourcelinePage } from './pages/SourcelinePage'

const ARABIC: FileToImport = {
  name: 'ar-cdata.html',
  mimeType: 'text/html',
  buffer: readFileSync(resolve('test-fixtures/pages/ar-cdata.html')),
}
const ARABIC_TITLE = 'خطة جديدة لمكافحة الاتجار بالبشر'

const KHMER_TITLE = 'ក្រសួងមហាផ្ទៃប្រកាសផែនការថ្មី'
const KHMER_DATELINE = 'ថ្ងៃទី២៧ ខែកក្កដា ឆ្នាំ២០១៩'
const KHMER: FileToImport = {
  name: 'khmer-news.txt',
  mimeType: 'text/plain',
  buffer: Buffer.from(
    [
      KHMER_TITLE,
      KHMER_DATELINE,
      '',
      'ក្រសួងមហាផ្ទៃបានប្រកាសពីផែនការសកម្មភាពថ្មីមួយដើម្បីប្រយុទ្ធប្រឆាំងនឹងការជួញដូរមនុស្ស។',
      '',
      'នគរបាលបានចាប់ខ្លួនជនសង្ស័យចំនួន៤០នាក់ក្នុងរយៈពេលប្រាំមួយខែចុងក្រោយនេះ។',
    ].join('\n'),
    'utf8',
  ),
}

test('an Arabic page is stored as Arabic and its text reads right to left', async ({
  app,
  consoleErrors,
}) => {
  const main = await new SourcelinePage(app.page).open()
  const importing = new ArticleImport(app.page)
  await importing.choose(ARABIC)

  await expect(importing.title).toHaveValue(ARABIC_TITLE)
  await expect(importing.dialog.getByTestId('import-title-source')).toHaveText(
    'from the headline in the page’s JSON-LD',
  )
  await expect(importing.outlet).toHaveValue('الجزيرة نت')
  await expect(importing.date).toHaveValue('2019-07-27')
  const language = importing.dialog.getByTestId('import-language')
  await expect(language).toHaveValue('ar')
  await expect(importing.dialog.getByTestId('import-language-feedback')).toContainText(
    'Arabic, right to left',
  )
  await expect(importing.dialog.getByTestId('import-language-source')).toHaveText(
    '(from the page’s lang attribute)',
  )
  // The comments section was cut, and the dialog says so.
  await expect(importing.dialog.getByTestId('import-removed')).toContainText('a comments section')
  await importing.saveAs(ARABIC_TITLE, ARABIC.name)

  const body = app.page.getByTestId('article-body')
  await expect(main.articleTitle).toHaveText(ARABIC_TITLE)
  await expect(body).toHaveAttribute('lang', 'ar')
  expect(await body.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl')
  expect(
    await body
      .locator('p')
      .first()
      .evaluate((el) => getComputedStyle(el).direction),
  ).toBe('rtl')
  await expect(body).not.toContainText('مقال رائع جدا')

  const [stored] = await main.stored('articles')
  expect(stored).toMatchObject({ language: 'ar', direction: 'rtl', title: ARABIC_TITLE })
  consoleErrors.expectNone(PARSE_CSP_REPORTS)
})

test('a Khmer text file with a Khmer dateline is dated 27 July 2019, without the dateline in its text', async ({
  app,
  consoleErrors,
}) => {
  const main = await new SourcelinePage(app.page).open()
  const importing = new ArticleImport(app.page)
  await importing.choose(KHMER)

  await expect(importing.title).toHaveValue(KHMER_TITLE)
  await expect(importing.date).toHaveValue('2019-07-27')
  await expect(importing.dateFeedback).toContainText('27 July 2019')
  await expect(importing.dateFeedback).toContainText('from the dateline')
  await expect(importing.dialog.getByTestId('import-language')).toHaveValue('km')
  await expect(importing.preview).not.toContainText(KHMER_DATELINE)
  await importing.saveAs(KHMER_TITLE, KHMER.name)

  await expect(app.page.getByTestId('article-date')).toContainText('27 July 2019')
  const body = app.page.getByTestId('article-body')
  await expect(body).toHaveAttribute('lang', 'km')
  await expect(body).toContainText('នគរបាលបានចាប់ខ្លួនជនសង្ស័យ')
  await expect(body).not.toContainText('ខែកក្កដា')

  const [stored] = await main.stored('articles')
  expect(stored).toMatchObject({
    language: 'km',
    direction: 'ltr',
    published: { edtf: '2019-07-27' },
  })
  expect(stored!['body']).not.toContain(KHMER_DATELINE)
  consoleErrors.expectNone()
})
