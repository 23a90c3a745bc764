/**
 * The Backups screen and automatic backups in the built Electron app: a store with data is backed
 * up at start; "Back up now" adds a verified backup listed with its time, reason, size and ✓;
 * restoring one asks first, writes a backup of the current data, then replaces the data with
 * exactly the backup's; a project import is preceded by a `before-import` backup. Skipped, with
 * the reason printed, where no Electron binary exists.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from '@playwright/test'
import { BACKUP_NAME_PATTERN } from '../../src/shared/ipc'
import { ProjectScreens } from '../pages/ProjectScreens'
import { SourcelinePage } from '../pages/SourcelinePage'
import { ELECTRON_BINARY, SKIP_REASON } from './electron-binary'
import { launchApp, test } from './launch'

test.skip(!ELECTRON_BINARY, SKIP_REASON)

const ARTICLE = 'Interior ministry lauds anti-trafficking work'
const EVENT = '359 human trafficking cases in 2021'

async function backupFiles(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).filter((f) => BACKUP_NAME_PATTERN.test(f)).sort()
  } catch {
    return []
  }
}

test('Back up now, then restore after a confirmation: exactly the backup, with a safety copy', async ({
  userDataDir,
}) => {
  const { app, page, backups } = await launchApp(userDataDir)
  try {
    const main = await new SourcelinePage(page).open()
    await main.showArticle(ARTICLE)
    await main.highlight('special operational plan', 'In the backup.', 'plans')
    const screens = new ProjectScreens(page)
    const backedUp = await screens.snapshot()

    await screens.openBackups()
    await page.getByTestId('backup-now').click()
    await expect(
      page.getByTestId('message-success').filter({ hasText: 'Backup written' }),
    ).toBeVisible()
    const row = page.getByTestId('backup-row').first()
    await expect(row).toContainText('Made by you')
    await expect(row).toContainText('just now')
    await expect(row.getByLabel('verified')).toBeVisible()
    const files = await backupFiles(backups)
    const manual = files.find((f) => f.endsWith('-manual.json'))
    expect(manual).toBeDefined()
    expect(JSON.parse(await readFile(join(backups, manual!), 'utf8'))).toMatchObject({
      formatVersion: 1,
      data: { highlights: [expect.objectContaining({ note: 'In the backup.' })] },
    })
    await screens.close()

    await main.selectOnTimeline(EVENT)
    await main.addNote('After the backup.')
    const changed = await screens.snapshot()

    await screens.openBackups()
    await page
      .getByTestId('backup-row')
      .filter({ hasText: 'Made by you' })
      .first()
      .getByTestId('backup-restore')
      .click()
    const confirm = page.getByTestId('restore-confirm')
    await expect(confirm).toContainText('All your current data will be replaced')
    await expect(confirm).toContainText(manual!)
    await expect(confirm).toContainText('A backup of your current data is written first')
    expect(await screens.snapshot()).toEqual(changed)
    const done = await screens.confirmAndRead('restore-confirm-button', 'Restored')
    expect(done).toMatch(
      /Your previous data is in the backup sourceline-backup-.*-before-import\.json/,
    )
    expect(await screens.snapshot()).toEqual(backedUp)

    // The safety copy holds the data the restore replaced.
    const safety = (await backupFiles(backups)).filter((f) => f.endsWith('-before-import.json'))
    expect(safety).toHaveLength(1)
    const saved = JSON.parse(await readFile(join(backups, safety[0]!), 'utf8')) as {
      data: { notes: { body: string }[] }
    }
    expect(saved.data.notes.map((n) => n.body)).toEqual(['After the backup.'])
  } finally {
    await app.close()
  }
})

test('a store with data is backed up at start, and an import is preceded by a backup', async ({
  userDataDir,
}, testInfo) => {
  let running = await launchApp(userDataDir)
  try {
    const main = await new SourcelinePage(running.page).open()
    await main.selectOnTimeline(EVENT)
    await main.addNote('Worth keeping.')
    await running.app.close()

    // The next start finds data and no backup an hour old: it writes a scheduled one.
    running = await launchApp(userDataDir)
    await new SourcelinePage(running.page).open()
    const scheduled = async () =>
      (await backupFiles(running.backups)).filter((f) => f.endsWith('-scheduled.json'))
    await expect.poll(scheduled).toHaveLength(1)

    // That backup is a project file: a changed copy of it is imported through the UI.
    const [name] = await scheduled()
    const path = testInfo.outputPath('changed.json')
    const text = await readFile(join(running.backups, name!), 'utf8')
    await writeFile(path, text.replace('Worth keeping.', 'Changed elsewhere.'))
    await new ProjectScreens(running.page).importProject(path)
    expect(
      (await backupFiles(running.backups)).filter((f) => f.endsWith('-before-import.json')),
    ).toHaveLength(1)
  } finally {
    await running.app.close()
  }
})
