/**
 * What happens before the app touches the store: find the version on disk, back it up before a
 * schema upgrade, open a store saved by a newer build read-only, and compare what opened with the
 * record kept outside IndexedDB, stopping before any write when the store came back empty or would
 * not open (docs/decisions/0011-startup-safety.md). Browser and Electron alike; the platform parts
 * (backups, the store record, quarantine) exist only in Electron.
 */
import Dexie from 'dexie'
import type { BackupsPlatform, RecoveryPlatform } from '../platform/platform'
import {
  PROJECT_TABLES,
  emptyProjectData,
  totalRecords,
  type ProjectContext,
  type ProjectData,
  type ProjectMeta,
} from '../domain/project/format'
import type { BackupInfo } from '$shared/ipc'
import { runExport } from '../exports/run-export'
import { importProject } from './actions/project'
import type { SourcelineDb } from './db'
import { countStoredRecords } from './tables'
import { bumpGeneration } from './generation'
import type { UndoStack } from './history'
import { MIGRATIONS } from './migrations'
import { NEWER_DATABASE_MESSAGE, setReadOnly } from './write-guard'
import { counts } from '../strings'

/** Dexie stores version n as IndexedDB version n × 10. */
const DEXIE_VERSION_FACTOR = 10

export const CURRENT_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version

export type StartupOutcome =
  /** Open; `readOnly` when a newer build saved it. `notices` are worth telling the user. */
  | { kind: 'ready'; readOnly: boolean; notices: string[] }
  /** The schema upgrade was not started because its backup failed. Nothing was written. */
  | { kind: 'upgrade-blocked'; message: string }
  /** The store opened empty, or not at all, while its record says it held data. Nothing written. */
  | {
      kind: 'recovery'
      cause: 'empty' | 'failed'
      /** What went wrong, in words (the open error's text when it failed). */
      detail: string
      /** How many records the record says the store held, when there is a record. */
      expected: number | null
      /** The folder the damaged store was copied to, or null when the copy failed or is impossible. */
      copiedTo: string | null
      /** Why the copy failed, when it did. */
      copyError: string | null
    }

export interface StartupOptions {
  db: SourcelineDb
  backups?: BackupsPlatform
  recovery?: RecoveryPlatform
  /** The bundled corpus's title and article ids, for the before-upgrade backup's header. */
  corpus: () => Promise<ProjectMeta['corpus']>
  log?: (message: string) => void
  now?: () => Date
}

/** The version of the database called `name` on disk, in Dexie's numbering; null if there is none. */
export async function versionOnDisk(name: string): Promise<number | null> {
  const found = (await indexedDB.databases()).find((d) => d.name === name)
  if (!found?.version) return null
  return found.version / DEXIE_VERSION_FACTOR
}

/** Every row of every table of the database as it is on disk, whatever its version. */
export async function readRaw(name: string): Promise<ProjectData> {
  // Without declared versions Dexie opens the schema that is there and changes nothing.
  const raw = new Dexie(name)
  try {
    await raw.open()
    const data = emptyProjectData()
    const known = new Set<string>(PROJECT_TABLES)
    await raw.transaction('r', raw.tables, async () => {
      for (const table of raw.tables)
        if (known.has(table.name))
          (data as unknown as Record<string, unknown[]>)[table.name] = await table.toArray()
    })
    return data
  } finally {
    raw.close()
  }
}

export async function startDatabase(options: StartupOptions): Promise<StartupOutcome> {
  const { db, recovery } = options
  const log = options.log ?? ((message: string) => console.info(message))
  const notices: string[] = []
  const onDisk = await versionOnDisk(db.name)

  if (onDisk !== null && onDisk > CURRENT_VERSION) {
    // Dexie opens it at our schema without changing it; the guard keeps it that way.
    setReadOnly(NEWER_DATABASE_MESSAGE)
    log(`The store is at version ${onDisk}; this build knows up to ${CURRENT_VERSION}: read-only.`)
    await db.open()
    return { kind: 'ready', readOnly: true, notices }
  }
  setReadOnly(null)

  if (onDisk !== null && onDisk < CURRENT_VERSION) {
    const blocked = await backUpBeforeUpgrade(options, onDisk, log)
    if (typeof blocked === 'string') return { kind: 'upgrade-blocked', message: blocked }
    if (blocked) notices.push(blocked.notice)
  }

  const record = recovery ? await readRecord(recovery, log) : null
  try {
    await db.open()
  } catch (error) {
    if (!recovery) throw error
    db.close()
    return quarantine(recovery, 'failed', describe(error), record)
  }
  if (recovery && record && record.records > 0 && (await countStoredRecords(db)) === 0) {
    db.close()
    return quarantine(
      recovery,
      'empty',
      `The store opened empty, but it held ${counts.records(record.records)} when last counted ` +
        `(${record.savedAt}).`,
      record,
    )
  }
  return { kind: 'ready', readOnly: false, notices }
}

/**
 * Backs up the older store before Dexie upgrades it. Answers a message when the upgrade must not
 * go ahead, `{ notice }` when a backup was written, or null when none was needed or possible.
 */
async function backUpBeforeUpgrade(
  options: StartupOptions,
  onDisk: number,
  log: (message: string) => void,
): Promise<string | { notice: string } | null> {
  let data: ProjectData
  try {
    data = await readRaw(options.db.name)
  } catch (error) {
    return (
      `Your data could not be read to back it up before updating its format ` +
      `(version ${onDisk} to ${CURRENT_VERSION}): ${describe(error)}. Nothing was changed.`
    )
  }
  if (totalRecords(data) === 0) return null
  if (!options.backups) {
    // The browser build has no folder of its own; exporting the project is the user's backup.
    log(`Upgrading the store from version ${onDisk} to ${CURRENT_VERSION}; no disk backup here.`)
    return null
  }
  try {
    // Built in the export Worker, as every backup is: a large store never holds the window.
    const content = await runExport({
      kind: 'project',
      snapshot: data,
      meta: {
        exportedAt: (options.now?.() ?? new Date()).toISOString(),
        corpus: await options.corpus(),
      },
    })
    const { name } = await options.backups.write('before-upgrade', content)
    log(`Backed up the store before upgrading it: ${name}`)
    return { notice: `Your data was backed up before updating its format: ${name}.` }
  } catch (error) {
    return (
      `Your data was not updated to this version's format, because the backup taken first ` +
      `failed: ${describe(error)}. Nothing was changed. Free some disk space and start ` +
      `Sourceline again.`
    )
  }
}

async function readRecord(recovery: RecoveryPlatform, log: (message: string) => void) {
  try {
    return await recovery.getStoreRecord()
  } catch (error) {
    // Without a record there is nothing to compare with; that must not stop the app.
    log(`The store record could not be read: ${describe(error)}`)
    return null
  }
}

async function quarantine(
  recovery: RecoveryPlatform,
  cause: 'empty' | 'failed',
  detail: string,
  record: { records: number } | null,
): Promise<StartupOutcome> {
  try {
    const copiedTo = await recovery.quarantineStore()
    return {
      kind: 'recovery',
      cause,
      detail,
      expected: record?.records ?? null,
      copiedTo,
      copyError: null,
    }
  } catch (error) {
    return {
      kind: 'recovery',
      cause,
      detail,
      expected: record?.records ?? null,
      copiedTo: null,
      copyError: describe(error),
    }
  }
}

/**
 * Keeps the store record up to date: counts after commands, undos and redos (the history tells
 * when one committed), at most once per `delayMs`. Answers a function that stops it.
 */
export function keepStoreRecord(
  db: SourcelineDb,
  recovery: RecoveryPlatform,
  history: UndoStack,
  options: { delayMs?: number; log?: (message: string) => void } = {},
): () => void {
  const delay = options.delayMs ?? 1000
  const log = options.log ?? ((message: string) => console.warn(message))
  let timer: ReturnType<typeof setTimeout> | undefined
  const record = async () => {
    timer = undefined
    try {
      await recovery.setStoreRecord(await countStoredRecords(db))
    } catch (error) {
      log(`The store record could not be updated: ${describe(error)}`)
    }
  }
  // subscribe() calls at once too: the count that just passed the startup check is recorded.
  const unsubscribe = history.subscribe(() => {
    if (timer === undefined) timer = setTimeout(() => void record(), delay)
  })
  return () => {
    unsubscribe()
    if (timer !== undefined) clearTimeout(timer)
  }
}

type Recovery = Extract<StartupOutcome, { kind: 'recovery' }>

/** Whether the store may be replaced: it is empty anyway, or its files were copied aside first. */
export function canReplaceStore(outcome: Recovery): boolean {
  return outcome.cause === 'empty' || outcome.copiedTo !== null
}

/**
 * Opens a store the user can write to again. An empty store is kept as it is; one that would not
 * open is deleted and made fresh, which is only allowed once its files were copied aside.
 */
async function reopen(db: SourcelineDb, outcome: Recovery): Promise<void> {
  if (!canReplaceStore(outcome))
    throw new Error('The damaged store could not be copied aside, so it is left as it is.')
  db.close()
  if (outcome.cause === 'failed') {
    // Deleting writes no row: the tables' generation is changed here (stored derived data).
    bumpGeneration(db.tables.map((t) => t.name))
    await Dexie.delete(db.name)
  }
  await db.open()
}

/** The user chose to go on without their data: the record starts again from what is there. */
export async function startEmpty(
  db: SourcelineDb,
  recovery: RecoveryPlatform,
  outcome: Recovery,
): Promise<void> {
  await reopen(db, outcome)
  await recovery.setStoreRecord(await countStoredRecords(db))
}

/** The newest backup that read back whole, or null when there is none. */
export async function newestBackup(backups: BackupsPlatform): Promise<BackupInfo | null> {
  const all = await backups.list()
  return all.filter((b) => b.verified).sort((a, b) => b.time.localeCompare(a.time))[0] ?? null
}

/**
 * Puts the backup called `name` into the reopened store through the project import (checked
 * whole first, written in one transaction). The import is not offered for undo: undoing it would
 * empty the store again. Answers how many records the store holds afterwards.
 */
export async function restoreBackup(
  store: { db: SourcelineDb; history: UndoStack },
  backups: BackupsPlatform,
  recovery: RecoveryPlatform,
  outcome: Recovery,
  name: string,
  context: ProjectContext,
): Promise<number> {
  const text = await backups.read(name)
  await reopen(store.db, outcome)
  await importProject(text, context, store)
  store.history.clear()
  const records = await countStoredRecords(store.db)
  await recovery.setStoreRecord(records)
  return records
}

/**
 * An error in words. IndexedDB's own error names (VersionError, UnknownError…) help whoever reads
 * the damaged copy, so they stay; our wrappers' names say nothing to the user.
 */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const plain = ['Error', 'PlatformError', 'WriteError'].includes(error.name)
  return plain ? error.message : `${error.name}: ${error.message}`
}
