/**
 * Where the timeline's stored index is kept between sessions (lib/domain/timeline-snapshot.ts): a
 * small Dexie database of its own, apart from the user's data, so it is never in a project file,
 * an export or a backup, and never undone. Losing it loses nothing: the timeline is then worked
 * out from the rows, as on a first start.
 */
import Dexie, { type EntityTable } from 'dexie'
import type { StoredTimeline } from '../domain/timeline-snapshot'

export const TIMELINE_CACHE_DB_NAME = 'sourceline-timeline'

/**
 * Characters of the index's text per record. The text of 100,000 items is tens of MB, and one
 * stored value is read back whole in one task: read as a single value it made a task of 87 ms at
 * the start of a reload. Each part is its own request, so its own task.
 */
export const TEXT_PART_CHARS = 1 << 20

const MAIN = 'timeline'
const partKey = (i: number): string => `timeline:text:${i}`

/** The index without its text, and how many parts its text is in; or one such part. */
interface SnapshotRecord {
  key: string
  stored?: StoredTimeline
  /** Absent in an index stored whole (before the text was split). */
  textParts?: number
  text?: string
}

export type TimelineCacheDb = Dexie & { snapshot: EntityTable<SnapshotRecord, 'key'> }

export function openTimelineCache(name = TIMELINE_CACHE_DB_NAME): TimelineCacheDb {
  const db = new Dexie(name, { cache: 'disabled' }) as TimelineCacheDb
  db.version(1).stores({ snapshot: 'key' })
  return db
}

/** The stored index, or null when there is none or it cannot be read (then nothing is lost). */
export async function readTimelineCache(db: TimelineCacheDb): Promise<unknown> {
  try {
    return await db.transaction('r', db.snapshot, async () => {
      const main = await db.snapshot.get(MAIN)
      if (!main?.stored) return null
      const parts = main.textParts
      if (parts === undefined) return main.stored
      // All asked for at once: each answer still arrives as a task of its own.
      const keys = Array.from({ length: parts }, (_, i) => partKey(i))
      const text = (await db.snapshot.bulkGet(keys)).map((part) => part?.text)
      if (!text.every((part) => typeof part === 'string')) return null
      return { ...main.stored, text: text.join('') }
    })
  } catch {
    return null
  }
}

export async function writeTimelineCache(
  db: TimelineCacheDb,
  stored: StoredTimeline,
): Promise<void> {
  const { text } = stored
  const parts: string[] = []
  for (let at = 0; at < text.length; at += TEXT_PART_CHARS)
    parts.push(text.slice(at, at + TEXT_PART_CHARS))
  await db.transaction('rw', db.snapshot, async () => {
    const before = await db.snapshot.get(MAIN)
    const stale = before?.textParts ?? 0
    await db.snapshot.put({ key: MAIN, stored: { ...stored, text: '' }, textParts: parts.length })
    await db.snapshot.bulkPut(parts.map((part, i) => ({ key: partKey(i), text: part })))
    const gone = []
    for (let i = parts.length; i < stale; i++) gone.push(partKey(i))
    if (gone.length) await db.snapshot.bulkDelete(gone)
  })
}
