/**
 * Whole tables read a page at a time, by primary key. IndexedDB hands each request's rows to the
 * page in one main-thread task: 100,000 events read in one request froze the window for a
 * second; in pages of 2,000 each task stays short. Safe inside liveQuery and transactions.
 */
import Dexie, { type IndexableType, type Table } from 'dexie'

export const PAGE_ROWS = 500

/**
 * For rows of very different sizes (articles with their texts): how much one row holds, and
 * about how much one page may hold. Each next page is sized from the rows read so far.
 */
export interface PageBudget<T> {
  weigh(row: T): number
  budget: number
  /** Rows in the first page, before any row has been weighed. */
  first: number
}

/** Rows for the next page: about `budget` at the mean weight so far, 1 to PAGE_ROWS. */
export function nextPageRows(budget: number, weight: number, rows: number): number {
  if (rows === 0 || weight <= 0) return PAGE_ROWS
  return Math.max(1, Math.min(PAGE_ROWS, Math.floor(budget / (weight / rows))))
}

/** Every row, in primary-key order, as `table.toArray()` gives them. */
export async function readPaged<T, K, I>(
  table: Table<T, K, I>,
  sizing?: PageBudget<T>,
): Promise<T[]> {
  const keyPath = table.schema.primKey.keyPath
  // Rows without their key inside (or with a compound one) are read at once.
  if (typeof keyPath !== 'string') return table.toArray()
  const rows: T[] = []
  let weight = 0
  let limit = sizing ? sizing.first : PAGE_ROWS
  let page = await table.orderBy(':id').limit(limit).toArray()
  for (;;) {
    for (const row of page) {
      rows.push(row)
      if (sizing) weight += sizing.weigh(row)
    }
    if (page.length < limit) return rows
    if (sizing) limit = nextPageRows(sizing.budget, weight, rows.length)
    const last = Dexie.getByKeyPath(page[page.length - 1] as object, keyPath) as IndexableType
    page = await table.where(':id').above(last).limit(limit).toArray()
  }
}

/**
 * Rows in `orderBy(field)` order from rows in primary-key order: the index orders ties by
 * primary key, and a stable sort keeps them so.
 */
export function byField<K extends string, T extends Record<K, number>>(rows: T[], field: K): T[] {
  return rows.sort((a, b) => a[field] - b[field])
}

export function byUpdatedAt<T extends { updatedAt: number }>(rows: T[]): T[] {
  return byField(rows, 'updatedAt')
}
