import { expect, test } from './fixtures'
import { SourcelinePage } from './pages/SourcelinePage'

// Keeps the README's picture of the main screen true: every e2e run retakes it.
test('main screen screenshot for the README', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 })
  const app = await new SourcelinePage(page).open()
  await app.selectOnTimeline('National Anti-Human Trafficking Day established')
  await app.addNote('Find the **sub-decree** that created the day.')
  await page.getByTestId('messages').getByRole('button', { name: 'Dismiss' }).click()
  await app.eventPanel.evaluate((el) => el.scrollTo({ top: 0 }))
  await app.timeline.evaluate((el) => el.scrollTo({ top: 0 }))
  await expect(app.currentMarks.first()).toBeInViewport()
  await page.screenshot({ path: 'docs/screenshot.png' })
})
