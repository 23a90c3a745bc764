/**
 * What every page object starts from: the Playwright page and the app's root. Page objects live
 * in e2e/pages/ and speak the user's words (`addNote`, `openArticle`), using roles or data-testid.
 */
import type { Locator, Page } from '@playwright/test'

export class BasePage {
  readonly page: Page
  readonly root: Locator

  constructor(page: Page) {
    this.page = page
    this.root = page.getByTestId('app')
  }

  /** Opens the app at `path` and waits until its root is shown. */
  async goto(path = '/'): Promise<this> {
    await this.page.goto(path)
    await this.root.waitFor({ state: 'visible' })
    return this
  }
}
