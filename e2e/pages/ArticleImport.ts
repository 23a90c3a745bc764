/**
 * Article import as the user does it: choosing files in the picker, dropping them on the window,
 * pasting, and the review dialog that follows. Kept apart from SourcelinePage so the import specs
 * read as steps and the markup is named in one place.
 */
import { expect, type Locator, type Page } from '@playwright/test'

export interface FileToImport {
  name: string
  mimeType: string
  buffer: Buffer
}

/**
 * Chromium applies the app's CSP to the inert documents a page is parsed into: a page with a
 * <base> or a <style> makes it report those as blocked (nothing was applied). Expected whenever
 * a saved web page is imported, so import specs do not count them as errors (see
 * docs/decisions/0007-article-import.md and e2e/import-parse.spec.ts).
 */
export const PARSE_CSP_REPORTS: readonly RegExp[] = [
  /^Setting the document's base URI to '.*' violates the following Content Security Policy directive: "base-uri 'none'"/,
  /^Applying inline style violates the following Content Security Policy directive 'style-src 'self''/,
]

export class ArticleImport {
  readonly dialog: Locator
  readonly title: Locator
  readonly outlet: Locator
  readonly byline: Locator
  readonly date: Locator
  readonly dateFeedback: Locator
  readonly url: Locator
  readonly warnings: Locator
  readonly preview: Locator
  readonly duplicate: Locator
  readonly save: Locator
  readonly cancel: Locator
  readonly overlay: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('import-dialog')
    this.title = this.dialog.getByTestId('import-title')
    this.outlet = this.dialog.getByTestId('import-outlet')
    this.byline = this.dialog.getByTestId('import-byline')
    this.date = this.dialog.getByTestId('import-date')
    this.dateFeedback = this.dialog.getByTestId('import-date-feedback')
    this.url = this.dialog.getByTestId('import-url')
    this.warnings = this.dialog.getByTestId('import-warnings')
    this.preview = this.dialog.getByTestId('import-preview')
    this.duplicate = this.dialog.getByTestId('import-duplicate')
    this.save = this.dialog.getByTestId('import-save')
    this.cancel = this.dialog.getByTestId('import-cancel')
    this.overlay = page.getByTestId('drop-overlay')
  }

  /** Chooses files through "Import article…"'s file picker. */
  async choose(...files: FileToImport[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser')
    await this.page.getByTestId('import-article').click()
    await (await chooser).setFiles(files)
  }

  /** Drags files over the window (the overlay shows) and drops them. */
  async drop(...files: FileToImport[]): Promise<void> {
    const transfer = await this.page.evaluateHandle(
      (list) => {
        const dt = new DataTransfer()
        for (const f of list)
          dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.mimeType }))
        return dt
      },
      files.map((f) => ({ name: f.name, mimeType: f.mimeType, bytes: [...f.buffer] })),
    )
    const target = this.page.getByTestId('reader')
    await target.dispatchEvent('dragenter', { dataTransfer: transfer })
    await target.dispatchEvent('dragover', { dataTransfer: transfer })
    await expect(this.overlay).toBeVisible()
    await target.dispatchEvent('drop', { dataTransfer: transfer })
    await expect(this.overlay).toBeHidden()
  }

  /** Puts text on the real clipboard (the browser's own, in Playwright) for Ctrl+V. */
  async copy(text: string): Promise<void> {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(this.page.url()).origin,
    })
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text)
  }

  /** Presses Ctrl+V (Cmd+V on macOS) with the focus outside any text field. */
  async pasteWithKeyboard(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Sourceline', level: 1 }).click()
    await this.page.keyboard.press('ControlOrMeta+V')
  }

  /**
   * Dispatches a paste outside any text field with exactly this clipboard content, for content a
   * real clipboard would not carry unchanged (lone surrogates).
   */
  async paste(content: { html?: string; text?: string }): Promise<void> {
    await this.page.evaluate(({ html, text }) => {
      const dt = new DataTransfer()
      if (html !== undefined) dt.setData('text/html', html)
      if (text !== undefined) dt.setData('text/plain', text)
      document.body.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
      )
    }, content)
  }

  /**
   * Saves the reviewed article and waits for the success message naming it. (The dialog may stay
   * open for the next file.)
   */
  async saveAs(title: string, fileName: string): Promise<void> {
    await this.save.click()
    await expect(
      this.page.getByTestId('message-success').filter({
        hasText: `Imported “${title}” from ${fileName}.`,
      }),
    ).toBeVisible()
  }
}
