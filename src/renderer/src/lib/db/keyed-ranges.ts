/**
 * Reading and deleting many rows of one table by key ranges instead of one request per row, for
 * large undo and redo steps (docs/decisions/0027-undo-in-key-ranges.md). The table is walked in
 * key order a page at a time; a run of rows to delete with nothing else between them goes as one
 * ranged delete. Everything here runs inside the caller's read-write transaction.
 */
import Dexie, { cmp, type IndexableType, type Table } from 'dexie'

/** Below this many rows a request per row costs about as much as walking the table. */
export const RANGES_FROM = 1000

/** Walk the span only when it holds at most this many times the rows asked about. */
const DENSE = 4

/** Characters of JSON one request may carry: a few milliseconds of cloning on the window. */
export const CHARS_PER_REQUEST = 400_000

/** The JSON length of a few of `rows` (first, middle, last): what one row weighs, roughly. */
export function rowWeight(rows: readonly unknown[], from = 0, to = rows.length): number {
  return heaviest(from, to, (i) => jsonLength(rows[i]))
}

/** The most of `weigh` over rows [from, to): of the first, middle and last, at least 1. */
export function heaviest(from: number, to: number, weigh: (i: number) => number): number {
  if (to <= from) return 1
  let most = 1
  for (const i of [from, (from + to - 1) >> 1, to - 1]) most = Math.max(most, weigh(i))
  return most
}

/** The length of `value` as JSON, at least 1; 1 for what JSON cannot write (a BigInt). */
export function jsonLength(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 1
  } catch {
    return 1
  }
}

/** How many rows of `weight` fit in one request, between 1 and `max`. */
export function rowsThatFit(weight: number, max: number): number {
  return Math.max(1, Math.min(max, Math.floor(CHARS_PER_REQUEST / weight)))
}

/**
 * Rows per page: changed after each page so that handling one stays a short task, and never more
 * than CHARS_PER_REQUEST of the rows last seen (cloning them happens before they are handled).
 */
export class PageSize {
  #rows: number
  #fit = Infinity
  constructor(
    readonly targetMs = 12,
    readonly min = 50,
    readonly max = 4000,
    start = 250,
  ) {
    this.#rows = start
  }

  get rows(): number {
    return Math.min(this.#rows, this.#fit)
  }

  /** Rows of the last page seen, to size the next by their weight. */
  weigh(rows: readonly unknown[]): void {
    if (rows.length > 0) this.#fit = rowsThatFit(rowWeight(rows), this.max)
  }

  /** After a page of `rows` rows took `ms` to handle: the size that would have taken targetMs. */
  took(ms: number, rows: number): void {
    if (rows < this.rows) return
    // At most doubled per page: one fast page says little about the next.
    const fit = ms > 0 ? (rows * this.targetMs) / ms : this.#rows * 2
    this.#rows = Math.round(Math.min(this.max, this.#rows * 2, Math.max(this.min, fit)))
  }
}

/**
 * A Map key equal for keys IndexedDB considers equal. Strings and numbers are their own (no new
 * string per row of a large import); others go through `keyId`.
 */
export function rowId(key: unknown, keyId: (key: unknown) => string): string | number {
  if (typeof key === 'string') return key
  if (typeof key === 'number') return key === 0 ? 0 : key
  return `\u0000${keyId(key)}`
}

/**
 * A set of keys as IndexedDB tells them apart, with their lowest and highest key. Built one key
 * at a time, so that a caller can give the window turns while it fills a large one.
 */
export class KeySet {
  readonly #ids = new Set<string | number>()
  #span: [IndexableType, IndexableType] | null = null
  constructor(readonly keyId: (key: unknown) => string) {}

  add(key: IndexableType): void {
    this.#ids.add(rowId(key, this.keyId))
    const span = this.#span
    if (!span) this.#span = [key, key]
    else if (cmp(key, span[0]) < 0) span[0] = key
    else if (cmp(key, span[1]) > 0) span[1] = key
  }

  has(key: IndexableType): boolean {
    return this.#ids.has(rowId(key, this.keyId))
  }

  get size(): number {
    return this.#ids.size
  }

  /** The lowest and highest key added; null while empty. */
  get span(): [IndexableType, IndexableType] | null {
    return this.#span
  }
}

/**
 * Whether `rows` rows between `span`'s ends are worth walking in key order rather than asking
 * for one by one: enough of them, and few other rows between.
 */
export async function worthWalking(
  table: Table,
  span: [IndexableType, IndexableType] | null,
  rows: number,
): Promise<boolean> {
  if (!span || rows < RANGES_FROM) return false
  const between = await table.where(':id').between(span[0], span[1], true, true).count()
  return between <= DENSE * rows
}

/**
 * Calls `visit` with every row (keys only unless `values`) between `span`'s ends, in key order,
 * a page at a time. Each page's request is sent before the last page is handled.
 */
export async function walk(
  table: Table,
  span: [IndexableType, IndexableType],
  values: boolean,
  size: PageSize,
  // May return a promise: the walk waits for it (a step in a worker waits for the window).
  visit: (
    keys: readonly IndexableType[],
    rows: readonly unknown[] | null,
  ) => void | PromiseLike<unknown>,
): Promise<void> {
  const extract = table.schema.primKey.keyPath
  if (values && typeof extract !== 'string')
    throw new Error('Walking values needs a table whose rows carry one key.')
  const page = (from: IndexableType, open: boolean, limit: number) => {
    const range = table.where(':id').between(from, span[1], !open, true).limit(limit)
    return values
      ? range.toArray().then((rows) => ({
          keys: rows.map((row) => Dexie.getByKeyPath(row, extract as string) as IndexableType),
          rows: rows as unknown[],
        }))
      : range.primaryKeys().then((keys) => ({ keys, rows: null }))
  }
  let limit = size.rows
  let answer = page(span[0], false, limit)
  for (;;) {
    const { keys, rows } = await answer
    const last = keys.at(-1)
    const more = keys.length === limit && last !== undefined
    if (rows) size.weigh(rows)
    if (more) answer = page(last, true, (limit = size.rows))
    const started = performance.now()
    const waiting = visit(keys, rows)
    size.took(performance.now() - started, keys.length)
    if (waiting) await waiting
    if (!more) return
  }
}

/**
 * Deletes the rows of `keys` (all in `table`) with one ranged delete per run of them that no
 * other row interrupts. Returns after the last delete answered.
 */
export async function deleteInRanges(
  table: Table,
  keys: KeySet,
  size: PageSize,
  onprogress: (rows: number) => void = () => {},
): Promise<void> {
  const span = keys.span
  if (!span) return
  const deletes: Promise<unknown>[] = []
  let run: [IndexableType, IndexableType] | null = null
  let inRun = 0
  const flush = (): void => {
    if (!run) return
    const [from, to] = run
    const rows = inRun
    deletes.push(
      table
        .where(':id')
        .between(from, to, true, true)
        .delete()
        .then(() => onprogress(rows)),
    )
    run = null
    inRun = 0
  }
  await walk(table, span, false, size, (page) => {
    for (const key of page) {
      if (keys.has(key)) {
        if (run) run[1] = key
        else run = [key, key]
        inRun++
      } else flush()
    }
  })
  flush()
  await Promise.all(deletes)
}
