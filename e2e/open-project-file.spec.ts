/**
 * A project file the OS opened with the app (double-click, command line, second instance) goes
 * through the Import project file check and waits for a confirmation; a broken one lists its
 * problems and writes nothing. Main is played by the fake window.api (e2e/fake-main.ts), which
 * hands the files over as the real main does. Also: the About box, in Electron and the browser.
 */
import { expect, test, type Page } from './fixtures'
import { FAKE_ABOUT, installFakeMain, projectFile } from './fake-main'
import { ProjectScreens } from './pages/ProjectScreens'

const NOTE = {
  id: 'opened-note',
  eventId: 'trafficking-law-2008',
  body: 'Arrived by double-click.',
  createdAt: 1,
  updatedAt: 2,
}

async function storedNotes(page: Page): Promise<unknown[]> {
  return (await new ProjectScreens(page).snapshot()).notes
}

test('an opened .sourceline file is checked and imported only after Import is pressed', async ({
  page,
}) => {
  await installFakeMain(page, {
    records: null,
    openedFiles: { 'Trafficking.sourceline': projectFile([NOTE]) },
  })
  await page.goto('/')
  const dialog = page.getByTestId('project-dialog')
  await expect(dialog).toBeVisible()
  const preview = dialog.getByTestId('import-preview')
  await expect(preview).toContainText('Trafficking.sourceline')
  await expect(preview.getByTestId('preview-added')).toHaveText('add 1 new record')
  // Nothing is written before the confirmation.
  expect(await storedNotes(page)).toEqual([])

  await preview.getByTestId('import-confirm').click()
  await expect(page.getByTestId('message-success')).toContainText(
    'Imported Trafficking.sourceline: 1 record added',
  )
  await expect(dialog).toBeHidden()
  expect(await storedNotes(page)).toEqual([expect.objectContaining({ id: 'opened-note' })])
})

test('an opened file that is not a project file lists its problems and writes nothing', async ({
  page,
}) => {
  await installFakeMain(page, {
    records: null,
    openedFiles: { 'broken.sourceline': '{"formatVersion": 1, "app": "Sourceline"' },
  })
  await page.goto('/')
  const dialog = page.getByTestId('project-dialog')
  await expect(dialog.getByTestId('file-problems')).toContainText('broken.sourceline')
  await expect(dialog.getByTestId('import-confirm')).toHaveCount(0)
  expect(await storedNotes(page)).toEqual([])
})

test('About shows the versions and where data and backups live (desktop)', async ({ page }) => {
  await installFakeMain(page, { records: null })
  await page.goto('/')
  await page.getByTestId('show-about').click()
  const about = page.getByTestId('about-dialog')
  await expect(about.getByTestId('about-app')).toHaveText('0.1.0 (desktop app)')
  await expect(about.getByTestId('about-electron')).toHaveText(FAKE_ABOUT.electronVersion)
  await expect(about.getByTestId('about-chromium')).toHaveText(FAKE_ABOUT.chromiumVersion)
  await expect(about.getByTestId('about-schema')).toHaveText(/^version \d+$/)
  await expect(about.getByTestId('about-format')).toHaveText('version 1 (.sourceline)')
  await expect(about.getByTestId('about-data')).toContainText(FAKE_ABOUT.databaseFolder)
  await expect(about.getByTestId('about-backups')).toHaveText(FAKE_ABOUT.backupsFolder)
})

test('About in the browser build names this browser and its IndexedDB', async ({ page }) => {
  await page.goto('/')
  await page.getByTestId('show-about').click()
  const about = page.getByTestId('about-dialog')
  const chromium = await page.evaluate(() => /Chrome\/([\d.]+)/.exec(navigator.userAgent)?.[1])
  await expect(about.getByTestId('about-app')).toHaveText(/^\d+\.\d+\.\d+ \(browser build\)$/)
  await expect(about.getByTestId('about-electron')).toHaveCount(0)
  await expect(about.getByTestId('about-chromium')).toHaveText(chromium ?? 'unknown')
  await expect(about.getByTestId('about-data')).toHaveText(
    `this browser profile's IndexedDB, for ${new URL(page.url()).origin}`,
  )
  await expect(about.getByTestId('about-backups')).toContainText('Download a backup')
})
