/**
 * The one Dexie database: everything the user writes lives here, in IndexedDB. The bundled corpus
 * is read-only data and never stored. Components go through queries/ and actions/, not this file.
 */
import Dexie, { type EntityTable } from 'dexie'
import type {
  EventAnnotation,
  Highlight,
  ImportedArticle,
  Note,
  UserEvent,
  UserEvidence,
} from '../domain/types'
import type { GradeRecord } from '../domain/grading'
import type { ConflictNote } from '../domain/conflicts'
import { installHistory } from './history'
import { MIGRATIONS } from './migrations'
import { writeGuard } from './write-guard'
import { coarseChanges } from './coarse-changes'
import { generationMiddleware } from './generation'
import { knownKeys } from './known-keys'

export const DB_NAME = 'sourceline'

/** One stored entity edit (rename, add, merge, alias), applied in order over the catalogue. */
export interface EntityEditRecord {
  id: string
  createdAt: number
  edit: unknown
}

export type SourcelineDb = Dexie & {
  notes: EntityTable<Note, 'id'>
  highlights: EntityTable<Highlight, 'id'>
  userEvents: EntityTable<UserEvent, 'id'>
  evidence: EntityTable<UserEvidence, 'id'>
  eventAnnotations: EntityTable<EventAnnotation, 'eventId'>
  entityEdits: EntityTable<EntityEditRecord, 'id'>
  articles: EntityTable<ImportedArticle, 'id'>
  grades: EntityTable<GradeRecord, 'id'>
  conflictNotes: EntityTable<ConflictNote, 'id'>
}

/** `recordHistory: false` for a connection that only replays recorded steps (a step's worker). */
export function openDatabase(name = DB_NAME, { recordHistory = true } = {}): SourcelineDb {
  // No shared live-query cache: in its default mode Dexie deep-clones every live query's result
  // on read, a second copy of every event of a large project on each change.
  const db = new Dexie(name, { cache: 'disabled' }) as SourcelineDb
  for (const m of MIGRATIONS) {
    const version = db.version(m.version).stores(m.stores)
    if (m.upgrade) version.upgrade(m.upgrade)
  }
  // A store saved by a newer build is opened read-only (lib/db/startup.ts).
  db.use(writeGuard)
  db.use(coarseChanges)
  // Every write changes its table's generation: stored derived data (the timeline's index) made
  // from older data is then not used.
  db.use(generationMiddleware())
  db.use(knownKeys)
  // Every write made through actions/ is recorded for undo.
  return recordHistory ? installHistory(db) : db
}

export const db = openDatabase()
