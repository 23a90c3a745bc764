import { expect, test } from './fixtures'

test('the app loads without console errors', async ({ page, consoleErrors }) => {
  await page.goto('/')
  await expect(page.getByTestId('app')).toBeVisible()
  consoleErrors.expectNone()
})
