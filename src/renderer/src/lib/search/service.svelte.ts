/**
 * The app's side of search: starts the worker, keeps it in step with the app's data (it gathers
 * the sources and sends their signatures a slice at a time, then only the sources the worker asks
 * for, in small batches, so the UI thread never stalls), and runs queries. Its status says how far indexing is, for progress and "incomplete".
 */
import type { SearchFilters, SearchResponse } from '$lib/domain/search/engine'
import { sourcesOf, type SearchData } from '$lib/domain/search/collect'
import type { SearchSource } from '$lib/domain/search/sources'
import { idlePeriod } from '$lib/domain/pacing'
import type { FromWorker, IndexStatus, ToWorker } from './protocol'

/** Sources per message: small enough that copying one batch is a short task. */
const BATCH = 40
/** Time the UI thread spends gathering sources before it lets the screen run again. */
const SLICE_MS = 8
/** Signatures per sync message. */
const SYNC_PART = 5000
/** While the worker indexes, listeners hear of index changes at most this often. */
const NOTIFY_WHILE_INDEXING_MS = 400

/**
 * The longest a slice waits for the window to be idle before it runs anyway. Gathering the
 * sources of a large project takes about a second of the UI thread; in slices between frames it
 * made every other frame late while the user zoomed the timeline just after a start, so the
 * slices run in idle periods.
 */
const IDLE_WAIT_MS = 1000

export interface QueryAnswer {
  response: SearchResponse
  complete: boolean
}

export class SearchService {
  #worker: Worker
  #status = $state.raw<IndexStatus>({
    loaded: false,
    pending: 0,
    done: 0,
    rebuilding: false,
    error: null,
  })
  #generation = 0
  #latest = new Map<string, SearchSource>()
  #queries = new Map<number, (answer: QueryAnswer) => void>()
  #nextQuery = 1
  #sending: Promise<void> = Promise.resolve()
  /** Bumped whenever the index changes, so open results can ask again. */
  #revision = $state(0)
  #listeners = new Set<() => void>()
  #notifyTimer: ReturnType<typeof setTimeout> | null = null

  constructor(worker: Worker) {
    this.#worker = worker
    worker.onmessage = (event: MessageEvent<FromWorker>) => this.#receive(event.data)
  }

  get status(): IndexStatus {
    return this.#status
  }

  get revision(): number {
    return this.#revision
  }

  /** Calls `listener` whenever the index changes; returns the function that stops it. */
  onIndexChange(listener: () => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  #post(message: ToWorker): void {
    this.#worker.postMessage(message)
  }

  #receive(message: FromWorker): void {
    if (message.type === 'status') {
      // Every status follows a change to the index (or its queue): open results ask again.
      this.#status = message.status
      this.#revision++
      this.#notify()
    } else if (message.type === 'need') {
      if (message.generation !== this.#generation) return
      const sources = message.keys.flatMap((k) => {
        const source = this.#latest.get(k)
        return source ? [source] : []
      })
      // Every source the worker wants is on its way: the rest need not stay on the UI thread's
      // heap (at 250,000 sources, a copy of the project's text and a million objects).
      if (message.last) this.#latest = new Map()
      this.#send(sources)
    } else {
      this.#queries.get(message.id)?.({ response: message.response, complete: message.complete })
      this.#queries.delete(message.id)
    }
  }

  /**
   * Tells the listeners the index changed: at once when the worker has nothing left to do, and
   * at most once per NOTIFY_WHILE_INDEXING_MS while it indexes, when each slice is a change and an
   * answer to each would keep the worker querying instead of indexing and the UI redrawing.
   */
  #notify(): void {
    const tell = (): void => {
      for (const listener of this.#listeners) listener()
    }
    if (this.#status.pending === 0) {
      if (this.#notifyTimer !== null) clearTimeout(this.#notifyTimer)
      this.#notifyTimer = null
      tell()
    } else
      this.#notifyTimer ??= setTimeout(() => {
        this.#notifyTimer = null
        tell()
      }, NOTIFY_WHILE_INDEXING_MS)
  }

  /** Sends sources a batch at a time, letting the UI run between batches. */
  #send(sources: SearchSource[]): void {
    this.#sending = this.#sending.then(async () => {
      for (let i = 0; i < sources.length; i += BATCH) {
        this.#post({ type: 'put', sources: sources.slice(i, i + BATCH) })
        if (i + BATCH < sources.length) await new Promise((r) => setTimeout(r, 0))
      }
    })
  }

  /**
   * Brings the index in step with the app's data: call whenever it changes. The sources are
   * gathered and their signatures sent in slices; a newer call stops an older one's.
   */
  update(data: SearchData): void {
    const generation = ++this.#generation
    const latest = new Map<string, SearchSource>()
    let part: [string, string][] = []
    const sources = sourcesOf(data)
    const step = async (): Promise<void> => {
      // Nothing else runs within a slice, so a newer update can only have started between them.
      while (generation === this.#generation) {
        const budget = await idlePeriod(SLICE_MS, IDLE_WAIT_MS)
        if (generation !== this.#generation) return
        const until = performance.now() + budget
        do {
          const next = sources.next()
          if (next.done) {
            this.#latest = latest
            this.#post({ type: 'sync', generation, signatures: part, last: true })
            return
          }
          latest.set(next.value.key, next.value)
          part.push([next.value.key, next.value.signature])
          if (part.length >= SYNC_PART) {
            this.#post({ type: 'sync', generation, signatures: part, last: false })
            part = []
          }
        } while (performance.now() < until)
      }
    }
    void step()
  }

  query(query: string, filters: SearchFilters = {}, limit = 50): Promise<QueryAnswer> {
    const id = this.#nextQuery++
    return new Promise((resolve) => {
      this.#queries.set(id, resolve)
      this.#post({ type: 'query', id, query, filters: $state.snapshot(filters), limit })
    })
  }

  destroy(): void {
    this.#worker.terminate()
    if (this.#notifyTimer !== null) clearTimeout(this.#notifyTimer)
    for (const resolve of this.#queries.values())
      resolve({
        response: { query: '', hits: [], total: 0, eventIds: [], allWords: true },
        complete: false,
      })
    this.#queries.clear()
  }
}

/** The app's search service over a module worker built by Vite. */
export function startSearch(): SearchService {
  return new SearchService(
    new Worker(new URL('./search.worker.ts', import.meta.url), {
      type: 'module',
      name: 'search',
    }),
  )
}
