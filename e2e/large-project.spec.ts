/**
 * A large project through the UI: 10,000 generated events imported from the Project file screen.
 * Zoomed out, the timeline shows counts per lane and period that add up to the dated events;
 * zoomed in, the events themselves, and a click selects the right one. Stopping an import part way
 * leaves the store as it was. (Timings are the benchmark's business, not these tests'.)
 */
import { expect, test } from './fixtures'
import { openWithGeneratedProject } from './pages/ProjectScreens'

const EVENTS = 10_000
const BUNDLED = 23

interface Generated {
  data: { userEvents: { title: string; date: { edtf: string | null } }[] }
}

test.describe.configure({ timeout: 600_000 })

test('10,000 events: counts when zoomed out, events when zoomed in, a click selects the right one', async ({
  app,
}, testInfo) => {
  const opened = await openWithGeneratedProject(
    app.page,
    testInfo.outputPath('large-project.json'),
    EVENTS,
  )
  const { path, ui, page, screens } = opened
  const project = opened.project as Generated
  const undatedCount = async () =>
    Number((await page.getByTestId('undated-count').textContent())?.replace(/\D/g, ''))
  const undatedBundled = await undatedCount()

  await screens.chooseImport(path)
  await expect(page.getByTestId('preview-added')).toContainText('add')
  await page.getByTestId('import-confirm').click()
  // Generous: the machine running the tests may be busy; speed is the benchmark's to judge.
  await expect(page.getByTestId('filter-count')).toHaveText(
    `${(EVENTS + BUNDLED).toLocaleString('en')} events`,
    {
      timeout: 240_000,
    },
  )

  // Zoomed out: the lanes are counted, and the counts add up to every dated event.
  await page.getByTestId('fit-all').click()
  const counts = ui.timeline.locator('.vis-item.aggregate')
  await expect(counts.first()).toBeVisible()
  const undated = await undatedCount()
  const expectedDated = EVENTS + BUNDLED - undated
  expect(undated).toBe(
    project.data.userEvents.filter((e) => e.date.edtf === null).length + undatedBundled,
  )
  // The Undated list draws its first 200 and more on request, never hundreds at once.
  await expect(ui.undatedItems).toHaveCount(200)
  await page.getByTestId('undated-more').click()
  await expect(ui.undatedItems).toHaveCount(Math.min(400, undated))
  await expect
    .poll(async () => {
      const labels = await counts.locator('.vis-item-content').allTextContents()
      const counted = labels.reduce((n, label) => n + Number(label.replace(/,/g, '')), 0)
      const events = await ui.timeline
        .locator('.vis-item:not(.aggregate) .vis-item-content')
        .count()
      return counted + events
    })
    .toBe(expectedDated)
  // Fewer than a thousand things on the page for ten thousand events.
  expect(await ui.timeline.locator('.vis-item-content').count()).toBeLessThan(1000)

  // Clicking a count opens its period, until the events themselves are drawn.
  const events = ui.timeline.locator('.vis-item:not(.aggregate) .vis-item-content')
  for (let step = 0; step < 6 && (await events.count()) === 0; step++) {
    await counts.first().locator('.vis-item-content').click()
    await page.waitForTimeout(300)
  }
  await expect(events.first()).toBeVisible()

  // A click on an event selects exactly that event.
  const label = (await events.first().textContent())?.trim() ?? ''
  expect(label).toMatch(/^Event \d+: /)
  await events.first().click({ position: { x: 4, y: 4 } })
  await expect(ui.eventTitle).toHaveText(label)
  await expect(ui.timeline.locator('.vis-item.vis-selected .vis-item-content')).toHaveText(label)

  // Zooming out again keeps the selected event drawn as itself among the counts.
  await page.getByTestId('fit-all').click()
  await expect(counts.first()).toBeVisible()
  await expect(ui.timeline.locator('.vis-item.vis-selected .vis-item-content')).toHaveText(label)
})

test('stopping an import part way writes nothing; Import again then writes it all', async ({
  app,
}, testInfo) => {
  const { path, page, screens, before } = await openWithGeneratedProject(
    app.page,
    testInfo.outputPath('large-project.json'),
    EVENTS,
  )
  // The file is checked, kept and written in one worker (decision 0037), not in the window.
  const importWorkers: string[] = []
  page.on('worker', (worker) => {
    if (/import\.worker/.test(worker.url())) importWorkers.push(worker.url())
  })

  await screens.chooseImport(path)
  await page.getByTestId('import-confirm').click()
  // Progress is determinate: records written of the total.
  await expect(page.getByTestId('import-progress-text')).toContainText(' records written', {
    timeout: 60_000,
  })
  await page.getByTestId('import-stop').click()
  await expect(
    page.getByTestId('message-info').filter({ hasText: 'Import cancelled' }),
  ).toHaveCount(1, { timeout: 60_000 })
  await expect(page.getByTestId('filter-count')).toHaveText(`${BUNDLED} events`)
  expect(await screens.snapshot()).toEqual(before)
  await expect(page.getByTestId('undo')).toBeDisabled()

  // The checked file is still held: confirming again imports it, without a second check.
  await page.getByTestId('import-confirm').click()
  await expect(page.getByTestId('filter-count')).toHaveText(
    `${(EVENTS + BUNDLED).toLocaleString('en')} events`,
    { timeout: 120_000 },
  )
  expect(importWorkers).toHaveLength(1)
  // The command the worker recorded is this window's to undo.
  await page.getByTestId('undo').click()
  await expect(page.getByTestId('filter-count')).toHaveText(`${BUNDLED} events`, {
    timeout: 120_000,
  })
  expect(await screens.snapshot()).toEqual(before)
})
