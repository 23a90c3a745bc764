import { expect, test } from './fixtures'
import { SourcelinePage } from './pages/SourcelinePage'

test('selecting an event shows its summary and highlights its exact passage in the article', async ({
  page,
  consoleErrors,
}) => {
  const app = await new SourcelinePage(page).open()
  await app.selectOnTimeline('US TIP report downgrades Cambodia to Tier 3')
  await expect(page.getByTestId('event-date')).toHaveText('July 2022')
  await expect(page.getByTestId('event-summary')).toContainText('Tier 2 Watch List to Tier 3')
  await expect(app.articleTitle).toHaveText('Interior ministry lauds anti-trafficking work')
  await expect(page.getByTestId('article-outlet')).toContainText('Phnom Penh Post')
  await expect(app.currentMarks).toHaveCount(1)
  await expect(app.currentMarks.first()).toHaveText(
    'The US State Department downgraded Cambodia’s human trafficking ranking from its position on the Tier 2 Watch List (2WL) to Tier 3',
  )
  await expect(app.currentMarks.first()).toBeInViewport()
  // Page furniture is not body text.
  await expect(page.getByTestId('article-body')).not.toContainText('MOST VIEWED')
  await expect(page.getByTestId('article-body')).not.toContainText('Ream base allegations')
  consoleErrors.expectNone()
})

test('clicking a highlighted passage selects its event on the timeline', async ({ page }) => {
  const app = await new SourcelinePage(page).open()
  await app.selectOnTimeline('US TIP report downgrades Cambodia to Tier 3')
  await app.marks.filter({ hasText: 'Bun Eng said the downgrade was unjust.' }).click()
  await expect(app.eventTitle).toHaveText('Chou Bun Eng calls the Tier 3 downgrade unjust')
  await expect(app.timeline.locator('.vis-selected .vis-item-content')).toHaveText(
    'Chou Bun Eng calls the Tier 3 downgrade unjust',
  )
  // The keyboard reaches passages too.
  await app.marks.filter({ hasText: 'She said 2021 saw 359 cases' }).focus()
  await page.keyboard.press('Enter')
  await expect(app.eventTitle).toHaveText('359 human trafficking cases in 2021')
})

test('an event with quotes in several articles lets the reader move between them', async ({
  page,
}) => {
  const app = await new SourcelinePage(page).open()
  await app.selectOnTimeline('UN conventions ratified and regional MoUs signed')
  await expect(page.getByTestId('source-position')).toHaveText('Source 1 of 2')
  await expect(app.articleTitle).toHaveText('Cambodia Takes Measures To Prevent Human Trafficking')
  await expect(app.currentMarks).toHaveCount(2)
  await page.getByTestId('source-next').click()
  await expect(page.getByTestId('source-position')).toHaveText('Source 2 of 2')
  await expect(app.articleTitle).toHaveText(
    'Cambodian PM: Human Trafficking Is a Common Issue of Region and Globe',
  )
  await expect(app.currentMarks).toHaveText(['as well as MoUs with friendly countries'])
  await expect(app.currentMarks.first()).toBeInViewport()
  await page.getByTestId('source-prev').click()
  await expect(page.getByTestId('source-position')).toHaveText('Source 1 of 2')
})

test('an undated event says why it has no date and is not on the timeline', async ({ page }) => {
  const app = await new SourcelinePage(page).open()
  await app.selectUndated('Cambodia and China agree an action plan against trafficking to China')
  await expect(page.getByTestId('event-date')).toHaveText('Undated')
  await expect(page.getByTestId('event-date-note')).toContainText('on Thursday')
  await expect(page.getByTestId('article-date')).toContainText('Date unknown')
  await expect(
    app.timelineItems.filter({ hasText: 'action plan against trafficking' }),
  ).toHaveCount(0)
  await expect(app.currentMarks).toHaveCount(2)
})
