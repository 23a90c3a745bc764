/**
 * The app's automatic backups: the scheduler (scheduler.ts) wired to the app's store and platform.
 * `backupBefore` is what import flows call first.
 */
import type { BackupReason } from '$shared/ipc'
import { exportProject, type ExportMeta } from '../db/actions/project'
import { db } from '../db/db'
import { countStoredRecords } from '../db/tables'
import { platform } from '../platform'
import { AutoBackups } from './scheduler'

export { BackupNotWrittenError } from './scheduler'

/** The corpus the app's backups are made over; set once the bundled corpus has loaded. */
let corpusMeta: ExportMeta | null = null

export function setBackupCorpus(meta: ExportMeta): void {
  corpusMeta = meta
}

/** The app's automatic backups, over the app's store and platform. */
export const autoBackups = new AutoBackups({
  backups: platform.backups,
  exportText: () => {
    if (!corpusMeta) return Promise.reject(new Error('the bundled articles are not loaded yet'))
    return exportProject(corpusMeta)
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
