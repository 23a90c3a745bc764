/**
 * Whole tables read a page at a time, by primary key. IndexedDB hands each request's rows to the
 * page in one main-thread task: 100,000 events read in one request froze the window for a
 * second; in pages of 2,000 each task stays short. Safe inside liveQuery and transactions.
 */
import Dexie, { type IndexableType, type Table } from 'dexie'

export const PAGE_ROWS = 2000

/** Every row, in primary-key order, as `table.toArray()` gives them. */
export async function readPaged<T, K, I>(table: Table<T, K, I>): Promise<T[]> {
  const keyPath = table.schema.primKey.keyPath
  // Rows without their key inside (or with a compound one) are read at once.
  if (typeof keyPath !== 'string') return table.toArray()
  const rows: T[] = []
  let page = await table.orderBy(':id').limit(PAGE_ROWS).toArray()
  for (;;) {
    for (const row of page) rows.push(row)
    if (page.length < PAGE_ROWS) return rows
    const last = Dexie.getByKeyPath(page[page.length - 1] as object, keyPath) as IndexableType
    page = await table.where(':id').above(last).limit(PAGE_ROWS).toArray()
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
