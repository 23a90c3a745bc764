/**
 * The app's automatic backups: the scheduler (scheduler.ts) wired to the app's store and platform,
 * the project file built off the window's thread as a saved one is. `backupBefore` is what import
 * flows call first.
 */
import type { BackupReason } from '$shared/ipc'
import { readProjectSnapshot, type ExportMeta } from '../db/actions/project'
import { db } from '../db/db'
import { countStoredRecords } from '../db/tables'
import { runExport, type RunExportOptions } from '../exports/run-export'
import { platform } from '../platform'
import { AutoBackups } from './scheduler'

export { BackupNotWrittenError } from './scheduler'

/** The corpus the app's backups are made over; set once the bundled corpus has loaded. */
let corpusMeta: ExportMeta | null = null

export function setBackupCorpus(meta: ExportMeta): void {
  corpusMeta = meta
}

/**
 * The project file of the store as it is now, as UTF-8 bytes: the tables read in pages, the file
 * built in the export Worker (decision 0018).
 */
export async function projectFileBytes(
  meta: ExportMeta,
  options: RunExportOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  return runExport({ kind: 'project', ...(await readProjectSnapshot(meta)) }, options)
}

/** The app's automatic backups, over the app's store and platform. */
export const autoBackups = new AutoBackups({
  backups: platform.backups,
  exportFile: () => {
    if (!corpusMeta) return Promise.reject(new Error('the bundled articles are not loaded yet'))
    return projectFileBytes(corpusMeta)
  },
  countStored: () => countStoredRecords(db),
  now: () => Date.now(),
})

/**
 * Call before anything that changes many records at once (a project import, an article import).
 * In Electron it writes a backup of the current data with `reason` and throws BackupNotWrittenError if that
 * fails: the caller stops and tells the user, who can retry. In the browser it does nothing.
 */
export function backupBefore(reason: BackupReason): Promise<string | null> {
  return autoBackups.backupBefore(reason)
}
