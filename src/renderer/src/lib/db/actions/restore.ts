/**
 * Restoring a backup: the store is replaced by the backup's records, all or nothing. The file is
 * checked exactly as an import is (nothing written if anything is wrong); then one read-write
 * transaction clears every user table and writes the backup's records. It is one command,
 * "Restore backup", so Ctrl+Z brings back what was there before (the browser build has no safety
 * backup on disk; this is its way back). Also: what an import or a restore would do, before it
 * is confirmed.
 */
import { db as appDb, type SourcelineDb } from '../db'
import { history as appHistory, runCommand } from '../history'
import {
  PROJECT_TABLES,
  type Project,
  recordsPerTable,
  totalRecords,
  type ProjectContext,
  type ProjectTable,
} from '../../domain/project/format'
import { planMergePaced, type MergeConflict } from '../../domain/project/merge'
import { timedPacer } from '../../domain/pacing'
import type { ProjectSource } from '../../backups/check-project'
import { readAllTables } from '../tables'
import { readCheckedProject, type ProjectStore } from './project'
import { WriteError, toWriteError } from './errors'

const APP_STORE: ProjectStore = { db: appDb, history: appHistory }

/** What importing a file would do, counted against the store as it is now. */
export interface ImportPreview {
  /** Records that would be written (united annotations included), copies included. */
  added: number
  /** Incoming records the store already has. */
  skipped: number
  /** Records that would be kept as flagged copies because their id holds something else. */
  conflicts: MergeConflict[]
  /** Records per table in the file. */
  inFile: Record<ProjectTable, number>
  exportedAt: string
}

/** What restoring a file would leave in the store. */
export interface RestorePreview {
  inFile: Record<ProjectTable, number>
  /** Records in the file, all tables. */
  total: number
  exportedAt: string
}

/**
 * The merge an import of `source` (a project file's text, or the file) would make now, planned in
 * slices, with the checked file for importCheckedProject (a file is checked once). The import
 * itself plans again inside its transaction. The app imports through import-session.ts instead.
 */
export async function previewImport(
  source: ProjectSource,
  context: ProjectContext,
  store: ProjectStore = APP_STORE,
): Promise<ImportPreview & { project: Project }> {
  const project = await readCheckedProject(source, context)
  return { ...(await planImportPreview(project, store.db)), project }
}

/** What importing a checked `project` into `db` would do now. */
export async function planImportPreview(
  project: Project,
  db: SourcelineDb,
): Promise<ImportPreview> {
  const plan = await planMergePaced(await readAllTables(db), project.data, timedPacer())
  return {
    added: totalRecords(plan.add),
    skipped: plan.skipped,
    conflicts: plan.conflicts,
    inFile: recordsPerTable(project.data),
    exportedAt: project.exportedAt,
  }
}

export async function previewRestore(
  text: string,
  context: ProjectContext,
): Promise<RestorePreview> {
  const project = await readCheckedProject(text, context)
  return {
    inFile: recordsPerTable(project.data),
    total: totalRecords(project.data),
    exportedAt: project.exportedAt,
  }
}

/**
 * Replaces everything in the store with the file's records, in one transaction: afterwards the
 * store holds exactly the backup, or (on any failure) exactly what it held before. Throws
 * ImportError (nothing written) for a file with problems, WriteError when IndexedDB fails.
 */
export async function restoreProject(
  text: string,
  context: ProjectContext,
  store: ProjectStore = APP_STORE,
): Promise<RestorePreview> {
  const project = await readCheckedProject(text, context)
  const data = project.data
  try {
    await runCommand(
      store.db,
      'Restore backup',
      PROJECT_TABLES,
      async () => {
        for (const table of PROJECT_TABLES) {
          await store.db.table(table).clear()
          if (data[table].length > 0) await store.db.table(table).bulkAdd(data[table])
        }
      },
      store.history,
    )
  } catch (error) {
    const failure = toWriteError(error)
    if (failure.code === 'disk-full')
      throw new WriteError(
        'disk-full',
        'Disk full: nothing was restored and your data is as it was. Free some space and try again.',
      )
    const detail = error instanceof Error ? error.message : String(error)
    throw new WriteError(
      'failed',
      `Could not restore the backup: ${detail}. Nothing was changed; your data is as it was.`,
    )
  }
  return {
    inFile: recordsPerTable(data),
    total: totalRecords(data),
    exportedAt: project.exportedAt,
  }
}
