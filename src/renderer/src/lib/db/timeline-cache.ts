/**
 * Where the timeline's stored index is kept between sessions (lib/domain/timeline-snapshot.ts): a
 * small Dexie database of its own, apart from the user's data, so it is never in a project file,
 * an export or a backup, and never undone. Losing it loses nothing: the timeline is then worked
 * out from the rows, as on a first start.
 */
import Dexie, { type EntityTable } from 'dexie'
import type { StoredTimeline } from '../domain/timeline-snapshot'

export const TIMELINE_CACHE_DB_NAME = 'sourceline-timeline'

interface SnapshotRecord {
  key: 'timeline'
  stored: StoredTimeline
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
    return (await db.snapshot.get('timeline'))?.stored ?? null
  } catch {
    return null
  }
}

export async function writeTimelineCache(
  db: TimelineCacheDb,
  stored: StoredTimeline,
): Promise<void> {
  await db.snapshot.put({ key: 'timeline', stored })
}
