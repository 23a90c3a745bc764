/**
 * Backups in the browser build, where the app keeps no files of its own: the backup is a download,
 * and restoring it from a file replaces the data with exactly what it held, after a confirmation
 * that says so. A broken file changes nothing; Ctrl+Z undoes a restore.
 */
import AxeBuilder from '@axe-core/playwright'
import { download, expect, test } from './fixtures'
import { ProjectScreens } from './pages/ProjectScreens'
import { SourcelinePage } from './pages/SourcelinePage'

const ARTICLE = 'Interior ministry lauds anti-trafficking work'
const EVENT = '359 human trafficking cases in 2021'

test('a downloaded backup restores the data exactly as it was', async ({
  page,
  consoleErrors,
  requests,
}) => {
  const app = await new SourcelinePage(page).open()
  await app.showArticle(ARTICLE)
  await app.highlight('special operational plan', 'Kept in the backup.', 'plans')
  await app.selectOnTimeline(EVENT)
  await app.addNote('Written before the backup.')
  const screens = new ProjectScreens(page)
  const backedUp = await screens.snapshot()

  await screens.openBackups()
  await expect(page.getByTestId('backup-now')).toHaveCount(0)
  const backup = await download(page, () => page.getByTestId('backup-download').click())
  expect(backup.suggestedFilename).toMatch(/^sourceline-backup-\d{4}-\d{2}-\d{2}\.json$/)
  await expect(
    page.getByTestId('message-success').filter({ hasText: backup.suggestedFilename }),
  ).toBeVisible()
  await screens.close()

  // Work goes on after the backup: a note added, the highlight deleted.
  await app.selectOnTimeline(EVENT)
  await app.addNote('Written after the backup.')
  await page.getByTestId('show-annotations').click()
  await page.getByTestId('highlight-item').getByRole('button').click()
  await page.getByRole('button', { name: /delete/i }).click()
  await expect(page.locator('mark.user-highlight')).toHaveCount(0)
  const changed = await screens.snapshot()
  expect(changed).not.toEqual(backedUp)

  // A broken file first: refused, nothing replaced.
  await screens.openBackups()
  await page.getByTestId('restore-file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(backup.text.slice(0, 200)),
  })
  await expect(screens.problems).toContainText(['The file is not valid JSON: the file ends early'])
  expect(await screens.snapshot()).toEqual(changed)

  // The real backup: the confirmation says what happens, then the data is exactly the backup.
  await page.getByTestId('restore-file').setInputFiles(backup.path)
  const confirm = page.getByTestId('restore-confirm')
  await expect(confirm).toContainText(`Restore the file ${backup.suggestedFilename}?`)
  await expect(confirm).toContainText('All your current data will be replaced')
  await expect(confirm).toContainText('2 records')
  expect(await screens.snapshot()).toEqual(changed)
  const done = await screens.confirmAndRead('restore-confirm-button', 'Restored')
  expect(done).toContain(backup.suggestedFilename)
  expect(await screens.snapshot()).toEqual(backedUp)
  await app.selectOnTimeline(EVENT)
  await expect(app.notes).toHaveCount(1)
  await expect(app.notes).toContainText('Written before the backup.')
  await app.showArticle(ARTICLE)
  await expect(page.locator('mark.user-highlight')).toHaveText(['special operational plan'])

  // Ctrl+Z takes the restore back as one step. The article picker's text box still has focus, and
  // there Ctrl+Z undoes typing: leave it first, as a click elsewhere would.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.keyboard.press('Control+z')
  await expect(page.getByTestId('message-info')).toContainText('Restore backup')
  expect(await screens.snapshot()).toEqual(changed)

  consoleErrors.expectNone()
  requests.expectAllLocal()
})

test('the Project file and Backups screens work from the keyboard and pass axe', async ({
  page,
}) => {
  await new SourcelinePage(page).open()
  const check = async (where: string) => {
    const result = await new AxeBuilder({ page }).analyze()
    const serious = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${where}: ${v.id} (${v.nodes.length}) ${v.help}`)
    expect(serious).toEqual([])
  }
  const screens = new ProjectScreens(page)
  await page.getByTestId('show-project').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog', { name: 'Project file' })).toBeVisible()
  await check('project file')
  await screens.chooseImport({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"formatVersion": 1'),
  })
  await check('project file with problems')
  await page.keyboard.press('Escape')
  await expect(screens.projectDialog).toHaveCount(0)

  await page.getByTestId('show-backups').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog', { name: 'Backups' })).toBeVisible()
  // Focus moved into the dialog, and the download is reached with Tab.
  await expect(screens.backupsDialog.locator(':focus')).toHaveCount(1)
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('backup-download')).toBeFocused()
  await check('backups')
  await page.keyboard.press('Escape')
  await expect(screens.backupsDialog).toHaveCount(0)
})
