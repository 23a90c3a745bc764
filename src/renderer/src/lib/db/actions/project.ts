/**
 * Export and import of the whole project file. Export reads every table in one read transaction;
 * import checks the whole file first and writes nothing if anything is wrong, then merges it into
 * the store in one undoable command, all or nothing. Browser and Electron alike: no Node APIs.
 */
import { db as appDb, type SourcelineDb } from '../db'
import { history as appHistory, runCommand, type UndoStack } from '../history'
import {
  PROJECT_TABLES,
  parseProjectFile,
  serializeProject,
  verifyProjectChecksums,
  type Project,
  type ProjectContext,
  type ProjectMeta,
  type ProjectTable,
} from '../../domain/project/format'
import { planMerge } from '../../domain/project/merge'
import { readAllTables } from '../tables'
import { WriteError, toWriteError } from './errors'

/** The database and undo stack to work on; the app's own unless a test passes its own. */
export interface ProjectStore {
  db: SourcelineDb
  history: UndoStack
}

const APP_STORE: ProjectStore = { db: appDb, history: appHistory }

/** The file was refused; nothing was written. `problems` name what is wrong and where. */
export class ImportError extends Error {
  override name = 'ImportError'
  readonly problems: string[]

  constructor(problems: string[]) {
    super(
      `This project file cannot be imported (${problems.length} ` +
        `problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `- ${p}`).join('\n'),
    )
    this.problems = problems
  }
}

export interface ImportSummary {
  /** Records written per table, copies included. */
  added: Record<ProjectTable, number>
  /** Records the store already had. */
  skipped: number
  /** Records added as flagged copies because their id held something else. */
  conflicts: number
  /** Annotations united with the one the store had for the same event. */
  combined: number
}

export interface ExportMeta {
  corpus: ProjectMeta['corpus']
  /** Defaults to now. */
  exportedAt?: string
}

/**
 * Reads `text` as a project file and checks the whole of it (schema, references, offsets,
 * checksums) without writing anything. Throws ImportError listing every problem found.
 */
export async function readCheckedProject(text: string, context: ProjectContext): Promise<Project> {
  const parsed = parseProjectFile(text, context)
  if (!parsed.ok) throw new ImportError(parsed.problems)
  const checksums = await verifyProjectChecksums(parsed.project)
  if (checksums.length > 0) throw new ImportError(checksums)
  return parsed.project
}

/** The project file's text for everything in the store, read as one consistent snapshot. */
export async function exportProject(
  meta: ExportMeta,
  store: ProjectStore = APP_STORE,
): Promise<string> {
  const data = await readAllTables(store.db)
  return serializeProject(data, {
    exportedAt: meta.exportedAt ?? new Date().toISOString(),
    corpus: meta.corpus,
  })
}

/**
 * Reads `text` as a project file and merges it into the store as one undoable step, "Import
 * project". Throws ImportError (nothing written) when the file has problems, WriteError when
 * IndexedDB fails (nothing written either: the transaction is all or nothing).
 */
export async function importProject(
  text: string,
  context: ProjectContext,
  store: ProjectStore = APP_STORE,
): Promise<ImportSummary> {
  // Hashing awaits crypto.subtle, which would commit an open transaction early: done before it.
  const incoming = (await readCheckedProject(text, context)).data

  try {
    // runCommand, not command(): command() is bound to the app's database, and tests import
    // into their own. The error handling below is command()'s, worded for an import.
    return await runCommand(
      store.db,
      'Import project',
      PROJECT_TABLES,
      async () => {
        // Planned against the store as this transaction sees it, so nothing can change between.
        const plan = planMerge(await readAllTables(store.db), incoming)
        const added = {} as Record<ProjectTable, number>
        for (const table of PROJECT_TABLES) {
          const rows = plan.add[table]
          added[table] = rows.length
          if (rows.length === 0) continue
          // Annotations may replace the stored one (a union); everything else is new, and add
          // fails loudly if the plan were ever wrong about that.
          if (table === 'eventAnnotations') await store.db.table(table).bulkPut(rows)
          else await store.db.table(table).bulkAdd(rows)
        }
        return {
          added,
          skipped: plan.skipped,
          conflicts: plan.conflicts.length,
          combined: plan.combined.length,
        }
      },
      store.history,
    )
  } catch (error) {
    const failure = toWriteError(error)
    // A store from a newer build is read-only: its own message says why (lib/db/write-guard.ts).
    if (failure.code === 'read-only') throw failure
    if (failure.code === 'disk-full')
      throw new WriteError(
        'disk-full',
        'Disk full: nothing was imported. Free some space and import the file again.',
      )
    throw new WriteError(
      'failed',
      `Could not import the project: ${detail(error)}. Nothing was imported.`,
    )
  }
}

function detail(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
