/**
 * The startup checks as a user meets them, with main's side played by e2e/fake-main.ts: a store
 * that opens empty while its record says otherwise stops the app before any write and offers the
 * newest backup or, confirmed, an empty start; an older store is backed up before its upgrade, and
 * is left untouched when that backup fails.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from './fixtures'
import { fakeMainLog, installFakeMain, projectFile } from './fake-main'
import { CURRENT_STORE_VERSION, storeVersion, writeV1Store } from './old-stores'
import { SourcelinePage } from './pages/SourcelinePage'

const EVENT = 'Law on combatting human trafficking and sex trafficking'
const NOTE = {
  id: 'backed-up',
  eventId: 'trafficking-law-2008',
  body: 'Kept in the newest backup.',
  createdAt: 1,
  updatedAt: 2,
}

test('an empty store whose record says 4 stops the app; the newest backup restores it', async ({
  page,
  consoleErrors,
}) => {
  await installFakeMain(page, {
    records: 4,
    backups: {
      'sourceline-backup-2024-05-01T09-30-00.000Z-scheduled.json': projectFile([]),
      'sourceline-backup-2024-05-02T09-30-00.000Z-manual.json': projectFile([NOTE]),
    },
  })
  await page.goto('/')
  const screen = page.getByTestId('recovery-screen')
  await expect(screen.getByRole('heading')).toHaveText('Your data did not open as expected')
  await expect(screen).toContainText(
    'The store opened empty, but it held 4 records when last counted',
  )
  await expect(screen).toContainText('Sourceline stopped before writing anything.')
  await expect(page.getByTestId('recovery-copy')).toContainText(
    '/home/user/.config/Sourceline/damaged-2024-05-01T09-31-00.000Z',
  )
  await expect(page.getByTestId('app')).toHaveCount(0)
  const axe = await new AxeBuilder({ page }).analyze()
  expect(
    axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id),
  ).toEqual([])
  // Nothing written: not the record, not the store.
  expect(await fakeMainLog(page)).toMatchObject({ setRecord: [], quarantined: 1 })
  const app = new SourcelinePage(page)
  expect(await app.storedNotes()).toEqual([])

  await page.getByTestId('restore-newest').click()
  await expect(app.timelineItems.first()).toBeVisible()
  await app.selectOnTimeline(EVENT)
  await expect(app.notes.first()).toContainText('Kept in the newest backup.')
  expect(await app.storedNotes()).toEqual([NOTE])
  // Restoring is not an undoable step that could empty the store again.
  await expect(page.getByTestId('undo')).toBeDisabled()
  await expect.poll(async () => (await fakeMainLog(page)).setRecord.at(-1)).toBe(1)
  consoleErrors.expectNone()
})

test('starting empty needs a confirmation, then the record starts again at zero', async ({
  page,
}) => {
  await installFakeMain(page, { records: 2 })
  await page.goto('/')
  const screen = page.getByTestId('recovery-screen')
  await expect(screen).toContainText('There is no backup to restore.')
  await page.getByTestId('start-empty').click()
  await expect(screen.getByRole('group', { name: 'Confirm starting empty' })).toContainText(
    'Start with an empty store?',
  )
  expect((await fakeMainLog(page)).setRecord).toEqual([])
  await page.getByTestId('confirm-start-empty').click()
  const app = new SourcelinePage(page)
  await expect(app.timelineItems.first()).toBeVisible()
  await expect.poll(async () => (await fakeMainLog(page)).setRecord[0]).toBe(0)

  // From here on the record follows what is written.
  await app.selectOnTimeline(EVENT)
  await app.addNote('A fresh start.')
  await expect.poll(async () => (await fakeMainLog(page)).setRecord.at(-1)).toBe(1)
})

/** Lays down a store as the first schema's build left it, from a page that does not run the app. */
async function seedVersionOne(page: Page): Promise<void> {
  await page.goto('/corpus/corpus.json')
  await writeV1Store(page, NOTE)
}

test('an older store is backed up before its upgrade, and the notice names the backup', async ({
  page,
}) => {
  await installFakeMain(page, { records: 1 })
  await seedVersionOne(page)
  await page.goto('/')
  await expect(page.getByTestId('startup-notice')).toContainText(
    'Your data was backed up before updating its format: sourceline-backup-2024-05-01T09-30-00.000Z-before-upgrade.json.',
  )
  const { written } = await fakeMainLog(page)
  expect(written.map((w) => w.reason)).toEqual(['before-upgrade'])
  expect(JSON.parse(written[0]!.content)).toMatchObject({
    formatVersion: 1,
    app: 'Sourceline',
    data: { notes: [NOTE], highlights: [], articles: [] },
  })
  expect(await storeVersion(page)).toBe(CURRENT_STORE_VERSION)
  await page.getByTestId('startup-notice').getByRole('button', { name: 'Dismiss' }).click()
  await expect(page.getByTestId('startup-notice')).toHaveCount(0)
})

test('when the backup before an upgrade fails, the store is not upgraded and the app says so', async ({
  page,
}) => {
  await installFakeMain(page, { records: 1, writeFails: 'No space left on device' })
  await seedVersionOne(page)
  await page.goto('/')
  const stopped = page.getByTestId('startup-stopped')
  await expect(stopped.getByRole('heading')).toHaveText(
    'Sourceline stopped before changing your data',
  )
  await expect(stopped).toContainText(
    'the backup taken first failed: No space left on device. Nothing was changed.',
  )
  expect(await storeVersion(page)).toBe(10)
  expect((await fakeMainLog(page)).setRecord).toEqual([])
})
