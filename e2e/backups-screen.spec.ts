/**
 * The Electron side of the Backups screen, in Chromium: a stand-in for main's backup calls is
 * installed as window.api before the app loads (as the preload would), keeping backups in page
 * memory. It shows what the real e2e/electron specs cannot show here without an Electron binary:
 * the list (time in words, reason, size, ✓/✗), Back up now, restore with its safety backup, and
 * an import stopped, with nothing written, when the backup before it fails.
 */
import { expect, test, type Page } from './fixtures'
import { ProjectScreens } from './pages/ProjectScreens'
import { SourcelinePage } from './pages/SourcelinePage'
import type { BackupReason, ErrorCode, SourcelineApi } from '../src/shared/ipc'

const EVENT = '359 human trafficking cases in 2021'

interface FakeBackup {
  name: string
  time: string
  reason: BackupReason
  content: string
  verified: boolean
}

/** window.api with in-memory backups; `window.__failBackups = true` makes writes fail. */
async function installFakeMain(page: Page, seed: FakeBackup[] = []): Promise<void> {
  await page.addInitScript((initial: FakeBackup[]) => {
    const backups: FakeBackup[] = [...initial]
    const w = window as unknown as Record<string, unknown>
    w['__backups'] = backups
    const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value })
    const refuse = (code: ErrorCode, message: string) =>
      Promise.resolve({ ok: false as const, error: { code, message } })
    // Typed as the real window.api, so a verb added to the contract must be added here too.
    const api: SourcelineApi = {
      saveFile: () => refuse('cancelled', ''),
      printToPdf: () => refuse('internal', 'not in this fake'),
      capturePage: () => refuse('internal', 'not in this fake'),
      openExternal: () => ok({ opened: true }),
      onMenuCommand: () => () => {},
      about: () => refuse('internal', 'not in this fake'),
      takeOpenedProjectFiles: () => ok([]),
      onProjectFileOpened: () => () => {},
      writeBackup(reason, content) {
        if (w['__failBackups']) return refuse('io', 'ENOSPC: no space left on device.')
        const time = new Date(Date.now() + backups.length).toISOString()
        const name = `sourceline-backup-${time.replace(/:/g, '-')}-${reason}.json`
        // The app sends the file as bytes when it built it in the export Worker.
        const text = typeof content === 'string' ? content : new TextDecoder().decode(content)
        backups.push({ name, time, reason, content: text, verified: true })
        return ok({ name })
      },
      listBackups: () =>
        ok(
          [...backups]
            .sort((a, b) => (a.time < b.time ? 1 : -1))
            .map(({ name, time, reason, content, verified }) => ({
              name,
              time,
              reason,
              size: new TextEncoder().encode(content).length,
              verified,
            })),
        ),
      readBackup(name) {
        const found = backups.find((b) => b.name === name)
        return found ? ok({ content: found.content }) : refuse('io', 'no such backup')
      },
      getStoreRecord: () => ok(null),
      setStoreRecord: (request) =>
        ok({ records: request.records, savedAt: new Date().toISOString() }),
      quarantineStore: () => ok({ path: '/nowhere' }),
    }
    w['api'] = api
  }, seed)
}

async function backupsInPage(page: Page): Promise<FakeBackup[]> {
  return page.evaluate(() => (window as unknown as { __backups: FakeBackup[] }).__backups)
}

test('Back up now, the list in words, and a restore that first backs up the current data', async ({
  page,
  consoleErrors,
}) => {
  await installFakeMain(page, [
    {
      name: 'sourceline-backup-2020-01-01T10-00-00.000Z-scheduled.json',
      time: '2020-01-01T10:00:00.000Z',
      reason: 'scheduled',
      content: '{"formatVersion": 1, broken',
      verified: false,
    },
  ])
  const app = await new SourcelinePage(page).open()
  await app.selectOnTimeline(EVENT)
  await app.addNote('In the backup.')
  const screens = new ProjectScreens(page)
  const backedUp = await screens.snapshot()

  await screens.openBackups()
  await expect(page.getByTestId('backup-row')).toHaveCount(1)
  const old = page.getByTestId('backup-row').first()
  await expect(old).toContainText('Automatic (hourly)')
  await expect(old.getByLabel('does not read back')).toHaveText('✗')
  await expect(old.getByTestId('backup-restore')).toBeDisabled()

  await page.getByTestId('backup-now').click()
  await expect(page.getByTestId('backup-row')).toHaveCount(2)
  const mine = page.getByTestId('backup-row').first()
  await expect(mine).toContainText('Made by you')
  await expect(mine).toContainText('just now')
  await expect(mine).toContainText(/\d+(\.\d)? kB|\d+ bytes/)
  await expect(mine.getByLabel('verified')).toHaveText('✓')
  const [manual] = (await backupsInPage(page)).filter((b) => b.reason === 'manual')
  expect(JSON.parse(manual!.content)).toMatchObject({
    data: { notes: [{ body: 'In the backup.' }] },
  })
  await screens.close()

  await app.selectOnTimeline(EVENT)
  await app.addNote('After the backup.')
  const changed = await screens.snapshot()

  await screens.openBackups()
  await mine.getByTestId('backup-restore').click()
  const confirm = page.getByTestId('restore-confirm')
  await expect(confirm).toContainText(manual!.name)
  await expect(confirm).toContainText('All your current data will be replaced')
  await expect(confirm).toContainText('A backup of your current data is written first')
  await page.getByTestId('restore-cancel').click()
  expect(await screens.snapshot()).toEqual(changed)

  await mine.getByTestId('backup-restore').click()
  const done = await screens.confirmAndRead('restore-confirm-button', 'Restored')
  expect(await screens.snapshot()).toEqual(backedUp)
  const safety = (await backupsInPage(page)).filter((b) => b.reason === 'before-import')
  expect(safety).toHaveLength(1)
  expect(done).toContain(`Your previous data is in the backup ${safety[0]!.name}.`)
  const kept = JSON.parse(safety[0]!.content) as { data: { notes: { body: string }[] } }
  expect(kept.data.notes.map((n) => n.body).sort()).toEqual(['After the backup.', 'In the backup.'])
  consoleErrors.expectNone()
})

test('an import waits for its backup: if the backup fails nothing is imported, and Try again works', async ({
  page,
}) => {
  await installFakeMain(page)
  const app = await new SourcelinePage(page).open()
  await app.selectOnTimeline(EVENT)
  await app.addNote('Mine.')
  const screens = new ProjectScreens(page)
  const before = await screens.snapshot()
  // A file from elsewhere, with a note this store does not have.
  const file = JSON.stringify({
    formatVersion: 1,
    app: 'Sourceline',
    exportedAt: '2024-05-01T12:00:00.000Z',
    corpus: { title: 'x', articleIds: [] },
    data: {
      notes: [{ id: 'theirs', eventId: 'cases-2021', body: 'Theirs.', createdAt: 1, updatedAt: 1 }],
      highlights: [],
      userEvents: [],
      evidence: [],
      eventAnnotations: [],
      entityEdits: [],
      articles: [],
    },
  })
  const picked = { name: 'theirs.json', mimeType: 'application/json', buffer: Buffer.from(file) }

  await page.evaluate(
    () => ((window as unknown as Record<string, unknown>)['__failBackups'] = true),
  )
  await screens.chooseImport(picked)
  await expect(page.getByTestId('preview-added')).toHaveText('add 1 new record')
  await page.getByTestId('import-confirm').click()
  await expect(page.getByTestId('import-blocked')).toContainText(
    'The backup of your current data could not be written: ENOSPC: no space left on device. Nothing was imported.',
  )
  await expect(page.getByTestId('import-confirm')).toHaveText('Try again')
  expect(await screens.snapshot()).toEqual(before)

  await page.evaluate(
    () => ((window as unknown as Record<string, unknown>)['__failBackups'] = false),
  )
  const done = await screens.confirmAndRead('import-confirm', 'Imported theirs.json')
  expect(done).toContain('1 record added')
  expect((await screens.snapshot()).notes.map((n) => n['body']).sort()).toEqual([
    'Mine.',
    'Theirs.',
  ])
  const [safety] = await backupsInPage(page)
  expect(safety!.reason).toBe('before-import')
  expect(JSON.parse(safety!.content)).toMatchObject({ data: { notes: [{ body: 'Mine.' }] } })
})
