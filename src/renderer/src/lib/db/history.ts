/**
 * Undo and redo for every user write, kept in the actions layer. A command is one read-write
 * transaction; a DBCore middleware records the before- and after-image of each row it touches, in
 * order, for any table, packed per bulk request (packed-images.ts, decision 0033). Undo puts the
 * before-images back, redo the after-images, each in one transaction. The stacks live in memory
 * only (docs/decisions/0004-undo-history.md).
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
  heaviest,
  rowId,
  rowsThatFit,
  walk,
  worthWalking,
} from './keyed-ranges'
import { ABSENT, imageAt, isPresent, packImages, weightAt, type Images } from './packed-images'

/**
 * One row's change inside a command, as peekUndo shows it. `before` is undefined when the row did
 * not exist (an add), `after` is undefined when the command deleted it. Images are private copies:
 * nothing the caller does to its objects afterwards changes what undo or redo writes.
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

/**
 * The rows one bulk request changed on one table, in the order written: keys, before-images
 * (absent where a row did not exist) and after-images (absent where it was deleted), packed where
 * JSON holds them exactly (packed-images.ts): for a large import, a key per row and a few objects
 * per request. Keys stay as written; packed, each undo and redo parsed them anew and held them to
 * its end, and dropping them made a long garbage collection (decision 0033).
 */
export interface Chunk {
  readonly table: string
  readonly size: number
  readonly keys: readonly IndexableType[]
  readonly before: Images
  readonly after: Images
}

/** A command as recorded. */
interface Recorded {
  readonly label: string
  readonly chunks: readonly Chunk[]
}

/** Rows per chunk at most; a row's place in its command is chunk * CHUNK_SPAN + row. */
const CHUNK_SPAN = 2048

/** Open command transactions, keyed by the DBCore transaction every mutate request carries. */
const recordings = new WeakMap<DBCoreTransaction, Recording>()

/** Databases whose middleware stack was built with the recorder in it. */
const recordingDatabases = new WeakSet<Dexie>()

interface Recording {
  readonly chunks: Chunk[]
  /** Whether images are packed (tests turn it off to compare with structured clones). */
  readonly pack: boolean
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
          const result = recording.queue.then(() => recordMutation(table, req, recording))
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
  recording: Recording,
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
          const written: IndexableType[] = []
          const before: unknown[] = []
          const values: unknown[] = []
          // Only a put can write one key twice (an add's second write fails): its second
          // before-image is the first one's after-image, by position in `values`.
          const last = req.type === 'put' ? new Map<string | number, number>() : null
          const repeats: [number, number][] = []
          req.values.forEach((value, i) => {
            if (failed(res, i)) return
            // The key the request carried, where it had one: a key IndexedDB answers with is a
            // string of the browser's, each held by a handle every garbage collection visits (an
            // import kept 255,000 of them). Auto-incremented keys are only known from the answer.
            const key: IndexableType = keys[i] ?? res.results?.[i]
            if (last) {
              const id = rowId(key, keyId)
              const earlier = last.get(id)
              if (earlier !== undefined) repeats.push([written.length, earlier])
              last.set(id, written.length)
            }
            written.push(key)
            before.push(stored[i])
            values.push(value)
          })
          const keyed = primaryKey.keyPath !== null && primaryKey.autoIncrement
          if (!keyed && repeats.length === 0)
            // Packed straight from the caller's values: JSON is the copy, no clone first.
            addChunks(recording, name, written, before, values, true)
          else {
            const after = values.map((value) => structuredClone(value))
            if (keyed)
              after.forEach((copy, j) =>
                Dexie.setByKeyPath(copy as object, primaryKey.keyPath!, written[j]),
              )
            for (const [j, earlier] of repeats) before[j] = after[earlier]
            addChunks(recording, name, written, before, after, false)
          }
          return res
        }),
      )
    }
    case 'delete': {
      const keys = req.keys
      return readMany(table, req.trans, keys).then((stored) =>
        mutate().then((res) => {
          const deleted: IndexableType[] = []
          const before: unknown[] = []
          const seen = new Set<string | number>()
          keys.forEach((key: IndexableType, i) => {
            if (failed(res, i)) return
            const id = rowId(key, keyId)
            // Deleting a row that is not there (or no longer) changes nothing: nothing to undo.
            if (seen.has(id)) return
            seen.add(id)
            if (stored[i] === undefined) return
            deleted.push(key)
            before.push(stored[i])
          })
          addChunks(recording, name, deleted, before, null, false)
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
            // Kept as read, not packed: a clear() of a large table reads it in one request, and
            // packing every row in that same task would make it longer still.
            if (res.numFailures === 0) addChunks(recording, name, keys, rows, null, false, false)
            return res
          }),
        ),
      )
    }
  }
}

/**
 * Records the rows one request wrote as chunks of at most CHUNK_SPAN rows. `before` holds private
 * copies (rows read back, or after-images); `after` too unless `copyAfter` (the caller's values:
 * packing copies them, else they are cloned). Images are packed unless `pack` is off.
 */
function addChunks(
  recording: Recording,
  table: string,
  keys: readonly IndexableType[],
  before: readonly unknown[],
  after: readonly unknown[] | null,
  copyAfter: boolean,
  pack = recording.pack,
): void {
  const images = (values: readonly unknown[], copy: boolean): Images => {
    if (pack) return packImages(values, copy)
    if (values.every((v) => v === undefined)) return ABSENT
    return { kind: 'values', values: copy ? values.map((v) => structuredClone(v)) : values }
  }
  for (let from = 0; from < keys.length; from += CHUNK_SPAN) {
    const to = Math.min(keys.length, from + CHUNK_SPAN)
    const whole = from === 0 && to === keys.length
    const part = <T>(values: readonly T[]): readonly T[] =>
      whole ? values : values.slice(from, to)
    recording.chunks.push({
      table,
      size: to - from,
      keys: part(keys),
      before: images(part(before), false),
      after: after ? images(part(after), copyAfter) : ABSENT,
    })
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
  /**
   * Called after each progress report; the step waits for the promise it may return (inside its
   * transaction, so a Dexie.waitFor one). A step in a worker waits so for the window.
   */
  pace?: () => PromiseLike<unknown> | undefined
}

/**
 * Runs an undo or redo of a command's chunks somewhere else, throwing as runStep does: in the
 * app, large ones in a worker (lib/db/step-in-worker.ts), so that the garbage of their hundreds
 * of thousands of write requests is not the window's to collect (decision 0036).
 */
export type StepRunner = (
  dbName: string,
  chunks: readonly Chunk[],
  direction: 'undo' | 'redo',
  options: StepOptions,
) => Promise<void>

/** Plans and applies one undo or redo of `chunks` on `db`, in one transaction. */
export async function runStep(
  db: Dexie,
  chunks: readonly Chunk[],
  direction: 'undo' | 'redo',
  options: StepOptions = {},
): Promise<void> {
  await applyPlan(db, await plan(chunks, direction), options)
}

/**
 * Rows per bulk request. Each request's rows are cloned in one main-thread task: a large import's
 * undo written in one request froze the window for a second per 10,000 rows, and 1,000 rows
 * of events took 100–190 ms on a busy machine.
 */
const CHUNK_ROWS = 250

/**
 * [from, to) of each request's rows: CHUNK_ROWS, fewer where rows are heavy (an imported
 * article's text), so that cloning one request stays short. `weight(i)` is row i's JSON length;
 * the heaviest of a part's first, middle and last row sizes it.
 */
function* parts(
  rows: number,
  weight?: (i: number) => number,
): Generator<readonly [number, number]> {
  for (let i = 0; i < rows;) {
    const n = weight
      ? rowsThatFit(heaviest(i, Math.min(rows, i + CHUNK_ROWS), weight), CHUNK_ROWS)
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

type Side = 'before' | 'after'

/**
 * A command's rows for one undo or redo, each named by its place (chunk * CHUNK_SPAN + row): the
 * images unpacked a row at a time, when they are checked or written.
 */
class Rows {
  constructor(readonly chunks: readonly Chunk[]) {}

  /** Every row's place, in the order the command wrote them, or the reverse. */
  *places(reverse: boolean): Generator<number> {
    const n = this.chunks.length
    for (let k = 0; k < n; k++) {
      const c = reverse ? n - 1 - k : k
      const size = this.chunks[c]!.size
      for (let j = 0; j < size; j++) yield c * CHUNK_SPAN + (reverse ? size - 1 - j : j)
    }
  }

  table(place: number): string {
    return this.chunks[Math.floor(place / CHUNK_SPAN)]!.table
  }

  key(place: number): IndexableType {
    return this.chunks[Math.floor(place / CHUNK_SPAN)]!.keys[place % CHUNK_SPAN]!
  }

  has(place: number, side: Side): boolean {
    return isPresent(this.chunks[Math.floor(place / CHUNK_SPAN)]![side], place % CHUNK_SPAN)
  }

  image(place: number, side: Side): unknown {
    return imageAt(this.chunks[Math.floor(place / CHUNK_SPAN)]![side], place % CHUNK_SPAN)
  }

  weight(place: number, side: Side): number {
    return weightAt(this.chunks[Math.floor(place / CHUNK_SPAN)]![side], place % CHUNK_SPAN)
  }
}

/** One table's rows as they must be now for the step to be safe, keyed by rowId. */
interface Expected {
  readonly table: string
  /** The row whose image the row must hold: its after-image for undo, before-image for redo. */
  readonly rows: Map<string | number, number>
  /** How many of them must be present (the rest must be absent). */
  present: number
  span: [IndexableType, IndexableType] | null
}

/** Consecutive writes of one kind on one table: they go down as bulk requests, in order. */
interface Batch {
  readonly table: string
  readonly put: boolean
  /** The rows whose images (or, to delete, keys) are written. */
  readonly places: number[]
  /** A large delete's keys as a set, to walk the table for runs of them. */
  set: KeySet | null
}

interface Plan {
  readonly rows: Rows
  /** The side checked: what the rows must hold now. */
  readonly check: Side
  /** The side written. */
  readonly write: Side
  readonly expected: Expected[]
  readonly batches: Batch[]
  /** Rows checked plus rows written: what progress counts. */
  readonly total: number
}

/**
 * Works out, in slices before the transaction opens (an import is 250,000 rows), what each
 * touched row must hold now and what to write. Undo writes the before-images newest first, redo
 * the after-images oldest first. A row must hold, for undo, the last after-image the command
 * left; for redo, the first before-image (absent: the row is absent).
 */
async function plan(chunks: readonly Chunk[], direction: 'undo' | 'redo'): Promise<Plan> {
  const turn = slices()
  const rows = new Rows(chunks)
  const undo = direction === 'undo'
  const check: Side = undo ? 'after' : 'before'
  const write: Side = undo ? 'before' : 'after'
  const expected = new Map<string, Expected>()
  for (const place of rows.places(false)) {
    const name = rows.table(place)
    let table = expected.get(name)
    if (!table)
      expected.set(name, (table = { table: name, rows: new Map(), present: 0, span: null }))
    const id = rowId(rows.key(place), keyId)
    if (undo || !table.rows.has(id)) table.rows.set(id, place)
    const waiting = turn()
    if (waiting) await waiting
  }
  const batches: Batch[] = []
  for (const place of rows.places(undo)) {
    const name = rows.table(place)
    const put = rows.has(place, write)
    const last = batches.at(-1)
    if (last && last.table === name && last.put === put) last.places.push(place)
    else batches.push({ table: name, put, places: [place], set: null })
    const waiting = turn()
    if (waiting) await waiting
  }
  let total = 0
  for (const e of expected.values()) {
    const span = e.rows.size >= RANGES_FROM ? new KeySet(keyId) : null
    for (const place of e.rows.values()) {
      if (rows.has(place, check)) e.present++
      span?.add(rows.key(place))
      const waiting = turn()
      if (waiting) await waiting
    }
    e.span = span?.span ?? null
    total += e.rows.size
  }
  for (const b of batches) {
    if (!b.put && b.places.length >= RANGES_FROM) {
      const set = (b.set = new KeySet(keyId))
      for (const place of b.places) {
        set.add(rows.key(place))
        const waiting = turn()
        if (waiting) await waiting
      }
    }
    total += b.places.length
  }
  return { rows, check, write, expected: [...expected.values()], batches, total }
}

/**
 * Checks that every row holds what `e` expects, in the caller's transaction: by walking the
 * table in key order where the rows are most of what lies between their lowest and highest keys
 * (an import's), else by asking for them in bulk.
 */
async function checkTable(
  tx: Transaction,
  p: Plan,
  e: Expected,
  step: (rows: number) => PromiseLike<unknown> | undefined,
): Promise<void> {
  const { rows, check } = p
  const table = tx.table(e.table)
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
    await walk(table, e.span, !keysOnly, size, (keys, now) => {
      const before = found
      keys.forEach((key, i) => {
        const place = e.rows.get(rowId(key, keyId))
        if (place === undefined) return
        if (!rows.has(place, check) || !deepEqual(now?.[i], rows.image(place, check))) conflict()
        found++
      })
      return step(found - before)
    })
    if (found !== e.present) conflict()
    // The rows that had to be absent were checked by not being met.
    step(e.rows.size - e.present)
    return
  }
  const places = [...e.rows.values()]
  await pipelined(
    parts(places.length, (i) => rows.weight(places[i]!, check)),
    ([from, to]) => table.bulkGet(places.slice(from, to).map((place) => rows.key(place))),
    (now, [from, to]) => {
      for (let i = from; i < to; i++)
        if (!deepEqual(now[i - from], rows.image(places[i]!, check))) conflict()
      return step(to - from)
    },
  )
}

/** Writes one batch in the caller's transaction: large deletes by key ranges, the rest in bulk. */
async function writeBatch(
  tx: Transaction,
  p: Plan,
  b: Batch,
  step: (rows: number) => PromiseLike<unknown> | undefined,
): Promise<void> {
  const { rows, write } = p
  const table = tx.table(b.table)
  if (b.set && (await worthWalking(table, b.set.span, b.set.size))) {
    await deleteInRanges(table, b.set, new PageSize(), step)
    return
  }
  // Dexie refuses explicit keys on a table whose rows carry their own.
  const outbound = table.schema.primKey.keyPath == null
  await pipelined(
    parts(b.places.length, b.put ? (i) => rows.weight(b.places[i]!, write) : undefined),
    ([from, to]): Promise<unknown> => {
      const places = b.places.slice(from, to)
      const keys = places.map((place) => rows.key(place))
      if (!b.put) return table.bulkDelete(keys)
      const values = places.map((place) => rows.image(place, write))
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
async function applyPlan(db: Dexie, p: Plan, options: StepOptions) {
  const { onprogress, signal } = options
  const tables = [...new Set([...p.expected.map((e) => e.table), ...p.batches.map((b) => b.table)])]
  let done = 0
  const step = (rows: number): PromiseLike<unknown> | undefined => {
    if (signal?.aborted) throw new HistoryStopped('stopped')
    done += rows
    onprogress?.(done, p.total)
    return options.pace?.()
  }
  await Dexie.ignoreTransaction(() =>
    db.transaction('rw', tables, async (tx) => {
      step(0)
      for (const e of p.expected) await checkTable(tx, p, e, step)
      for (const b of p.batches) await writeBatch(tx, p, b, step)
      // A stop that came while the last request ran still leaves nothing written.
      step(0)
    }),
  )
}

/** A command's recorded rows one Change each, in the order written (images unpacked). */
function changesOf(chunks: readonly Chunk[]): Change[] {
  return chunks.flatMap((chunk) =>
    chunk.keys.map((key, i) => ({
      table: chunk.table,
      key,
      before: imageAt(chunk.before, i),
      after: imageAt(chunk.after, i),
    })),
  )
}

/**
 * The undo and redo stacks. Commands, undos and redos on one stack run one after another, so the
 * stacks always match the order in which their transactions committed.
 */
export class UndoStack {
  readonly maxDepth: number
  /** Whether row images are packed as JSON where that is exact (off only to compare, in tests). */
  readonly pack: boolean
  #undo: Recorded[] = []
  #redo: Recorded[] = []
  #elsewhere: { run: StepRunner; fromRows: number } | null = null
  #listeners = new Set<HistoryListener>()
  #queue: Promise<unknown> = Promise.resolve()

  constructor(options: { maxDepth?: number; pack?: boolean } = {}) {
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH
    this.pack = options.pack ?? true
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

  /**
   * The command Undo would revert, with its recorded changes in the order they happened: every
   * image unpacked, so this is for tests and small commands.
   */
  peekUndo(): HistoryEntry | undefined {
    const entry = this.#undo.at(-1)
    return entry && { label: entry.label, changes: changesOf(entry.chunks) }
  }

  /**
   * How the command Undo would revert is held: the rows it recorded, and how many of them have
   * their images packed as JSON (the rest are structured clones).
   */
  undoFootprint(): { rows: number; packed: number } | undefined {
    const entry = this.#undo.at(-1)
    if (!entry) return undefined
    let rows = 0
    let packed = 0
    for (const chunk of entry.chunks) {
      rows += chunk.size
      if (chunk.before.kind !== 'values' && chunk.after.kind !== 'values') packed += chunk.size
    }
    return { rows, packed }
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

  /** Undo and redo of commands of at least `fromRows` rows are run by `run`. */
  runLargeStepsWith(run: StepRunner, fromRows: number): void {
    this.#elsewhere = { run, fromRows }
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
      const chunks: Chunk[] = []
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
            recordings.set(trans, { chunks, pack: this.pack, queue: Dexie.Promise.resolve() })
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
        if (committed && chunks.length > 0) this.#push({ label, chunks })
      }
    })
  }

  /**
   * Runs a command on another connection to the same database (a worker's, which records it as
   * this class does there): `run` resolves once it has committed, with its result and the chunks
   * it recorded, which go on this stack as one command. Queued as every command is, so the stacks
   * still match the order of commits. Nothing is pushed when `run` throws (nothing was written).
   */
  commandElsewhere<T>(
    label: string,
    run: () => Promise<{ result: T; chunks: readonly Chunk[] }>,
  ): Promise<T> {
    if (Dexie.currentTransaction)
      return Promise.reject(new Error(`"${label}" cannot run inside a transaction.`))
    return this.#exclusive(async () => {
      const { result, chunks } = await run()
      if (chunks.length > 0) this.#push({ label, chunks })
      return result
    })
  }

  /** The command Undo would revert, as recorded: for handing it to another stack. */
  latestCommand(): { readonly label: string; readonly chunks: readonly Chunk[] } | undefined {
    return this.#undo.at(-1)
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
      const rows = entry.chunks.reduce((n, chunk) => n + chunk.size, 0)
      const elsewhere =
        this.#elsewhere && rows >= this.#elsewhere.fromRows ? this.#elsewhere.run : null
      try {
        // Throws with the stacks untouched: the transaction wrote all of it or none of it.
        if (elsewhere) await elsewhere(db.name, entry.chunks, direction, options)
        else await runStep(db, entry.chunks, direction, options)
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

  #push(entry: Recorded): void {
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
