/**
 * The timeline's stored index in use: read on start and drawn while the user's tables are still
 * being read (if it was made from the data as it is now), and written again, in slices and after
 * a pause, once the events are worked out from changed data. The live queries it depends on are
 * wrapped by `stamped`, which notes the generation of their tables as each read begins.
 */
import type { TimelineEvent } from '$shared/corpus'
import { db } from '../db/db'
import { generationOf } from '../db/generation'
import { openTimelineCache, readTimelineCache, writeTimelineCache } from '../db/timeline-cache'
import { Abandoned } from '../domain/pacing'
import {
  SNAPSHOT_FORMAT,
  fingerprint,
  isCurrent,
  packTimeline,
  unpackTimeline,
  type TimelinePreview,
} from '../domain/timeline-snapshot'
import type { TimelineItemModel } from '../domain/timeline-items'
import { slicedPacer } from './paced.svelte'

/** How long the data must stay unchanged before the index is written again. */
const SAVE_AFTER_MS = 400

export interface SaveInput<E> {
  /** Every event, dated or not, and how each becomes an item (null: undated). */
  events: readonly E[]
  item: (event: E) => TimelineItemModel | null
  /** The live query results the events and items were worked out from (see `stamped`). */
  from: readonly object[]
  bundled: readonly TimelineEvent[]
}

export class TimelineCache {
  #db = openTimelineCache()
  #preview = $state.raw<TimelinePreview | null>(null)
  #stamps = new WeakMap<object, string>()
  #tables = new Set<string>()
  /** What the store holds now (source and generation), so the same index is not written twice. */
  #held: string | null = null
  #saving = 0

  /** The stored index's items and counts, once read and only if current. */
  get preview(): TimelinePreview | null {
    return this.#preview
  }

  /** `query`, noting the generation of `tables` before each run reads them. */
  stamped<T extends object>(tables: readonly string[], query: () => Promise<T>): () => Promise<T> {
    for (const t of tables) this.#tables.add(t)
    return async () => {
      const generation = generationOf(tables)
      const value = await query()
      this.#stamps.set(value, generation)
      return value
    }
  }

  read(): Promise<unknown> {
    return readTimelineCache(this.#db)
  }

  /** Makes the stored index the preview if it is current and the rows are still `loading`. */
  async open(
    stored: Promise<unknown>,
    bundled: readonly TimelineEvent[],
    loading: () => boolean,
  ): Promise<void> {
    const found = await stored
    const source = sourceOf(bundled)
    const generation = generationOf([...this.#tables])
    if (!isCurrent(found, { source, generation })) return
    this.#held = `${source}|${generation}`
    if (!loading()) return
    try {
      const preview = await unpackTimeline(found, slicedPacer(loading))
      if (loading()) this.#preview = preview
    } catch (error) {
      if (!(error instanceof Abandoned)) throw error
    }
  }

  /** The rows are in: the preview is no longer needed. */
  release(): void {
    this.#preview = null
  }

  /** Writes the index of these events after a pause, unless newer data comes first. */
  save<E>(input: SaveInput<E>): void {
    const run = ++this.#saving
    const stamps = input.from.map((value) => this.#stamps.get(value))
    if (stamps.some((s) => s === undefined)) return
    const generation = (stamps as string[]).join(';').split(';').sort().join(';')
    const source = sourceOf(input.bundled)
    const key = `${source}|${generation}`
    if (this.#held === key) return
    setTimeout(() => void this.#write(run, input, source, generation, key), SAVE_AFTER_MS)
  }

  async #write<E>(
    run: number,
    { events, item }: SaveInput<E>,
    source: string,
    generation: string,
    key: string,
  ): Promise<void> {
    const current = () => run === this.#saving && generationOf([...this.#tables]) === generation
    if (!current()) return
    try {
      const pacer = slicedPacer(current)
      const items: TimelineItemModel[] = []
      let undated = 0
      for (const event of events) {
        const made = item(event)
        if (made) items.push(made)
        else undated++
        if (pacer.due()) await pacer.pause()
      }
      const total = events.length
      const stored = await packTimeline(items, { source, generation, total, undated }, pacer)
      // Nothing written since the rows were read: checked again just before the write.
      if (!current()) return
      await writeTimelineCache(this.#db, stored)
      this.#held = key
    } catch (error) {
      // A cache: failing to keep it (a full disk) loses nothing.
      if (!(error instanceof Abandoned)) console.warn('The timeline index was not stored', error)
    }
  }
}

const sources = new WeakMap<readonly TimelineEvent[], string>()

/**
 * The bundled events, the store's version and the format the index was made with. Kept per
 * bundled list: `save` asks on every change of the data, and the list is loaded once.
 */
function sourceOf(bundled: readonly TimelineEvent[]): string {
  let source = sources.get(bundled)
  if (source === undefined) {
    source = `${SNAPSHOT_FORMAT}:${db.verno}:${fingerprint(JSON.stringify(bundled))}`
    sources.set(bundled, source)
  }
  return source
}
