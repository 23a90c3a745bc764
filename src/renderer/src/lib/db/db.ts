/**
 * The one Dexie database: everything the user writes lives here, in IndexedDB. The bundled corpus
 * is read-only data and never stored. Components go through queries/ and actions/, not this file.
 */
import Dexie, { type EntityTable } from 'dexie'
import type { Note } from '../domain/types'
import { MIGRATIONS } from './migrations'

export const DB_NAME = 'sourceline'

export type SourcelineDb = Dexie & {
  notes: EntityTable<Note, 'id'>
}

export function openDatabase(name = DB_NAME): SourcelineDb {
  const db = new Dexie(name) as SourcelineDb
  for (const m of MIGRATIONS) db.version(m.version).stores(m.stores)
  return db
}

export const db = openDatabase()
