/**
 * Undo and redo of a large import through the UI: a determinate progress bar while it runs, Cancel
 * leaves the store and both commands as they were, and undo then redo land exactly on the store
 * before and after the import, each run in a worker of its own. (Timings are the benchmark's
 * business.)
 */
import { expect, test } from './fixtures'
import { openWithGeneratedProject } from './pages/ProjectScreens'

const EVENTS = 10_000
const BUNDLED = 23
const TOTAL = `${(EVENTS + BUNDLED).toLocaleString('en')} events`

test.describe.configure({ timeout: 600_000 })

test('undo of a 10,000-event import shows progress, can be cancelled, and undo/redo are exact', async ({
  app,
}, testInfo) => {
  const { path, page, screens, before } = await openWithGeneratedProject(
    app.page,
    testInfo.outputPath('large-undo.json'),
    EVENTS,
  )

  // A step this large runs in a worker of its own (decision 0036): one per undo or redo.
  const stepWorkers: string[] = []
  page.on('worker', (worker) => {
    if (/step\.worker/.test(worker.url())) stepWorkers.push(worker.url())
  })

  await screens.chooseImport(path)
  await page.getByTestId('import-confirm').click()
  await expect(page.getByTestId('filter-count')).toHaveText(TOTAL, { timeout: 240_000 })
  const after = await screens.snapshot()

  // The bar says how far it is (a value, not an endless one); Cancel stops it with nothing changed.
  // A slowed processor keeps the undo running until the click lands, however fast the machine.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 })
  await page.getByTestId('undo').click()
  const bar = page.getByTestId('busy').getByRole('progressbar', { name: /^Undoing Import/ })
  await expect(bar).toHaveAttribute('value', /^(0(\.\d+)?|1)$/, { timeout: 60_000 })
  await page.getByTestId('busy-cancel').click()
  await expect(
    page
      .getByTestId('message-info')
      .filter({ hasText: 'The undo was cancelled; nothing was changed.' }),
  ).toHaveCount(1, { timeout: 60_000 })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
  await expect(page.getByTestId('busy')).toHaveCount(0)
  expect(await screens.snapshot()).toEqual(after)
  await expect(page.getByTestId('filter-count')).toHaveText(TOTAL)
  await expect(page.getByTestId('undo')).toBeEnabled()
  await expect(page.getByTestId('redo')).toBeDisabled()

  await page.getByTestId('undo').click()
  await expect(page.getByTestId('filter-count')).toHaveText(`${BUNDLED} events`, {
    timeout: 240_000,
  })
  expect(await screens.snapshot()).toEqual(before)

  await page.getByTestId('redo').click()
  await expect(page.getByTestId('filter-count')).toHaveText(TOTAL, { timeout: 240_000 })
  expect(await screens.snapshot()).toEqual(after)
  await expect(page.getByTestId('redo')).toBeDisabled()
  // The cancelled undo, the undo and the redo.
  expect(stepWorkers).toHaveLength(3)
})
