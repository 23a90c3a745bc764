/**
 * The README's picture of the main screen, taken the way a user would get there. Every run takes
 * it into the test's output folder (test-results/); only `SOURCELINE_UPDATE_SCREENSHOT=1` writes
 * docs/screenshot.png, so an ordinary run never changes a tracked file.
 */
import { expect, test } from './fixtures'
import { SourcelinePage } from './pages/SourcelinePage'

const UPDATE_README_PICTURE = process.env['SOURCELINE_UPDATE_SCREENSHOT'] === '1'

test('main screen screenshot for the README', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1400, height: 900 })
  const app = await new SourcelinePage(page).open()
  await app.selectOnTimeline('National Anti-Human Trafficking Day established')
  await app.addNote('Find the **sub-decree** that created the day.')
  await page.getByTestId('messages').getByRole('button', { name: 'Dismiss' }).click()
  await app.eventPanel.evaluate((el) => el.scrollTo({ top: 0 }))
  await app.timeline.evaluate((el) => el.scrollTo({ top: 0 }))
  await expect(app.currentMarks.first()).toBeInViewport()
  const path = UPDATE_README_PICTURE ? 'docs/screenshot.png' : testInfo.outputPath('screenshot.png')
  const picture = await page.screenshot({ path })
  await testInfo.attach('screenshot', { body: picture, contentType: 'image/png' })
})
