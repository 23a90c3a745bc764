/**
 * Reload from the timeline's stored index (docs/decisions/0026): while the user's rows are held
 * back (a second page keeps a read-write transaction open on them, so the app's reads wait), the
 * reloaded timeline already shows the project's counts and total, says the events are still being
 * read, and a click selects an event whose details then wait; once the rows arrive the picture is
 * the same. After an edit (a note on an event), the next reload draws the event as edited.
 */
import { writeFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { generateProject } from '../scripts/generate-project.mjs'
import { expect, test } from './fixtures'
import { ProjectScreens } from './pages/ProjectScreens'
import { SourcelinePage } from './pages/SourcelinePage'

const EVENTS = 2_000
const BUNDLED = 23
const TOTAL = `${(EVENTS + BUNDLED).toLocaleString('en')} events`

interface Generated {
  data: { userEvents: { date: { edtf: string | null } }[] }
}

test.describe.configure({ timeout: 300_000 })

/** The stored index's total and generation, read from its own database (null: none yet). */
function storedIndex(page: Page): Promise<{ total: number; generation: string } | null> {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const open = indexedDB.open('sourceline-timeline')
        open.onerror = () => resolve(null)
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('snapshot')) return resolve((db.close(), null))
          const get = db.transaction('snapshot').objectStore('snapshot').get('timeline')
          get.onsuccess = () => {
            db.close()
            const stored = get.result?.stored as { total: number; generation: string } | undefined
            resolve(stored ? { total: stored.total, generation: stored.generation } : null)
          }
          get.onerror = () => resolve((db.close(), null))
        }
      }),
  )
}

/**
 * Opens a page of the app's origin (not the app) that keeps a read-write transaction open on the
 * user's events: the app's reads of them wait until `release`. Raw IndexedDB, so the app's own
 * generation is not touched.
 */
async function holdRows(page: Page): Promise<{ release: () => Promise<void> }> {
  const holder = await page.context().newPage()
  await holder.goto(new URL('/hold-rows', page.url()).href)
  await holder.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('sourceline')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const store = db.transaction('userEvents', 'readwrite').objectStore('userEvents')
          const w = window as unknown as { held: boolean }
          w.held = true
          // A request after each answer keeps the transaction from committing.
          const again = () => {
            if (w.held) store.count().onsuccess = again
            else db.close()
          }
          again()
          resolve()
        }
      }),
  )
  return {
    release: async () => {
      await holder.evaluate(() => ((window as unknown as { held: boolean }).held = false))
      await holder.close()
    },
  }
}

/** Each count's label by id, and the events drawn, as the timeline shows them now. */
async function picture(ui: SourcelinePage): Promise<{ counted: number; labels: string[] }> {
  const counts = ui.timeline.locator('.vis-item.aggregate .vis-item-content')
  const labels = (await counts.allTextContents()).map((l) => l.trim())
  const events = await ui.timeline.locator('.vis-item:not(.aggregate) .vis-item-content').count()
  return { counted: labels.reduce((n, l) => n + Number(l.replace(/,/g, '')), 0) + events, labels }
}

/** Clicks the first count until events are drawn (each click opens its period). */
async function zoomToFirstEvents(ui: SourcelinePage): Promise<void> {
  const counts = ui.timeline.locator('.vis-item.aggregate .vis-item-content')
  const events = ui.timeline.locator('.vis-item:not(.aggregate) .vis-item-content')
  for (let step = 0; step < 8 && (await events.count()) === 0; step++) {
    await counts.first().click()
    await ui.page.waitForTimeout(300)
  }
  await expect(events.first()).toBeVisible()
}

test('a reload draws the stored index first, the same picture after the rows, and an edit as edited', async ({
  app,
}, testInfo) => {
  const path = testInfo.outputPath('project.json')
  const project = generateProject(EVENTS) as Generated
  await writeFile(path, JSON.stringify(project))
  const ui = await new SourcelinePage(app.page).open()
  const page = ui.page
  const undatedBundled = Number(
    (await page.getByTestId('undated-count').textContent())?.replace(/\D/g, ''),
  )
  const undated = undatedBundled + project.data.userEvents.filter((e) => !e.date.edtf).length
  const dated = EVENTS + BUNDLED - undated

  await new ProjectScreens(page).chooseImport(path)
  await page.getByTestId('import-confirm').click()
  await expect(page.getByTestId('filter-count')).toHaveText(TOTAL, { timeout: 120_000 })
  await expect.poll(async () => (await storedIndex(page))?.total).toBe(EVENTS + BUNDLED)
  await page.getByTestId('fit-all').click()
  await expect.poll(async () => (await picture(ui)).counted).toBe(dated)
  const loaded = await picture(ui)

  // Reloaded with the rows held back: the stored index's picture, counted, and said to be loading.
  let rows = await holdRows(page)
  await page.reload()
  await expect(page.getByTestId('filter-count')).toHaveText(TOTAL)
  await expect(page.getByTestId('events-loading')).toBeVisible()
  await expect(page.getByTestId('undated-count')).toHaveText(`(${undated})`)
  await expect.poll(async () => (await picture(ui)).counted).toBe(dated)
  expect((await picture(ui)).labels).toEqual(loaded.labels)
  // A click selects the event; its details wait for its rows.
  await zoomToFirstEvents(ui)
  const first = ui.timeline.locator('.vis-item:not(.aggregate) .vis-item-content').first()
  const label = (await first.textContent())?.trim() ?? ''
  await first.click({ position: { x: 4, y: 4 } })
  await expect(page.getByTestId('event-loading')).toBeVisible()
  await expect(ui.timeline.locator('.vis-item.vis-selected .vis-item-content')).toHaveText(label)

  await rows.release()
  await expect(page.getByTestId('events-loading')).toHaveCount(0, { timeout: 60_000 })
  await expect(ui.eventTitle).toHaveText(label)
  await expect(page.getByTestId('filter-count')).toHaveText(TOTAL)
  await page.getByTestId('fit-all').click()
  // The same counts, but for the selected event, now drawn as itself outside its count.
  await expect.poll(async () => (await picture(ui)).counted).toBe(dated)
  await expect(ui.timeline.locator('.vis-item.vis-selected .vis-item-content')).toHaveText(label)

  // An edit (a note on the selected event) is in the next stored index, and drawn so on reload.
  const before = (await storedIndex(page))?.generation
  await ui.addNote('Checked against the court record.')
  await expect.poll(async () => (await storedIndex(page))?.generation).not.toBe(before)
  rows = await holdRows(page)
  await page.reload()
  await expect(page.getByTestId('events-loading')).toBeVisible()
  await page.getByTestId('fit-all').click()
  await zoomToFirstEvents(ui)
  const edited = ui.timeline.locator('.vis-item.has-note .vis-item-content', { hasText: label })
  await expect(edited).toHaveCount(1)
  await expect(page.getByTestId('events-loading')).toBeVisible()
  await rows.release()
  await expect(page.getByTestId('events-loading')).toHaveCount(0, { timeout: 60_000 })
  await expect(edited).toHaveCount(1)
})
