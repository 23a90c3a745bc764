/**
 * What the project and restore tests share: fresh stores (deleted after each test), a snapshot of
 * every user table, seeding, and the export header. Imported by tests only.
 */
import Dexie, { type DBCore, type Middleware } from 'dexie'
import { afterEach } from 'vitest'
import { PROJECT_TABLES, type ProjectData } from '../domain/project/format'
import { BUNDLED_ID } from '../domain/project/test-fixtures'
import type { ProjectStore } from './actions/project'
import { openDatabase, type SourcelineDb } from './db'
import { UndoStack } from './history'
import { readAllTables } from './tables'

/**
 * Registers the clean-up and answers `keep`: each database kept is closed and deleted after
 * each test, for test files that open plain Dexie databases of their own.
 */
export function scratchDatabases(): <D extends Dexie>(db: D) => D {
  const opened: Dexie[] = []
  afterEach(async () => {
    for (const db of opened.splice(0)) {
      db.close()
      await Dexie.delete(db.name)
    }
  })
  return (db) => {
    opened.push(db)
    return db
  }
}

export const TEST_META = {
  exportedAt: '2024-05-01T12:00:00.000Z',
  corpus: { title: 'Test corpus', articleIds: [BUNDLED_ID] },
}

/**
 * Registers the clean-up and answers `openStore`: a fresh database with its own undo stack, and
 * any fault middleware built in before it opens.
 */
export function testStores(
  prefix: string,
): (name?: string, extra?: Middleware<DBCore>[]) => ProjectStore {
  let count = 0
  const opened: Dexie[] = []
  afterEach(async () => {
    // Every connection to a name is closed before it is deleted, or the delete waits on it.
    const dbs = opened.splice(0)
    for (const db of dbs) db.close()
    for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name)
  })
  return (name = `${prefix}-${process.pid}-${Date.now()}-${count++}`, extra = []) => {
    const db = openDatabase(name)
    for (const m of extra) db.use(m)
    opened.push(db)
    return { db, history: new UndoStack() }
  }
}

/** Every user table, rows in primary-key order. */
export const snapshot = readAllTables

/** Every table of any database as [primary key, row] pairs in key order (outbound keys too). */
export async function keyedSnapshot(db: Dexie): Promise<Record<string, [unknown, unknown][]>> {
  const out: Record<string, [unknown, unknown][]> = {}
  await db.transaction('r', db.tables, async () => {
    for (const table of db.tables) {
      const keys = await table.toCollection().primaryKeys()
      const rows = await table.toArray()
      out[table.name] = keys.map((key, i) => [key, rows[i]])
    }
  })
  return out
}

export async function seed(db: SourcelineDb, data: ProjectData): Promise<void> {
  await db.transaction('rw', [...PROJECT_TABLES], async () => {
    for (const table of PROJECT_TABLES) await db.table(table).bulkAdd(data[table])
  })
}
