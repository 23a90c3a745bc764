/**
 * A full disk, as IndexedDB reports it, in the real Chromium store: after `installQuotaFault`,
 * `failNextWrites(page, n, store)` makes the next n `put`/`add` calls on that object store throw
 * a QuotaExceededError DOMException, exactly what IndexedDB throws when it has no room. The app
 * is not changed for it.
 */
import type { Page } from '@playwright/test'

/** Must run before the page opens the app. */
export async function installQuotaFault(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __quotaFailures: { store: string; count: number } | null }
    w.__quotaFailures = null
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method]
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args) {
        const failing = w.__quotaFailures
        if (failing && failing.count > 0 && failing.store === this.name) {
          failing.count--
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
        }
        return original.apply(this, args)
      } as typeof original
    }
  })
}

/**
 * Only writes to `store` fail: the app also writes in the background (its timeline index, 400 ms
 * after the data changes), and a fault on whatever write came next would land there when a busy
 * machine delays the click, leaving the write under test to succeed.
 */
export async function failNextWrites(page: Page, count: number, store: string): Promise<void> {
  await page.evaluate(
    (failing) => {
      ;(
        window as unknown as { __quotaFailures: { store: string; count: number } | null }
      ).__quotaFailures = failing
    },
    { store, count },
  )
}
