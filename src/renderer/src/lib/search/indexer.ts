/**
 * The search worker's work, apart from the Worker globals so it runs in tests: loads the stored
 * index once, answers `sync` with what must be indexed, indexes queued sources a slice at a time
 * (queries are answered in between, marked incomplete), and stores the index once it settles.
 */
import { SearchIndex } from '$lib/domain/search/engine'
import type { FromWorker, IndexStatus, ToWorker } from './protocol'
import type { StoredIndex } from '$lib/domain/search/engine'
import { strings } from '$lib/strings'
import { SourceQueue } from './queue'

export interface IndexStore {
  read(): Promise<StoredIndex | null>
  write(stored: StoredIndex): Promise<void>
}

/** Time one slice of indexing may take before queries get their turn. */
const SLICE_MS = 12
const SAVE_DELAY_MS = 1500
/**
 * While sources are pending, progress is told at most this often: a status after every slice was
 * thousands of messages over a large build, each a task and a redraw on the UI thread.
 */
const REPORT_EVERY_MS = 250
/**
 * Keys per `need` message: the UI thread reads each message in one task, and 250,000 keys (an
 * imported project) in one message took a task of hundreds of milliseconds to take in.
 */
export const NEED_PART = 2000

export class Indexer {
  #index: SearchIndex | null = null
  #loading: Promise<SearchIndex> | null = null
  #queue = new SourceQueue()
  /** Keys the last sync asked for that have not arrived yet. */
  #awaited = new Set<string>()
  #done = 0
  /** Signatures of the sync being received, by generation. */
  #syncing: { generation: number; signatures: Map<string, string> } | null = null
  #rebuilding = false
  #error: string | null = null
  #working = false
  #saveTimer: ReturnType<typeof setTimeout> | null = null
  #saving: Promise<void> = Promise.resolve()
  #told: IndexStatus | null = null
  #toldAt = -Infinity
  #reportTimer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly post: (message: FromWorker) => void,
    private readonly store: IndexStore,
  ) {}

  status(): IndexStatus {
    return {
      loaded: this.#index !== null,
      pending: this.#queue.size + this.#awaited.size,
      done: this.#done,
      rebuilding: this.#rebuilding,
      error: this.#error,
    }
  }

  /**
   * Posts the status: at once when something other than progress changed (loaded, rebuilding, an
   * error, work starting or ending), otherwise at most every REPORT_EVERY_MS, the last one kept.
   */
  #report(): void {
    const status = this.status()
    const told = this.#told
    const wait = REPORT_EVERY_MS - (performance.now() - this.#toldAt)
    const news =
      !told ||
      told.loaded !== status.loaded ||
      told.rebuilding !== status.rebuilding ||
      told.error !== status.error ||
      (told.pending === 0) !== (status.pending === 0)
    if (!news && wait > 0) {
      this.#reportTimer ??= setTimeout(() => {
        this.#reportTimer = null
        this.#report()
      }, wait)
      return
    }
    if (this.#reportTimer !== null) clearTimeout(this.#reportTimer)
    this.#reportTimer = null
    this.#told = status
    this.#toldAt = performance.now()
    this.post({ type: 'status', status })
  }

  /** Starts reading the stored index now, before the first message needs it. */
  open(): void {
    void this.#load()
  }

  async #load(): Promise<SearchIndex> {
    this.#loading ??= (async () => {
      let index: SearchIndex | null = null
      try {
        const stored = await this.store.read()
        index = stored ? SearchIndex.load(stored) : null
      } catch (error) {
        this.#error = strings.search.indexNotRead(error)
      }
      this.#rebuilding = index === null
      this.#index = index ?? SearchIndex.empty()
      return this.#index
    })()
    return this.#loading
  }

  async handle(message: ToWorker): Promise<void> {
    const index = await this.#load()
    if (message.type === 'sync') {
      if (this.#syncing?.generation !== message.generation)
        this.#syncing = { generation: message.generation, signatures: new Map() }
      for (const [key, signature] of message.signatures)
        this.#syncing.signatures.set(key, signature)
      if (!message.last) return
      const { needed, gone } = index.compare(this.#syncing.signatures)
      this.#syncing = null
      if (gone.length > 0) {
        index.remove(gone)
        this.#scheduleSave()
      }
      // Sources queued but now unchanged or gone need not be indexed.
      const wanted = new Set(needed)
      this.#queue.keepOnly(wanted)
      this.#awaited = wanted
      if (needed.length === 0 && this.#queue.size === 0) this.#rebuilding = false
      for (let i = 0; i < needed.length || i === 0; i += NEED_PART)
        this.post({
          type: 'need',
          generation: message.generation,
          keys: needed.slice(i, i + NEED_PART),
          last: i + NEED_PART >= needed.length,
        })
      this.#report()
    } else if (message.type === 'put') {
      for (const source of message.sources) this.#awaited.delete(source.key)
      this.#queue.put(message.sources)
      this.#work()
      this.#report()
    } else {
      this.post({
        type: 'result',
        id: message.id,
        response: index.search(message.query, message.filters, message.limit),
        complete: this.#queue.size === 0 && this.#awaited.size === 0 && !this.#rebuilding,
      })
    }
  }

  /** Indexes the queue in slices, yielding to the message loop between them. */
  #work(): void {
    if (this.#working) return
    this.#working = true
    const step = (): void => {
      const index = this.#index!
      const until = performance.now() + SLICE_MS
      while (this.#queue.size > 0 && performance.now() < until) {
        index.put([this.#queue.take()!])
        this.#done++
      }
      this.#report()
      if (this.#queue.size > 0) {
        setTimeout(step, 0)
        return
      }
      this.#working = false
      this.#rebuilding = false
      this.#done = 0
      this.#scheduleSave()
      this.#report()
    }
    setTimeout(step, 0)
  }

  #scheduleSave(): void {
    if (this.#saveTimer) clearTimeout(this.#saveTimer)
    this.#saveTimer = setTimeout(() => {
      this.#saveTimer = null
      void this.flush()
    }, SAVE_DELAY_MS)
  }

  /** Stores the index now (when nothing is queued); resolves when written. */
  async flush(): Promise<void> {
    if (this.#saveTimer) {
      clearTimeout(this.#saveTimer)
      this.#saveTimer = null
    }
    if (!this.#index || this.#queue.size > 0) return this.#saving
    const stored = this.#index.toStored()
    this.#saving = this.#saving
      .then(() => this.store.write(stored))
      .catch((error: unknown) => {
        this.#error = strings.search.indexNotStored(error)
        this.#report()
      })
    return this.#saving
  }
}
