/**
 * The startup steps (../startup.ts) bound to the app's own database and undo history, for the
 * startup and recovery screens, which never touch the database themselves.
 */
import type { ProjectContext, ProjectMeta } from '../../domain/project/format'
import type { BackupsPlatform, RecoveryPlatform } from '../../platform/platform'
import { db } from '../db'
import { history } from '../history'
import {
  keepStoreRecord,
  restoreBackup,
  startDatabase,
  startEmpty,
  type StartupOutcome,
} from '../startup'

type Recovery = Extract<StartupOutcome, { kind: 'recovery' }>

export function startAppStore(
  platform: { backups?: BackupsPlatform; recovery?: RecoveryPlatform },
  corpus: () => Promise<ProjectMeta['corpus']>,
): Promise<StartupOutcome> {
  return startDatabase({ db, backups: platform.backups, recovery: platform.recovery, corpus })
}

/** Keeps the record of the app's store up to date; answers a function that stops it. */
export function recordAppStore(recovery: RecoveryPlatform): () => void {
  return keepStoreRecord(db, recovery, history)
}

export function restoreAppBackup(
  backups: BackupsPlatform,
  recovery: RecoveryPlatform,
  outcome: Recovery,
  name: string,
  context: ProjectContext,
): Promise<number> {
  return restoreBackup({ db, history }, backups, recovery, outcome, name, context)
}

export function startAppEmpty(recovery: RecoveryPlatform, outcome: Recovery): Promise<void> {
  return startEmpty(db, recovery, outcome)
}
