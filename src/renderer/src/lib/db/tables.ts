/**
 * The user's tables as a whole: every row of every project table, and how many rows they hold.
 * The list of tables is the project file's (PROJECT_TABLES), so a table added there is read,
 * counted, exported, backed up and restored everywhere at once.
 */
import { PROJECT_TABLES, type ProjectData } from '../domain/project/format'
import type { SourcelineDb } from './db'
import { ARTICLE_PAGES } from './queries/articles'
import { readPaged } from './queries/paged'

/**
 * Every row of every user table in primary-key order, read as one consistent snapshot. Inside a
 * transaction over these tables (a command's, say) it reads as that transaction sees them. Read
 * in pages, so no one request's rows hold the window (a backup of 100k events).
 */
export async function readAllTables(db: SourcelineDb): Promise<ProjectData> {
  return db.transaction('r', [...PROJECT_TABLES], async () => {
    const data = {} as Record<string, unknown[]>
    for (const table of PROJECT_TABLES)
      data[table] =
        table === 'articles'
          ? await readPaged(db.articles, ARTICLE_PAGES)
          : await readPaged(db.table(table))
    return data as unknown as ProjectData
  })
}

/** How many records the user's tables hold now, all together. */
export async function countStoredRecords(db: SourcelineDb): Promise<number> {
  return db.transaction('r', [...PROJECT_TABLES], async () => {
    let total = 0
    for (const table of PROJECT_TABLES) total += await db.table(table).count()
    return total
  })
}
