import { expect, test } from './fixtures'
import { SourcelinePage } from './pages/SourcelinePage'

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const

for (const size of SIZES)
  test(`at ${size.width}×${size.height} the first view shows every dated event whole and clickable`, async ({
    page,
    consoleErrors,
  }) => {
    test.setTimeout(120_000)
    await page.setViewportSize(size)
    const app = await new SourcelinePage(page).open()
    await expect(app.timelineItems).toHaveCount(18)
    const boxes = await app.firstViewBoxes()
    expect(boxes.items).toHaveLength(18)

    const { panel, undated } = boxes
    // The undated list sits beside the timeline, never over it.
    expect(undated.left).toBeGreaterThanOrEqual(panel.right - 1)
    for (const item of boxes.items) {
      const where = `“${item.title}” at ${JSON.stringify(item.box)} in ${JSON.stringify(panel)}`
      expect(item.box.left, where).toBeGreaterThanOrEqual(panel.left - 1)
      expect(item.box.right, where).toBeLessThanOrEqual(panel.right + 1)
      expect(item.box.top, where).toBeGreaterThanOrEqual(panel.top - 1)
      expect(item.box.bottom, where).toBeLessThanOrEqual(panel.bottom + 1)
    }

    // Tight on the right: the last event (28 March 2023) is drawn near the panel's right edge,
    // its label to its left, not years of empty axis after it.
    const last = boxes.items.find((i) => i.title.startsWith('Chou Bun Eng welcomes JICA'))!
    expect(panel.right - last.box.right, 'room right of the last event').toBeLessThan(40)
    expect(await app.axisLabels()).not.toContain('2030')

    for (const item of boxes.items) {
      await page.mouse.click(item.centre.x, item.centre.y)
      await expect(app.eventTitle, `click at the centre of “${item.title}”`).toHaveText(item.title)
    }
    consoleErrors.expectNone()
  })

test('Fit all brings every event back after zooming, and zooming keeps the selected event in view', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  const app = await new SourcelinePage(page).open()
  const first = await app.firstViewBoxes()
  const title = 'US TIP report downgrades Cambodia to Tier 3'
  await app.selectOnTimeline(title)
  for (let i = 0; i < 4; i++) {
    await page.getByTestId('zoom-in').click()
    await expect(app.item(title)).toBeInViewport()
  }
  await expect(app.timelineItems).not.toHaveCount(18)
  await page.getByTestId('fit-all').click()
  await expect(app.timelineItems).toHaveCount(18)
  const again = await app.firstViewBoxes()
  expect(again.items.map((i) => i.title).sort()).toEqual(first.items.map((i) => i.title).sort())
  for (const item of again.items) expect(item.box.right).toBeLessThanOrEqual(again.panel.right + 1)
})
