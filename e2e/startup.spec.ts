/**
 * Startup safety in Chromium: a store saved by a newer build opens read-only and nothing can
 * change it; a store from an older build (schema v1) is upgraded with every note kept.
 */
import { expect, test, type Page } from './fixtures'
import { SourcelinePage } from './pages/SourcelinePage'
import { SCHEMA_VERSION } from '../src/shared/schema'
import { CURRENT_STORE_VERSION, storeVersion, writeV1Store } from './old-stores'

const EVENT = 'Law on combatting human trafficking and sex trafficking'

/** Raises the store to IndexedDB version `version` with a table this build does not know. */
function saveAsNewerBuild(page: Page, version: number): Promise<void> {
  return page.evaluate(
    (v) =>
      new Promise<void>((resolve, reject) => {
        // The running app's connection closes on versionchange (Dexie's default), so this proceeds.
        const open = indexedDB.open('sourceline', v)
        open.onupgradeneeded = () =>
          open.result.createObjectStore('timelineViews', { keyPath: 'id' })
        open.onsuccess = () => {
          open.result.close()
          resolve()
        }
        open.onerror = () => reject(open.error)
        open.onblocked = () => reject(new Error('blocked'))
      }),
    version,
  )
}

test('a store saved by a newer version opens read-only: shown, never written', async ({ app }) => {
  const first = await new SourcelinePage(app.page).open()
  await first.selectOnTimeline(EVENT)
  await first.addNote('Written before the newer version saved the store.')
  expect(await storeVersion(app.page)).toBe(CURRENT_STORE_VERSION)
  await saveAsNewerBuild(app.page, CURRENT_STORE_VERSION + 10)

  const page = await app.restart()
  const again = await new SourcelinePage(page).open()
  await expect(page.getByTestId('read-only-banner')).toHaveText(
    'This data was saved by a newer version of Sourceline. It is shown read-only; ' +
      'update Sourceline to edit it.',
  )
  await again.selectOnTimeline(EVENT)
  await expect(again.notes).toHaveCount(1)
  await expect(again.notes.first()).toContainText('Written before the newer version')

  const before = await again.storedNotes()
  await again.noteInput.fill('An edit that must not be written')
  await again.eventPanel.getByTestId('note-save').last().click()
  await expect(page.getByTestId('message-error')).toContainText(
    'Nothing was saved. This data was saved by a newer version of Sourceline.',
  )
  await expect(again.noteInput).toHaveValue('An edit that must not be written')
  expect(await again.storedNotes()).toEqual(before)
  expect(await storeVersion(page)).toBe(CURRENT_STORE_VERSION + 10)
})

test('a store from the first schema is upgraded with every note kept', async ({
  app,
  consoleErrors,
}) => {
  const logged: string[] = []
  app.page.on('console', (m) => logged.push(m.text()))
  // A page of the app's origin that does not run the app, to lay down the old store first.
  await app.open('/corpus/corpus.json')
  await writeV1Store(app.page, {
    id: 'v1-note',
    eventId: 'trafficking-law-2008',
    body: 'Kept since **version 1**.',
    createdAt: 1,
    updatedAt: 2,
  })

  const app2 = await new SourcelinePage(app.page).open()
  await app2.selectOnTimeline(EVENT)
  await expect(app2.notes).toHaveCount(1)
  await expect(app2.notes.first()).toContainText('Kept since version 1.')
  expect(await storeVersion(app.page)).toBe(CURRENT_STORE_VERSION)
  expect(await app2.storedNotes()).toEqual([
    {
      id: 'v1-note',
      eventId: 'trafficking-law-2008',
      body: 'Kept since **version 1**.',
      createdAt: 1,
      updatedAt: 2,
    },
  ])
  await expect(app.page.getByTestId('read-only-banner')).toHaveCount(0)
  // The browser build has no backup folder; it says so in the log rather than pretending.
  expect(
    logged.some((t) =>
      t.includes(`Upgrading the store from version 1 to ${SCHEMA_VERSION}; no disk backup`),
    ),
  ).toBe(true)
  await app2.addNote('And a new one after the upgrade.')
  expect(await app2.storedNotes()).toHaveLength(2)
  consoleErrors.expectNone()
})
