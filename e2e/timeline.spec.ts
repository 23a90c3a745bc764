import { expect, test } from './fixtures'
import { SourcelinePage } from './pages/SourcelinePage'

test('opens on 2000–2023 with every dated event drawn and the undated ones listed', async ({
  page,
  consoleErrors,
}) => {
  const app = await new SourcelinePage(page).open()
  const labels = await app.axisLabels()
  expect(labels).toContain('2000')
  expect(labels).toContain('2020')
  expect(labels).not.toContain('1990')
  await expect(app.timelineItems).toHaveCount(18)
  for (const title of [
    'Government commits to fighting human trafficking',
    'National Anti-Human Trafficking Day established',
    'Law on combatting human trafficking and sex trafficking',
    'Cambodian National Task Force on human trafficking set up',
    'US TIP report downgrades Cambodia to Tier 3',
    'Social affairs minister Vong Soth meets JICA’s Kamei Haruko',
  ])
    await expect(app.timelineItems.filter({ hasText: title })).toHaveCount(1)

  await expect(app.undatedItems).toHaveCount(5)
  await expect(app.undatedItems.filter({ hasText: 'Draft law on surrogacy' })).toBeVisible()
  // One lane per category.
  await expect(app.timeline.locator('.vis-labelset .vis-label')).toHaveText([
    'Law and policy',
    'Institutions',
    'International cooperation and assessment',
    'Enforcement and figures',
    'Awareness',
  ])
  consoleErrors.expectNone()
})

test('an exact day is a point; a month, a year or an open date is a visibly different range', async ({
  page,
}) => {
  const app = await new SourcelinePage(page).open()
  const day = app.item('National Anti-Human Trafficking Day established')
  await expect(day).toHaveClass(/vis-point/)
  await expect(day).not.toHaveClass(/date-imprecise/)
  await expect(app.item('US TIP report downgrades Cambodia to Tier 3')).toHaveClass(
    /vis-range.*date-imprecise|date-imprecise.*vis-range/,
  )
  await expect(app.item('Cambodian National Task Force')).toHaveClass(/date-open-start/)
  const dayStyle = await day.evaluate((el) => getComputedStyle(el).borderStyle)
  const rangeStyle = await app
    .item('Law on combatting human trafficking')
    .evaluate((el) => getComputedStyle(el).borderTopStyle)
  expect(rangeStyle).toBe('dashed')
  expect(dayStyle).not.toBe('dashed')
})

test('zooms and pans with buttons and keys, and fits back to 2000–2023', async ({ page }) => {
  const app = await new SourcelinePage(page).open()
  const initial = await app.axisLabels()

  await page.getByTestId('zoom-in').click()
  await page.getByTestId('zoom-in').click()
  await expect.poll(() => app.axisLabels()).not.toEqual(initial)

  await page.getByTestId('fit-all').click()
  await expect.poll(() => app.axisLabels()).toEqual(initial)

  await app.timeline.focus()
  await page.keyboard.press('+')
  await expect.poll(() => app.axisLabels()).not.toEqual(initial)
  await page.keyboard.press('0')
  await expect.poll(() => app.axisLabels()).toEqual(initial)
  await page.keyboard.press('ArrowRight')
  await expect.poll(() => app.axisLabels()).not.toEqual(initial)
  await page.getByTestId('fit-all').click()

  await page.getByTestId('zoom-out').click()
  await expect.poll(() => app.axisLabels()).not.toEqual(initial)
})

test('labels are plain text, never markup', async ({ page }) => {
  const app = await new SourcelinePage(page).open()
  const label = app.timelineItems.filter({ hasText: 'warns of “influencer trafficking”' })
  await expect(label).toHaveCount(1)
  await expect(label.locator('*:not(span)')).toHaveCount(0)
})
