/**
 * A full disk, as IndexedDB reports it, in the real Chromium store: after `installQuotaFault`,
 * `failNextWrites(page, n)` makes the next n `put`/`add` calls throw a QuotaExceededError
 * DOMException, exactly what IndexedDB throws when it has no room. The app is not changed for it.
 */
import type { Page } from '@playwright/test'

/** Must run before the page opens the app. */
export async function installQuotaFault(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __quotaFailures: number }
    w.__quotaFailures = 0
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method]
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args) {
        if (w.__quotaFailures > 0) {
          w.__quotaFailures--
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
        }
        return original.apply(this, args)
      } as typeof original
    }
  })
}

export async function failNextWrites(page: Page, count: number): Promise<void> {
  await page.evaluate((n) => {
    ;(window as unknown as { __quotaFailures: number }).__quotaFailures = n
  }, count)
}
