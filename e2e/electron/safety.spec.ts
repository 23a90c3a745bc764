/**
 * Startup safety in the built app (docs/decisions/0011-startup-safety.md): a store that comes back
 * empty stops the app before any write, is copied aside, and the newest backup restores it; an
 * older store is backed up to userData/backups before its upgrade; a kill -9 in the middle of a
 * big one-transaction import leaves nothing or everything. Each test has its own user-data
 * folder. Skipped, with the reason printed, where no Electron binary exists.
 */
import { readFile, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from '@playwright/test'
import type { Page } from '@playwright/test'
import { writeV1Store } from '../old-stores'
import { SourcelinePage } from '../pages/SourcelinePage'
import { ELECTRON_BINARY, SKIP_REASON } from './electron-binary'
import { killApp, launchApp, releaseApp, test } from './launch'

test.skip(!ELECTRON_BINARY, SKIP_REASON)

const EVENT = 'Law on combatting human trafficking and sex trafficking'

async function storeRecord(userData: string): Promise<number | null> {
  try {
    const parsed = JSON.parse(await readFile(join(userData, 'store-record.json'), 'utf8')) as {
      records: number
    }
    return parsed.records
  } catch {
    return null
  }
}

/** Every row of one table of the app's store, read in the page without the app's help. */
function readTable(page: Page, table: string): Promise<unknown[]> {
  return page.evaluate(
    (name) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('sourceline')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll()
          request.onsuccess = () => {
            open.result.close()
            resolve(request.result)
          }
          request.onerror = () => reject(request.error)
        }
      }),
    table,
  )
}

test('a store that opens empty stops the app, is copied aside, and the newest backup restores it', async ({
  userDataDir,
}) => {
  test.setTimeout(120_000)
  const first = await launchApp(userDataDir)
  const sourceline = new SourcelinePage(first.page)
  await expect(sourceline.timelineItems.first()).toBeVisible()
  await sourceline.selectOnTimeline(EVENT)
  await sourceline.addNote('Kept through a lost store.')
  await expect.poll(() => storeRecord(first.userData), { timeout: 10_000 }).toBe(1)
  // A backup of it, written as the Backups screen writes one.
  // The project file format (docs/decisions/0006-project-file.md), as exportProject writes it.
  const content = JSON.stringify({
    formatVersion: 1,
    app: 'Sourceline',
    exportedAt: new Date().toISOString(),
    corpus: { title: 'Sourceline', articleIds: [] },
    data: {
      notes: await readTable(first.page, 'notes'),
      highlights: [],
      userEvents: [],
      evidence: [],
      eventAnnotations: [],
      entityEdits: [],
      articles: [],
    },
  })
  const written = await first.page.evaluate(
    (text) => window.api?.writeBackup('manual', text),
    content,
  )
  expect(written?.ok).toBe(true)
  await first.app.close()

  // The store's files are lost (a cleared profile, a disk error); the folder itself is left.
  const storeDir = join(first.userData, 'IndexedDB')
  for (const entry of await readdir(storeDir))
    await rm(join(storeDir, entry), { recursive: true, force: true })

  const second = await launchApp(userDataDir)
  try {
    const screen = second.page.getByTestId('recovery-screen')
    await expect(screen).toContainText(
      'The store opened empty, but it held 1 record when last counted',
    )
    await expect(screen).toContainText('Sourceline stopped before writing anything.')
    await expect(second.page.getByTestId('recovery-copy')).toContainText('damaged-')
    expect((await readdir(second.userData)).some((name) => name.startsWith('damaged-'))).toBe(true)
    // Nothing was written: the record still says what the store held.
    expect(await storeRecord(second.userData)).toBe(1)

    await second.page.getByTestId('restore-newest').click()
    const restored = new SourcelinePage(second.page)
    await expect(restored.timelineItems.first()).toBeVisible()
    await restored.selectOnTimeline(EVENT)
    await expect(restored.notes.first()).toContainText('Kept through a lost store.')
    await expect.poll(() => storeRecord(second.userData)).toBe(1)
  } finally {
    await second.app.close()
  }
})

test('an older store is backed up to userData/backups before it is upgraded', async ({
  userDataDir,
}) => {
  const first = await launchApp(userDataDir)
  await expect(first.page.getByTestId('app')).toBeVisible()
  // Replace the store with one a schema-1 build wrote. The app's connection closes on the
  // delete's versionchange and nothing in the idle app reopens it before the app quits.
  await writeV1Store(first.page, {
    id: 'v1-note',
    eventId: 'trafficking-law-2008',
    body: 'From schema 1.',
    createdAt: 1,
    updatedAt: 1,
  })
  await first.app.close()

  const second = await launchApp(userDataDir)
  try {
    await expect(second.page.getByTestId('startup-notice')).toContainText(
      'Your data was backed up before updating its format',
    )
    const backups = second.backups
    const names = (await readdir(backups)).filter((n) => n.endsWith('-before-upgrade.json'))
    expect(names).toHaveLength(1)
    const file = JSON.parse(await readFile(join(backups, names[0]!), 'utf8')) as {
      data: { notes: { body: string }[] }
    }
    expect(file.data.notes.map((n) => n.body)).toEqual(['From schema 1.'])
    const sourceline = new SourcelinePage(second.page)
    await sourceline.selectOnTimeline(EVENT)
    await expect(sourceline.notes.first()).toContainText('From schema 1.')
  } finally {
    await second.app.close()
  }
})

test('killing the app during a big one-transaction import leaves nothing or everything', async ({
  userDataDir,
}) => {
  test.setTimeout(120_000)
  const first = await launchApp(userDataDir)
  await expect(first.page.getByTestId('app')).toBeVisible()
  const total = 20_000
  try {
    // What importProject does: every record in one read-write transaction.
    await first.page.evaluate((count) => {
      const open = indexedDB.open('sourceline')
      open.onsuccess = () => {
        const tx = open.result.transaction('notes', 'readwrite')
        const store = tx.objectStore('notes')
        for (let i = 0; i < count; i++)
          store.put({
            id: `import-${i}`,
            eventId: 'trafficking-law-2008',
            body: `Imported ${i} `.repeat(40),
            createdAt: i,
            updatedAt: i,
          })
        ;(window as { importStarted?: boolean }).importStarted = true
      }
    }, total)
    await expect
      .poll(() => first.page.evaluate(() => (window as { importStarted?: boolean }).importStarted))
      .toBe(true)
    await killApp(first)
  } finally {
    await releaseApp(first)
  }

  const second = await launchApp(userDataDir)
  try {
    // The record was never raised by the unfinished import, so this is an ordinary start.
    await expect(second.page.getByTestId('app')).toBeVisible()
    await expect(second.page.getByTestId('recovery-screen')).toHaveCount(0)
    const count = (await readTable(second.page, 'notes')).length
    expect([0, total]).toContain(count)
  } finally {
    await second.app.close()
  }
})
