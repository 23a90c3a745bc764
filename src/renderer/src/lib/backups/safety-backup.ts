/**
 * The backup the Project file and Backups screens write before an import or a restore; if it
 * fails, nothing is written (docs/decisions/0009-backup-screens.md).
 */
import type { Corpus } from '$shared/corpus'
import type { Busy } from '../state/busy.svelte'
import { backupBefore, setBackupCorpus } from './auto'
import { exportMetaFor } from './project-context'

/**
 * The backup of the current data written before an import or a restore: its name (null where the
 * platform keeps no backups), or why it failed, as a sentence ending with one full stop. The
 * caller writes nothing when it failed.
 */
export type SafetyBackup = { ok: true; name: string | null } | { ok: false; reason: string }

export async function safetyBackup(
  corpus: Corpus,
  busy: Busy,
  label: string,
): Promise<SafetyBackup> {
  try {
    setBackupCorpus(exportMetaFor(corpus))
    return { ok: true, name: await busy.run(label, () => backupBefore('before-import')) }
  } catch (error) {
    return { ok: false, reason: `${(error as Error).message.replace(/\.$/, '')}.` }
  }
}
