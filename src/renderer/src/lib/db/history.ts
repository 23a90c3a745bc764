/**
 * Undo and redo for every user write, kept in the actions layer. A command is one read-write
 * transaction; a DBCore middleware records the before- and after-image of each row it touches, in
 * order, for any table. Undo puts the before-images back, redo the after-images, each in one
 * transaction. The stacks live in memory only (docs/decisions/0004-undo-history.md).
 */
import Dexie, {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreTable,
  type DBCoreTransaction,
  type IndexableType,
  type IndexableTypeArrayReadonly,
  type Middleware,
  type Table,
  type Transaction,
} from 'dexie'
import { deepEqual } from '../domain/canonical'
import { nextTask } from '../domain/pacing'
import { pipelined } from './pipelined'
import {
  KeySet,
  PageSize,
  RANGES_FROM,
  deleteInRanges,
  rowId,
  rowWeight,
  rowsThatFit,
  walk,
  worthWalking,
} from './keyed-ranges'

/**
 * One row's change inside a command. `before` is undefined when the row did not exist (an add),
 * `after` is undefined when the command deleted it. Images are private copies: nothing the caller
 * does to its objects afterwards changes what undo or redo writes.
 */
export interface Change {
  readonly table: string
  readonly key: IndexableType
  readonly before: unknown
  readonly after: unknown
}

/** What one undo or redo step reverts or replays; `label` is what the UI shows ("Add note"). */
export interface HistoryEntry {
  readonly label: string
  readonly changes: readonly Change[]
}

/** What the UI needs to draw its Undo and Redo commands. */
export interface HistoryState {
  readonly canUndo: boolean
  readonly canRedo: boolean
  readonly undoLabel: string | undefined
  readonly redoLabel: string | undefined
}

export type HistoryListener = (state: HistoryState) => void

export const DEFAULT_MAX_DEPTH = 200

/** Open command transactions, keyed by the DBCore transaction every mutate request carries. */
const recordings = new WeakMap<DBCoreTransaction, Recording>()

/** Databases whose middleware stack was built with the recorder in it. */
const recordingDatabases = new WeakSet<Dexie>()

interface Recording {
  readonly changes: Change[]
  /** A command's writes run one at a time, so each before-image is read after the last write. */
  queue: Promise<unknown>
}

// DBCoreRangeType.Never; a const enum cannot be imported under isolatedModules.
const NEVER_RANGE = 4

/**
 * Installs the recorder. Dexie builds its middleware stack when the database opens, so this must
 * run before the first query; it throws otherwise rather than silently recording nothing.
 */
export function installHistory<D extends Dexie>(db: D): D {
  if (db.isOpen()) throw new Error('installHistory() must run before the database opens.')
  const target = db._novip
  return db.use({
    stack: 'dbcore',
    name: 'SourcelineHistory',
    // Below Dexie's hooks middleware (level 2), so what is recorded is what reaches IndexedDB.
    level: 1.5,
    create(down) {
      recordingDatabases.add(target)
      return createRecorder(down)
    },
  } satisfies Middleware<DBCore>)
}

function createRecorder(down: DBCore): Partial<DBCore> {
  return {
    table(name) {
      const table = down.table(name)
      return {
        ...table,
        mutate(req) {
          const recording = recordings.get(req.trans)
          if (!recording) return table.mutate(req)
          const result = recording.queue.then(() => recordMutation(table, req, recording.changes))
          recording.queue = result.catch(() => undefined)
          return result
        },
      }
    },
  }
}

/*
 * Everything below chains on Dexie.Promise, never native await: Dexie's own middlewares under this
 * one find their transaction in Dexie's zone, and only Dexie.Promise carries that zone across
 * IndexedDB callbacks. (An await on an already-resolved value lost it: update() of a missing row.)
 */
function recordMutation(
  table: DBCoreTable,
  req: DBCoreMutateRequest,
  log: Change[],
): Promise<DBCoreMutateResponse> {
  const name = table.name
  const primaryKey = table.schema.primaryKey
  const mutate = (): Promise<DBCoreMutateResponse> => Dexie.Promise.resolve(table.mutate(req))
  switch (req.type) {
    case 'add':
    case 'put': {
      // Outbound keys come with the request; inbound ones are inside the values.
      const keys = req.values.map((value, i): IndexableType | undefined =>
        primaryKey.outbound ? req.keys?.[i] : primaryKey.extractKey?.(value),
      )
      // A row an add writes was not there before (else the add fails): nothing to read back,
      // which halves the work of a large import.
      const reading =
        req.type === 'add'
          ? Dexie.Promise.resolve(new Array<unknown>(keys.length).fill(undefined))
          : readMany(table, req.trans, keys)
      return reading.then((stored) =>
        mutate().then((res) => {
          const within = new Map<string, unknown>()
          req.values.forEach((value, i) => {
            if (failed(res, i)) return
            // The key the request carried, where it had one: a key IndexedDB answers with is a
            // string of the browser's, each held by a handle every garbage collection visits (an
            // import kept 255,000 of them). Auto-incremented keys are only known from the answer.
            const key: IndexableType = keys[i] ?? res.results?.[i]
            const id = keyId(key)
            const after = structuredClone(value)
            if (primaryKey.keyPath !== null && primaryKey.autoIncrement)
              Dexie.setByKeyPath(after, primaryKey.keyPath, key)
            const before = within.has(id) ? within.get(id) : stored[i]
            log.push({ table: name, key, before, after })
            within.set(id, after)
          })
          return res
        }),
      )
    }
    case 'delete': {
      const keys = req.keys
      return readMany(table, req.trans, keys).then((stored) =>
        mutate().then((res) => {
          const within = new Map<string, unknown>()
          keys.forEach((key: IndexableType, i) => {
            if (failed(res, i)) return
            const id = keyId(key)
            const before = within.has(id) ? within.get(id) : stored[i]
            within.set(id, undefined)
            // Deleting a row that is not there changes nothing, so there is nothing to undo.
            if (before !== undefined) log.push({ table: name, key, before, after: undefined })
          })
          return res
        }),
      )
    }
    case 'deleteRange': {
      if (req.range.type === NEVER_RANGE) return mutate()
      const query = { index: primaryKey, range: req.range }
      // Keys and rows come back in the same primary-key order.
      const read = (values: boolean): Promise<IndexableType[]> =>
        Dexie.Promise.resolve(table.query({ trans: req.trans, query, values })).then(
          (r) => r.result,
        )
      return read(false).then((keys) =>
        read(true).then((rows) =>
          mutate().then((res) => {
            if (res.numFailures === 0)
              keys.forEach((key, i) =>
                log.push({ table: name, key, before: rows[i], after: undefined }),
              )
            return res
          }),
        ),
      )
    }
  }
}

function failed(res: DBCoreMutateResponse, i: number): boolean {
  return res.numFailures > 0 && res.failures[i] !== undefined
}

/** getMany, leaving out keys IndexedDB would reject: those writes fail on their own. */
function readMany(
  table: DBCoreTable,
  trans: DBCoreTransaction,
  keys: readonly unknown[],
): Promise<unknown[]> {
  const positions: number[] = []
  const valid: unknown[] = []
  keys.forEach((key, i) => {
    if (isValidKey(key)) {
      positions.push(i)
      valid.push(key)
    }
  })
  const out: unknown[] = keys.map(() => undefined)
  if (valid.length === 0) return Dexie.Promise.resolve(out)
  return Dexie.Promise.resolve(table.getMany({ trans, keys: valid })).then((values) => {
    positions.forEach((position, j) => (out[position] = values[j]))
    return out
  })
}

function isValidKey(key: unknown): boolean {
  if (typeof key === 'number') return !Number.isNaN(key)
  if (typeof key === 'string') return true
  if (key instanceof Date) return !Number.isNaN(key.getTime())
  if (key instanceof ArrayBuffer || ArrayBuffer.isView(key)) return true
  if (Array.isArray(key)) return key.every(isValidKey)
  return false
}

/** A string equal for keys IndexedDB considers equal; used to spot one key written twice. */
function keyId(key: unknown): string {
  if (typeof key === 'number') return `n${key === 0 ? 0 : key}`
  if (typeof key === 'string') return `s${key}`
  if (key instanceof Date) return `d${key.getTime()}`
  if (Array.isArray(key)) return `a[${key.map(keyId).join(',')}]`
  if (key instanceof ArrayBuffer || ArrayBuffer.isView(key)) {
    const bytes =
      key instanceof ArrayBuffer
        ? new Uint8Array(key)
        : new Uint8Array(key.buffer, key.byteOffset, key.byteLength)
    return `b${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
  }
  return `?${String(key)}`
}

/** Undo or redo found rows changed since the command (in another window); nothing was written. */
export class HistoryConflictError extends Error {
  override name = 'HistoryConflictError'
}

/** An undo or redo stopped by the user (its signal aborted); nothing was written. */
export class HistoryStopped extends Error {
  override name = 'HistoryStopped'
}

/** What an undo or redo may be given: progress (rows done of all) and a signal that stops it. */
export interface StepOptions {
  onprogress?: (done: number, total: number) => void
  signal?: AbortSignal
}

/**
 * Rows per bulk request. Each request's rows are cloned in one main-thread task: a large import's
 * undo written in one request froze the window for a second per 10,000 rows, and 1,000 rows
 * of events took 100–190 ms on a busy machine.
 */
const CHUNK_ROWS = 250

/**
 * [from, to) of each request's rows: CHUNK_ROWS, fewer where `values` are heavy (an imported
 * article's text), so that cloning one request stays short.
 */
function* parts(rows: number, values?: readonly unknown[]): Generator<readonly [number, number]> {
  for (let i = 0; i < rows;) {
    const n = values
      ? rowsThatFit(rowWeight(values, i, Math.min(rows, i + CHUNK_ROWS)), CHUNK_ROWS)
      : CHUNK_ROWS
    const to = Math.min(rows, i + n)
    yield [i, to]
    i = to
  }
}

/** Time spent preparing a step before the window gets a turn (before the transaction opens). */
const PREPARE_SLICE_MS = 8

/** Awaits a turn for the window when the current slice has run PREPARE_SLICE_MS. */
function slices(): () => Promise<void> | null {
  let since = performance.now()
  return () => {
    if (performance.now() - since < PREPARE_SLICE_MS) return null
    return nextTask().then(() => void (since = performance.now()))
  }
}

/** One table's rows as they must be now for the step to be safe, keyed by rowId. */
interface Expected {
  readonly table: string
  /** The change whose image the row must hold: its after-image for undo, before-image for redo. */
  readonly rows: Map<string | number, Change>
  /** How many of them must be present (the rest must be absent). */
  present: number
  span: [IndexableType, IndexableType] | null
}

/** Consecutive writes of one kind on one table: they go down as bulk requests, in order. */
interface Batch {
  readonly table: string
  readonly put: boolean
  readonly keys: IndexableType[]
  readonly values: unknown[]
  /** A large delete's keys as a set, to walk the table for runs of them. */
  set: KeySet | null
}

interface Plan {
  readonly expected: Expected[]
  readonly batches: Batch[]
  /** Rows checked plus rows written: what progress counts. */
  readonly total: number
}

/**
 * Works out, in slices before the transaction opens (an import is 250,000 rows), what each
 * touched row must hold now and what to write. Undo writes the before-images newest first, redo
 * the after-images oldest first. A row must hold, for undo, the last after-image the command
 * left; for redo, the first before-image (undefined: the row is absent).
 */
async function plan(changes: readonly Change[], direction: 'undo' | 'redo'): Promise<Plan> {
  const turn = slices()
  const expected = new Map<string, Expected>()
  const batches: Batch[] = []
  const n = changes.length
  for (let j = 0; j < n; j++) {
    const c = changes[j]!
    let table = expected.get(c.table)
    if (!table)
      expected.set(c.table, (table = { table: c.table, rows: new Map(), present: 0, span: null }))
    const id = rowId(c.key, keyId)
    if (direction === 'undo') table.rows.set(id, c)
    else if (!table.rows.has(id)) table.rows.set(id, c)

    const w = changes[direction === 'undo' ? n - 1 - j : j]!
    const value = direction === 'undo' ? w.before : w.after
    const last = batches.at(-1)
    const put = value !== undefined
    if (last && last.table === w.table && last.put === put) {
      last.keys.push(w.key)
      if (put) last.values.push(value)
    } else
      batches.push({ table: w.table, put, keys: [w.key], values: put ? [value] : [], set: null })
    const waiting = turn()
    if (waiting) await waiting
  }
  let total = 0
  for (const e of expected.values()) {
    const span = e.rows.size >= RANGES_FROM ? new KeySet(keyId) : null
    for (const c of e.rows.values()) {
      if ((direction === 'undo' ? c.after : c.before) !== undefined) e.present++
      span?.add(c.key)
      const waiting = turn()
      if (waiting) await waiting
    }
    e.span = span?.span ?? null
    total += e.rows.size
  }
  for (const b of batches) {
    if (!b.put && b.keys.length >= RANGES_FROM) {
      const set = (b.set = new KeySet(keyId))
      for (const key of b.keys) {
        set.add(key)
        const waiting = turn()
        if (waiting) await waiting
      }
    }
    total += b.keys.length
  }
  return { expected: [...expected.values()], batches, total }
}

/**
 * Checks that every row holds what `e` expects, in the caller's transaction: by walking the
 * table in key order where the rows are most of what lies between their lowest and highest keys
 * (an import's), else by asking for them in bulk.
 */
async function checkTable(
  tx: Transaction,
  e: Expected,
  direction: 'undo' | 'redo',
  step: (rows: number) => void,
): Promise<void> {
  const table = tx.table(e.table)
  const image = (c: Change): unknown => (direction === 'undo' ? c.after : c.before)
  const conflict = (): never => {
    throw new HistoryConflictError('changed since')
  }
  // Only absent rows expected: their keys are enough. Values need a key inside each row.
  const keysOnly = e.present === 0
  const walkable = keysOnly || typeof table.schema.primKey.keyPath === 'string'
  if (e.span && walkable && (await worthWalking(table, e.span, e.rows.size))) {
    let found = 0
    // Rows read back are cloned onto the window as they arrive: pages of at most 1,000.
    const size = keysOnly ? new PageSize() : new PageSize(12, 50, 1000)
    await walk(table, e.span, !keysOnly, size, (keys, rows) => {
      const before = found
      keys.forEach((key, i) => {
        const c = e.rows.get(rowId(key, keyId))
        if (!c) return
        const want = image(c)
        if (want === undefined || !deepEqual(rows?.[i], want)) conflict()
        found++
      })
      step(found - before)
    })
    if (found !== e.present) conflict()
    // The rows that had to be absent were checked by not being met.
    step(e.rows.size - e.present)
    return
  }
  const rows = [...e.rows.values()]
  await pipelined(
    parts(rows.length, rows.map(image)),
    ([from, to]) => table.bulkGet(rows.slice(from, to).map((c) => c.key)),
    (now, [from, to]) => {
      for (let i = from; i < to; i++) if (!deepEqual(now[i - from], image(rows[i]!))) conflict()
      step(to - from)
    },
  )
}

/** Writes one batch in the caller's transaction: large deletes by key ranges, the rest in bulk. */
async function writeBatch(tx: Transaction, b: Batch, step: (rows: number) => void): Promise<void> {
  const table = tx.table(b.table)
  if (b.set && (await worthWalking(table, b.set.span, b.set.size))) {
    await deleteInRanges(table, b.set, new PageSize(), step)
    return
  }
  // Dexie refuses explicit keys on a table whose rows carry their own.
  const outbound = table.schema.primKey.keyPath == null
  await pipelined(
    parts(b.keys.length, b.put ? b.values : undefined),
    ([from, to]): Promise<unknown> => {
      const keys = b.keys.slice(from, to)
      if (!b.put) return table.bulkDelete(keys)
      const values = b.values.slice(from, to)
      // Dexie types bulkPut's keys without compound (array) keys, which IndexedDB allows.
      if (outbound) return table.bulkPut(values, keys as IndexableTypeArrayReadonly)
      return table.bulkPut(values)
    },
    (_, [from, to]) => step(to - from),
  )
}

/**
 * Checks and writes a planned step in one read-write transaction. The check runs in the same
 * transaction as the writes, so nothing can change in between; a conflict or a stop throws
 * inside it, and IndexedDB rolls back whatever was written.
 */
async function applyPlan(db: Dexie, p: Plan, direction: 'undo' | 'redo', options: StepOptions) {
  const { onprogress, signal } = options
  const tables = [...new Set([...p.expected.map((e) => e.table), ...p.batches.map((b) => b.table)])]
  let done = 0
  const step = (rows: number): void => {
    if (signal?.aborted) throw new HistoryStopped('stopped')
    done += rows
    onprogress?.(done, p.total)
  }
  await Dexie.ignoreTransaction(() =>
    db.transaction('rw', tables, async (tx) => {
      step(0)
      for (const e of p.expected) await checkTable(tx, e, direction, step)
      for (const b of p.batches) await writeBatch(tx, b, step)
      // A stop that came while the last request ran still leaves nothing written.
      step(0)
    }),
  )
}

/**
 * The undo and redo stacks. Commands, undos and redos on one stack run one after another, so the
 * stacks always match the order in which their transactions committed.
 */
export class UndoStack {
  readonly maxDepth: number
  #undo: HistoryEntry[] = []
  #redo: HistoryEntry[] = []
  #listeners = new Set<HistoryListener>()
  #queue: Promise<unknown> = Promise.resolve()

  constructor(options: { maxDepth?: number } = {}) {
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH
    if (!(this.maxDepth >= 1)) throw new RangeError('maxDepth must be at least 1.')
  }

  get canUndo(): boolean {
    return this.#undo.length > 0
  }

  get canRedo(): boolean {
    return this.#redo.length > 0
  }

  get undoLabel(): string | undefined {
    return this.#undo.at(-1)?.label
  }

  get redoLabel(): string | undefined {
    return this.#redo.at(-1)?.label
  }

  /** The command Undo would revert, with its recorded changes in the order they happened. */
  peekUndo(): HistoryEntry | undefined {
    return this.#undo.at(-1)
  }

  get state(): HistoryState {
    return {
      canUndo: this.canUndo,
      canRedo: this.canRedo,
      undoLabel: this.undoLabel,
      redoLabel: this.redoLabel,
    }
  }

  /**
   * Calls `listener` now and after every change, with a fresh state object; returns the
   * unsubscribe function. This is Svelte's store contract, so `$history` works in a component.
   */
  subscribe(listener: HistoryListener): () => void {
    this.#listeners.add(listener)
    listener(this.state)
    return () => this.#listeners.delete(listener)
  }

  /** Forgets everything, e.g. after a backup replaced the database under the stacks. */
  clear(): void {
    this.#undo = []
    this.#redo = []
    this.#notify()
  }

  /** See runCommand. */
  command<T>(
    db: Dexie,
    label: string,
    tables: readonly (string | Table)[],
    work: () => Promise<T>,
  ): Promise<T> {
    const current: Transaction | null = Dexie.currentTransaction
    if (current) {
      // A command inside a command is part of it: its writes are already being recorded.
      if (recordings.has(current.idbtrans) && current.db._novip === db._novip) return work()
      return Promise.reject(
        new Error(`"${label}" cannot run inside a transaction that is not a command.`),
      )
    }
    return this.#exclusive(async () => {
      const changes: Change[] = []
      let trans: IDBTransaction | undefined
      let committed = false
      try {
        // Always a transaction of its own (the queue may run this in another zone), and an async
        // scope, so that Dexie keeps its zone across the awaits inside work.
        const result = await Dexie.ignoreTransaction(() =>
          db.transaction('rw', tables, async (tx) => {
            if (!recordingDatabases.has(db._novip))
              throw new Error('Call installHistory(db) before the database opens.')
            trans = tx.idbtrans
            recordings.set(trans, { changes, queue: Dexie.Promise.resolve() })
            trans.addEventListener('complete', () => (committed = true))
            return await work()
          }),
        )
        // Dexie resolves on 'complete'. In a browser the promise can settle before the listener
        // above runs (microtasks run between listeners), so success itself must count as commit.
        committed = true
        return result
      } finally {
        if (trans) recordings.delete(trans)
        // Keyed on the commit, not on success: if work awaited something other than IndexedDB the
        // transaction commits early and Dexie throws, but what was written is still undoable.
        if (committed && changes.length > 0) this.#push({ label, changes })
      }
    })
  }

  /** Reverts the latest command; resolves to its label, or undefined when there was none. */
  undo(db: Dexie, options: StepOptions = {}): Promise<string | undefined> {
    return this.#step(db, 'undo', options)
  }

  /** Replays the latest undone command; resolves to its label, or undefined when there was none. */
  redo(db: Dexie, options: StepOptions = {}): Promise<string | undefined> {
    return this.#step(db, 'redo', options)
  }

  #step(db: Dexie, direction: 'undo' | 'redo', options: StepOptions): Promise<string | undefined> {
    // Inside a transaction this would wait for the queue that is waiting for it.
    if (Dexie.currentTransaction)
      return Promise.reject(new Error(`Cannot ${direction} inside a transaction.`))
    return this.#exclusive(async () => {
      const from = direction === 'undo' ? this.#undo : this.#redo
      const entry = from.at(-1)
      if (!entry) return undefined
      // Another window may have changed these rows since (each window keeps its own stacks, over
      // one shared store): then this step would overwrite that work, so it is refused and dropped.
      const planned = await plan(entry.changes, direction)
      try {
        // Throws with the stacks untouched: the transaction wrote all of it or none of it.
        await applyPlan(db, planned, direction, options)
      } catch (error) {
        if (!(error instanceof HistoryConflictError)) throw error
        from.pop()
        this.#notify()
        throw new HistoryConflictError(
          `“${entry.label}” was changed since, probably in another window; nothing was changed.`,
        )
      }
      from.pop()
      const to = direction === 'undo' ? this.#redo : this.#undo
      to.push(entry)
      this.#notify()
      return entry.label
    })
  }

  #push(entry: HistoryEntry): void {
    this.#undo.push(entry)
    if (this.#undo.length > this.maxDepth) this.#undo.splice(0, this.#undo.length - this.maxDepth)
    this.#redo = []
    this.#notify()
  }

  #exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(task)
    this.#queue = result.catch(() => undefined)
    return result
  }

  #notify(): void {
    const state = this.state
    for (const listener of this.#listeners) listener(state)
  }
}

/** The renderer's one history. Tests make their own with `new UndoStack()`. */
export const history = new UndoStack()

/**
 * Runs `work` as one undoable command: one read-write transaction over `tables`, every write in it
 * recorded. Only when the transaction commits does `{ label, changes }` go on the undo stack (and
 * the redo stack empty); a command that throws or aborts leaves both as they were. Called inside
 * another command, it joins that one. `work` may await IndexedDB only (STYLE.md rule 4).
 */
export function runCommand<T>(
  db: Dexie,
  label: string,
  tables: readonly (string | Table)[],
  work: () => Promise<T>,
  stack: UndoStack = history,
): Promise<T> {
  return stack.command(db, label, tables, work)
}
