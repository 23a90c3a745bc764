/**
 * Where the search index is kept between sessions: a small Dexie database of its own, apart from
 * the user's data (docs/decisions: search engine). It holds derived data only, so it is never
 * backed up, exported or undone, and a missing or older one is simply rebuilt.
 */
import Dexie, { type EntityTable } from 'dexie'
import type { StoredIndex } from '$lib/domain/search/engine'

export const SEARCH_DB_NAME = 'sourceline-search'

interface IndexRecord extends StoredIndex {
  key: 'index'
}

type SearchDb = Dexie & { index: EntityTable<IndexRecord, 'key'> }

export function openSearchStore(name = SEARCH_DB_NAME): SearchDb {
  const db = new Dexie(name) as SearchDb
  db.version(1).stores({ index: 'key' })
  return db
}

export async function readStoredIndex(db: SearchDb): Promise<StoredIndex | null> {
  return (await db.index.get('index')) ?? null
}

export async function writeStoredIndex(db: SearchDb, stored: StoredIndex): Promise<void> {
  await db.index.put({ key: 'index', ...stored })
}
