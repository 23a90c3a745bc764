/**
 * Export and import of the whole project file. Export reads every table in one read transaction;
 * import checks the whole file first and writes nothing if anything is wrong, then merges it into
 * the store in one undoable command, all or nothing: written in chunks inside that one
 * transaction, with progress between them, and a cancel aborts it. Browser and Electron alike.
 */
import Dexie from 'dexie'
import { db as appDb, type SourcelineDb } from '../db'
import { history as appHistory, runCommand, type UndoStack } from '../history'
import {
  PROJECT_TABLES,
  serializeProject,
  type Project,
  type ProjectContext,
  type ProjectData,
  type ProjectMeta,
  type ProjectTable,
} from '../../domain/project/format'
import { planMergePaced } from '../../domain/project/merge'
import { nextTask, timedPacer } from '../../domain/pacing'
import { readAllTables } from '../tables'
import { pipelined } from '../pipelined'
import { WriteError, toWriteError } from './errors'
import { checkProjectText, type ProjectSource } from '../../backups/check-project'
import { counts } from '../../strings'

/** The user cancelled the import; nothing was written. */
export class ImportCancelled extends Error {
  override name = 'ImportCancelled'
  constructor() {
    super('Import cancelled: nothing was imported.')
  }
}

export interface ImportOptions {
  /** Records written so far and in all, after each chunk. */
  onprogress?: (written: number, total: number) => void
  /** Aborting stops the import before its next chunk and undoes the chunks written. */
  signal?: AbortSignal
  /**
   * Called after each progress report; the import waits for the promise it may return (inside
   * its transaction, so a Dexie.waitFor one). An import in a worker waits so for the window.
   */
  pace?: () => PromiseLike<unknown> | undefined
  /**
   * Called inside the transaction once the merge is planned, before the first write, with the
   * tables it will write; the import waits for the promise it may return. An import in a worker
   * tells the window then, which marks those tables changed (lib/db/generation.ts).
   */
  onwriting?: (tables: readonly ProjectTable[]) => PromiseLike<unknown> | undefined
}

/**
 * Rows per bulk write: small enough for the window to repaint and hear a cancel in between (each
 * write's rows are cloned in one task: 2,000 events took 80–160 ms, 1,000 up to 190 ms on a busy
 * machine).
 */
export const IMPORT_CHUNK = 500

/** What Undo says for an import. */
export const IMPORT_LABEL = 'Import project'

/** The database and undo stack to work on; the app's own unless a test passes its own. */
export interface ProjectStore {
  db: SourcelineDb
  history: UndoStack
}

const APP_STORE: ProjectStore = { db: appDb, history: appHistory }

/** Tables keyed by what they describe: the plan may replace the stored record (see planMerge). */
const PUT_TABLES = new Set<ProjectTable>(['eventAnnotations', 'grades', 'conflictNotes'])

/** The file was refused; nothing was written. `problems` name what is wrong and where. */
export class ImportError extends Error {
  override name = 'ImportError'
  readonly problems: string[]

  constructor(problems: string[]) {
    super(
      `This project file cannot be imported (${counts.problems(problems.length)}):\n` +
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
 * Reads `source` (a project file's text, or the file) and checks the whole of it (schema,
 * references, offsets, checksums) without writing anything, once. Throws ImportError listing
 * every problem found.
 */
export async function readCheckedProject(
  source: ProjectSource,
  context: ProjectContext,
): Promise<Project> {
  // In a Worker where there are Workers: a large file never freezes the window.
  const checked = await checkProjectText(source, context)
  if (!checked.ok) throw new ImportError(checked.problems)
  return checked.project
}

/** The project file's text for everything in the store, read as one consistent snapshot. */
export async function exportProject(
  meta: ExportMeta,
  store: ProjectStore = APP_STORE,
): Promise<string> {
  const read = await readProjectSnapshot(meta, store)
  return serializeProject(read.snapshot, read.meta)
}

/**
 * What the project file holds, read as one consistent snapshot, with its envelope: for writing
 * the file elsewhere (in pieces, in a Worker: lib/exports/run-export.ts).
 */
export async function readProjectSnapshot(
  meta: ExportMeta,
  store: ProjectStore = APP_STORE,
): Promise<{ snapshot: ProjectData; meta: ProjectMeta }> {
  return {
    snapshot: await readAllTables(store.db),
    meta: { exportedAt: meta.exportedAt ?? new Date().toISOString(), corpus: meta.corpus },
  }
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
  return importCheckedProject(await readCheckedProject(text, context), store)
}

/**
 * Merges a project that checkProjectText (or previewImport) has already checked, as importProject
 * does. Throws ImportCancelled when `options.signal` aborts: the transaction is aborted, so nothing
 * is written and nothing goes on the undo stack.
 */
export async function importCheckedProject(
  project: Project,
  store: ProjectStore = APP_STORE,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const incoming = project.data
  const { onprogress, signal, pace, onwriting } = options
  if (signal?.aborted) throw new ImportCancelled()

  try {
    // runCommand, not command(): command() is bound to the app's database, and tests import
    // into their own. The error handling below is command()'s, worded for an import.
    return await runCommand(
      store.db,
      IMPORT_LABEL,
      PROJECT_TABLES,
      async () => {
        // Planned against the store as this transaction sees it, so nothing can change between;
        // in slices (100k records), the transaction kept open by Dexie's requests meanwhile.
        const plan = await planMergePaced(
          await readAllTables(store.db),
          incoming,
          timedPacer(() => Dexie.waitFor(nextTask())),
        )
        const added = {} as Record<ProjectTable, number>
        const total = PROJECT_TABLES.reduce((n, table) => n + plan.add[table].length, 0)
        let written = 0
        const waits = onwriting?.(PROJECT_TABLES.filter((table) => plan.add[table].length > 0))
        if (waits) await waits
        onprogress?.(0, total)
        function* parts() {
          for (const table of PROJECT_TABLES) {
            const rows = plan.add[table]
            added[table] = rows.length
            for (let from = 0; from < rows.length; from += IMPORT_CHUNK) {
              // Thrown inside the transaction, so IndexedDB rolls back every chunk written.
              if (signal?.aborted) throw new ImportCancelled()
              yield { table, rows: rows.slice(from, from + IMPORT_CHUNK) }
            }
          }
        }
        await pipelined(
          parts(),
          // Annotations may replace the stored one (a union), grades and explained conflicts a
          // stored older one; everything else is new, and add fails loudly if the plan is wrong.
          ({ table, rows }): Promise<unknown> =>
            PUT_TABLES.has(table)
              ? store.db.table(table).bulkPut(rows)
              : store.db.table(table).bulkAdd(rows),
          (_, { rows }) => {
            written += rows.length
            onprogress?.(written, total)
            return pace?.()
          },
        )
        if (signal?.aborted) throw new ImportCancelled()
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
    if (error instanceof ImportCancelled) throw error
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
