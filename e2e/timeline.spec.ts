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
  // A month: a range, or near the right edge a range's box with the label ending at its end.
  const month = app.item('US TIP report downgrades Cambodia to Tier 3')
  await expect(month).toHaveClass(/date-imprecise/)
  await expect(month).toHaveClass(/vis-range|range-end/)
  await expect(month).not.toHaveClass(/vis-point/)
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

test('the keyboard walks the timeline items: each named in full with its date, Enter selects', async ({
  page,
  consoleErrors,
}) => {
  const app = await new SourcelinePage(page).open()
  await app.timeline.focus()
  // Tab from the timeline lands on the first item in the window.
  await page.keyboard.press('Tab')
  const focused = page.locator('[data-testid=timeline] [data-item-id]:focus')
  await expect(focused).toHaveAttribute(
    'aria-label',
    /^Government commits to fighting human trafficking\. 2000 · /,
  )
  await page.keyboard.press('ArrowRight')
  await expect(focused).toHaveAttribute('aria-label', /^Ministry of Women’s Affairs starts/)

  // A long title is elided on screen but whole once focused.
  await page.keyboard.press('End')
  await expect(focused).toHaveAttribute('aria-label', /^Chou Bun Eng welcomes JICA cooperation/)
  await page.keyboard.press('ArrowLeft')
  const name = 'Social affairs minister Vong Soth meets JICA’s Kamei Haruko'
  await expect(focused).toHaveAttribute('aria-label', new RegExp(`^${name}\\. 27 March 2023`))
  const whole = await focused.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)
  expect(whole).toBe(true)
  await expect(focused).toBeInViewport()

  await page.keyboard.press('Enter')
  await expect(app.eventTitle).toHaveText(name)
  // The selected item keeps the focus, and the walk goes on from it.
  await expect(focused).toHaveAttribute('aria-label', new RegExp(`^${name}`))
  await page.keyboard.press('ArrowLeft')
  await expect(focused).toHaveAttribute('aria-label', /^Chou Bun Eng calls the Tier 3 downgrade/)
  consoleErrors.expectNone()
})

test('walking the items with the keyboard moves the window with the focus', async ({ page }) => {
  const app = await new SourcelinePage(page).open()
  await app.selectOnTimeline('US TIP report downgrades Cambodia to Tier 3')
  for (let i = 0; i < 4; i++) await page.getByTestId('zoom-in').click()
  await app.timeline.focus()
  await page.keyboard.press('Tab')
  const focused = page.locator('[data-testid=timeline] [data-item-id]:focus')
  await expect(focused).toHaveAttribute('aria-label', /^US TIP report downgrades/)
  // Back through the years, far outside the zoomed window: each item comes into view focused.
  for (const title of [
    '359 human trafficking cases',
    '155 human trafficking cases',
    'Criminal code',
  ]) {
    await page.keyboard.press('ArrowLeft')
    await expect(focused).toHaveAttribute('aria-label', new RegExp(`^${title}`))
    await expect(focused).toBeInViewport()
  }
})
